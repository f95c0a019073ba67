// cli/export.cpp: `plan export`, the plan in formats other tools read.
#include "plan/render/export.h"

#include <sys/stat.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/file_io.h"
#include "plan/render/json.h"
#include "plan/render/xlsx.h"

namespace plan::cli {

struct ExportOptions {
  CommonOptions common;
  Format format = Format::csv;
  CsvFlags csv;
  std::string output;  // "" = standard output
  bool force = false;
};

namespace {

// The refusals told before any plan is read. A workbook is binary: on a
// terminal it would only garble the screen.
int check_export_request(const ExportOptions& opts, const Context& ctx) {
  if (const int bad = check_csv_flags(opts.csv, ctx); bad != kExitOk)
    return bad;
  if (opts.format == Format::xlsx && opts.output.empty() && is_terminal(STDOUT_FILENO))
    return print_error(ctx, nullptr, {Msg::export_binary_tty, {}, Msg::hint_export_binary_tty, {}});
  return kExitOk;
}

std::string render_text(const ExportOptions& opts, const Context& ctx,
                        const std::vector<PlanState>& states, Language lang) {
  if (opts.format == Format::csv)
    return render_csv(states, csv_options(opts.csv, lang));
  if (opts.format == Format::json)
    return render_plan_json(states);
  if (opts.format == Format::ics)
    return render_ics(states, lang);
  std::string out;
  for (size_t i = 0; i < states.size(); ++i) {
    if (i > 0)
      out += "\n";
    const Language l = ctx.lang_for(states[i].plan);
    out += opts.format == Format::markdown ? render_markdown(states[i], l)
                                           : render_mermaid(states[i], l);
  }
  return out;
}

// lstat: a dangling symlink exists too, and is not silently replaced.
bool output_exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

// The bytes on standard output, or in --output's file: under its
// directory's lock, refusing an existing file without --force, replaced
// atomically so that a reader never sees half a workbook.
int write_output(const ExportOptions& opts, const Context& ctx, const Plan* plan,
                 const std::string& bytes) {
  if (opts.output.empty()) {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return kExitOk;
  }
  FileLock lock(opts.output);
  if (!lock.error().empty())
    return print_error(ctx, plan, {Msg::mark_write_failed, {opts.output, lock.error()}});
  if (output_exists(opts.output) && !opts.force)
    return print_error(ctx, plan, {Msg::init_exists, {opts.output}, Msg::hint_init_force, {}});
  const WriteResult w = write_atomically(opts.output, bytes, true);
  if (w.error == WriteError::read_only)
    return print_error(ctx, plan, {Msg::mark_read_only, {opts.output}});
  if (w.error == WriteError::failed)
    return print_error(ctx, plan, {Msg::mark_write_failed, {opts.output, w.detail}});
  return kExitOk;
}

// The workbook's bytes, or the status after saying why there are none
// (in the language of `plan`, which may be one with errors).
int render_workbook(const Context& ctx, const Plan* plan, const std::vector<PlanState>& states,
                    Language lang, std::string* bytes) {
  if (states.empty())
    return print_error(ctx, plan, {Msg::export_nothing});
  XlsxResult r = render_xlsx(states, lang);
  if (!r.error.empty())
    return print_error(ctx, states.front().plan, {Msg::xlsx_failed, {r.error}});
  *bytes = std::move(r.bytes);
  return kExitOk;
}

}  // namespace

int run_export(const ExportOptions& opts) {
  const Context ctx = make_context(opts.common);
  if (const int bad = check_export_request(opts, ctx); bad != kExitOk)
    return bad;
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const std::vector<PlanState> states = derive_usable(loaded, ctx);
  const Plan* first = states.empty() ? nullptr : states.front().plan;
  const Language lang = ctx.lang_for(first);
  // Messages speak the first usable plan's language, else the first read's.
  const Plan* speaker =
      first != nullptr || loaded.results.empty() ? first : &loaded.results.front()->plan;
  std::string bytes;
  if (opts.format == Format::xlsx) {
    if (const int bad = render_workbook(ctx, speaker, states, lang, &bytes); bad != kExitOk)
      return bad;
  } else {
    bytes = render_text(opts, ctx, states, lang);
  }
  if (const int bad = write_output(opts, ctx, speaker, bytes); bad != kExitOk)
    return bad;
  return errors ? kExitPlan : kExitOk;
}

void setup_export(CLI::App& app, int* status) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* sub =
      app.add_subcommand("export", "The plan as csv, json, markdown, mermaid, ics or xlsx");
  add_word_option(sub, "--format", &opts->format, "csv, json, markdown, mermaid, ics or xlsx",
                  format_words({Format::csv, Format::json, Format::markdown, Format::mermaid,
                                Format::ics, Format::xlsx}))
      ->required();
  sub->add_option("--output", opts->output,
                  "Write to FILE instead of standard output (xlsx needs it, or a redirection, "
                  "on a terminal)")
      ->type_name("FILE");
  sub->add_flag("--force", opts->force, "Replace the --output file if it exists");
  add_csv_options(sub, &opts->csv);
  add_common_options(sub, &opts->common, /*with_view=*/false);
  sub->callback([opts, status] { *status = run_export(*opts); });
}

}  // namespace plan::cli
