// cli/import.cpp: `plan import FILE.xlsx|FILE.csv --output plans/NEW.yaml`,
// last year's follow-up matrix as a new plan file.
#include "plan/import.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/file_io.h"
#include "plan/i18n.h"
#include "plan/load.h"
#include "plan/text.h"
#include "plan/validate.h"

namespace plan::cli {

// From cli/init.cpp: what --id takes, and a path that exists (a dangling
// symlink too).
bool valid_id(const std::string& id);
bool path_exists(const std::string& path);

namespace {

struct ImportCliOptions {
  CommonOptions common;
  std::string file;
  std::string output;
  std::string sheet;
  std::string columns;
  std::string owners;
  std::string id;
  std::string title;
  bool partial = false;
  bool force = false;
};

// "plan: error: Hoja1!F7: MESSAGE [code]" and its hint, as print_error
// writes its errors, with the cell's place first.
void print_problem(const Context& ctx, const std::string& file, const ImportProblem& p) {
  const Language lang = ctx.lang_for(nullptr);
  const std::string where = p.where().empty() ? file : file + ": " + p.where();
  std::string out =
      "plan: " + paint(ctx.err, Style::red, std::string(text_of(lang, Msg::word_error)) + ":") +
      " " + visible_text(where + ": " + tr(lang, p.message, p.args));
  if (!code_of(p.message).empty())
    out += " [" + std::string(code_of(p.message)) + "]";
  out += "\n";
  if (p.hint) {
    out += std::string(6, ' ') + "= " + std::string(text_of(lang, Msg::word_hint)) + ": " +
           visible_text(tr(lang, *p.hint, p.hint_args)) + "\n";
  }
  std::cerr << out;
}

std::string lower_extension(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return "";
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// --columns key=Header,...; kExitOk or the status after saying why not.
int parse_columns(const std::string& text, const Context& ctx, std::map<Column, std::string>* out) {
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const size_t eq = item.find('=');
    const std::optional<Column> c =
        eq == std::string::npos ? std::nullopt : column_of_key(item.substr(0, eq));
    if (!c || eq + 1 >= item.size()) {
      std::vector<std::string> keys;
      for (int i = 0; i <= static_cast<int>(Column::weight); ++i)
        keys.emplace_back(column_key(static_cast<Column>(i)));
      return print_error(
          ctx, nullptr,
          {Msg::import_bad_columns, {item}, Msg::hint_import_keys, {join(keys, ", ")}});
    }
    (*out)[*c] = item.substr(eq + 1);
  }
  return kExitOk;
}

// The spreadsheet, read; kExitOk or the status after saying why not.
int read_book(const ImportCliOptions& opts, const Context& ctx, Workbook* book) {
  const std::string ext = lower_extension(opts.file);
  if (ext != "xlsx" && ext != "csv" && ext != "txt")
    return print_error(ctx, nullptr, {Msg::import_bad_type, {opts.file}, Msg::hint_import_type});
  struct stat st {};
  if (::stat(opts.file.c_str(), &st) != 0)
    return print_error(ctx, nullptr, {Msg::path_not_found, {opts.file}});
  if (!S_ISREG(st.st_mode))
    return print_error(ctx, nullptr, {Msg::not_a_file, {opts.file}});
  ReadResult r;
  if (ext == "xlsx") {
    r = read_xlsx(opts.file);
  } else {
    std::ifstream in(opts.file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in)
      return print_error(ctx, nullptr, {Msg::io_error, {opts.file, "read failed"}});
    std::string stem = opts.file.substr(opts.file.find_last_of('/') + 1);
    r = read_csv(bytes.str(), stem.substr(0, stem.find_last_of('.')));
  }
  for (const ImportProblem& p : r.problems) print_problem(ctx, opts.file, p);
  if (!r.problems.empty())
    return kExitPlan;
  *book = std::move(r.book);
  return kExitOk;
}

// What was built must load and validate; else its diagnostics are shown.
int check_valid(const ImportCliOptions& opts, const Context& ctx, const std::string& text) {
  auto back = std::make_unique<LoadResult>(load_plan_text(opts.output, text));
  Loaded loaded;
  loaded.diagnostics = back->diagnostics;
  if (back->complete) {
    for (const Diagnostic& d : validate_plan(back->plan, ctx.as_of))
      loaded.diagnostics.push_back(d);
  }
  const bool ok = back->ok() && !has_errors(loaded.diagnostics);
  if (ok)
    return kExitOk;
  sort_diagnostics(&loaded.diagnostics);
  loaded.results.push_back(std::move(back));
  report_errors(loaded, ctx);
  return print_error(ctx, nullptr, {Msg::import_invalid, {opts.file}});
}

int write_plan(const ImportCliOptions& opts, const Context& ctx, const std::string& text) {
  FileLock lock(opts.output);
  if (!lock.error().empty())
    return print_error(ctx, nullptr, {Msg::mark_write_failed, {opts.output, lock.error()}});
  if (path_exists(opts.output) && !opts.force)
    return print_error(ctx, nullptr, {Msg::init_exists, {opts.output}, Msg::hint_init_force, {}});
  const WriteResult w = write_atomically(opts.output, text, true);
  if (w.error == WriteError::read_only)
    return print_error(ctx, nullptr, {Msg::mark_read_only, {opts.output}});
  if (w.error == WriteError::failed)
    return print_error(ctx, nullptr, {Msg::mark_write_failed, {opts.output, w.detail}});
  return kExitOk;
}

int run_import(const ImportCliOptions& opts) {
  Context ctx = make_context(opts.common);
  plan::ImportOptions io;
  if (const int bad = parse_columns(opts.columns, ctx, &io.columns); bad != kExitOk)
    return bad;
  if (!opts.id.empty() && !valid_id(opts.id))
    return print_error(ctx, nullptr, {Msg::init_bad_id, {opts.id}});
  // Refused before any reading, as a refusal leaves everything as it was.
  if (path_exists(opts.output) && !opts.force)
    return print_error(ctx, nullptr, {Msg::init_exists, {opts.output}, Msg::hint_init_force, {}});
  Loaded owners;
  if (!opts.owners.empty()) {
    Context octx = ctx;
    octx.paths = {opts.owners};
    owners = load_and_validate(octx);
    if (owners.usable().empty()) {
      report_errors(owners, octx);
      return print_error(ctx, nullptr, {Msg::import_owners_invalid, {opts.owners}});
    }
    io.owners = owners.usable().front();
    io.owners_file = opts.owners;
  }
  Workbook book;
  if (const int bad = read_book(opts, ctx, &book); bad != kExitOk)
    return bad;
  io.source = opts.file;
  io.sheet = opts.sheet;
  io.id = opts.id;
  io.title = opts.title;
  io.output = opts.output;
  io.lang = ctx.lang_flag;
  io.partial = opts.partial;
  const ImportResult r = import_plan(book, io);
  if (!ctx.lang_flag)
    ctx.lang_flag = r.lang;
  for (const ImportProblem& p : r.problems) print_problem(ctx, opts.file, p);
  if (r.text.empty() || (!r.problems.empty() && !opts.partial)) {
    if (r.problems.empty() || r.problems.front().row == 0)
      return kExitPlan;
    return print_error(ctx, nullptr,
                       {Msg::import_failed,
                        {std::to_string(r.problems.size()), opts.file},
                        Msg::hint_import_partial});
  }
  if (const int bad = check_valid(opts, ctx, r.text); bad != kExitOk)
    return bad;
  if (const int bad = write_plan(opts, ctx, r.text); bad != kExitOk)
    return bad;
  const Language lang = ctx.lang_for(nullptr);
  if (r.rows_left_out > 0)
    std::cout << tr(lang, Msg::import_left_out, std::to_string(r.rows_left_out)) << "\n";
  std::cout << tr(lang, Msg::import_written, opts.output, std::to_string(r.rows_read),
                  std::to_string(r.lines_read), r.sheet, opts.file)
            << "\n"
            << tr(lang, Msg::import_next, opts.output) << "\n";
  return r.rows_left_out > 0 ? kExitPlan : kExitOk;
}

}  // namespace

void setup_import(CLI::App& app, int* status) {
  auto opts = std::make_shared<ImportCliOptions>();
  CLI::App* sub =
      app.add_subcommand("import", "Read a follow-up matrix (.xlsx or .csv) into a new plan file");
  sub->add_option("FILE", opts->file, "The spreadsheet to read: .xlsx or .csv")->required();
  sub->add_option("--output,-o", opts->output, "The plan file to write")->required();
  sub->add_option("--sheet", opts->sheet,
                  "The sheet to read (default: the first with the needed headers)");
  sub->add_option("--columns", opts->columns,
                  "Name the columns: KEY=Header,... with KEY one of line, line_title, objective, "
                  "id, title, lead, support, start, end, product, progress, weight");
  sub->add_option("--owners", opts->owners,
                  "Take the owners from this plan file: each cell names one of its codes or names");
  sub->add_option("--id", opts->id, "The plan's id (default: from the output file's name)");
  sub->add_option("--title", opts->title, "The plan's title (default: one naming FILE)");
  sub->add_flag("--partial", opts->partial,
                "Write the rows that could be read, list the rest, and exit 1");
  sub->add_flag("--force", opts->force, "Replace the output file if it exists");
  add_common_options(sub, &opts->common, false, false);
  sub->callback([opts, status] { *status = run_import(*opts); });
}

}  // namespace plan::cli
