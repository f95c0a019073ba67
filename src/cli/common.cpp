// cli/common.cpp: shared options, loading and diagnostics output.
#include "common.h"

#include <unistd.h>

#include <ctime>
#include <iostream>

#include "error.h"
#include "plan/render/diagnostics.h"
#include "plan/render/table.h"
#include "plan/text.h"
#include "plan/validate.h"

namespace plan::cli {

namespace {

const Words<Format> kFormatWords = {
    {"text", Format::text},     {"json", Format::json},         {"csv", Format::csv},
    {"github", Format::github}, {"markdown", Format::markdown}, {"mermaid", Format::mermaid},
    {"ics", Format::ics},       {"html", Format::html},         {"xlsx", Format::xlsx}};

const Words<Language> kLanguageWords = {{"es", Language::es}, {"en", Language::en}};

const Words<ColorMode> kColorWords = {
    {"auto", ColorMode::auto_}, {"always", ColorMode::always}, {"never", ColorMode::never}};

}  // namespace

Words<Format> format_words(const std::vector<Format>& formats) {
  Words<Format> out;
  for (const Format f : formats) {
    for (const auto& w : kFormatWords) {
      if (w.second == f)
        out.push_back(w);
    }
  }
  return out;
}

void add_csv_options(CLI::App* app, CsvFlags* flags) {
  app->add_flag("--raw-csv", flags->raw,
                "Write CSV text cells as they are, for programs: by default a cell that "
                "begins with = + - @, tab or CR gets a leading ' so spreadsheets do not "
                "run it");
  app->add_flag("--codes", flags->codes,
                "Write CSV for programs: the stable English column names and status "
                "codes, whole numbers, ',' and no BOM unless --sep or --bom say otherwise");
  app->add_option("--sep", flags->sep,
                  "CSV separator: ';', ',' or tab (default: ';' for Spanish, ',' for English "
                  "and with --codes)");
  CLI::Option* bom =
      app->add_flag("--bom", flags->bom,
                    "Start CSV with a UTF-8 BOM, which Excel needs to read accents (the "
                    "default, but with --codes)");
  app->add_flag("--no-bom", flags->no_bom, "Write CSV without the BOM")->excludes(bom);
}

std::optional<char> parse_csv_sep(std::string_view value) {
  if (value == ";" || value == ",")
    return value.front();
  if (value == "tab" || value == "\t")
    return '\t';
  return std::nullopt;
}

void add_common_options(CLI::App* app, CommonOptions* opts, bool with_view, bool with_paths) {
  const std::string group = "Common options";
  // Through a function: the language stays unset unless given.
  check_words(app->add_option_function<Language>(
                  "--lang", [opts](const Language& lang) { opts->lang = lang; },
                  "Output language: es or en (default: the plan's)"),
              kLanguageWords)
      ->group(group);
  app->add_option("--as-of", opts->as_of, "Date to compute status at, YYYY-MM-DD (default: today)")
      ->check(check_day)
      ->group(group);
  if (with_view) {
    add_word_option(app, "--color", &opts->color, "Colour: auto, always or never", kColorWords)
        ->group(group);
    app->add_option("--width", opts->width, "Output width in columns (default: the terminal's)")
        ->check(CLI::Range(40, 1000))
        ->group(group);
  }
  if (with_paths) {
    app->add_option("PATH", opts->paths, "Plan files or directories (default: plans)");
  }
}

namespace {

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace

const char* locale_language() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0')
      return v;
  }
  return nullptr;
}

Language Context::lang_for(const Plan* plan) const {
  return choose_language(lang_flag, plan != nullptr ? plan->language : std::nullopt,
                         locale_language());
}

Context make_context(const CommonOptions& opts) {
  Context ctx;
  ctx.lang_flag = opts.lang;
  ctx.today = today();
  ctx.as_of = opts.as_of.empty() ? ctx.today : *parse_day(opts.as_of);
  const std::optional<int> width = opts.width > 0 ? std::optional<int>(opts.width) : std::nullopt;
  ctx.out = detect_terminal(STDOUT_FILENO, width, opts.color);
  ctx.err = detect_terminal(STDERR_FILENO, width, opts.color);
  ctx.paths = opts.paths.empty() ? std::vector<std::string>{"plans"} : opts.paths;
  return ctx;
}

int check_csv_flags(const CsvFlags& flags, const Context& ctx) {
  if (flags.sep.empty() || parse_csv_sep(flags.sep))
    return kExitOk;
  return print_error(ctx, nullptr, {Msg::csv_bad_sep, {flags.sep}, Msg::hint_csv_sep, {}});
}

CsvOptions csv_options(const CsvFlags& flags, Language lang) {
  CsvOptions opts = csv_defaults(flags.codes ? CsvForm::codes : CsvForm::sheet, lang);
  if (!flags.sep.empty())
    opts.sep = parse_csv_sep(flags.sep).value_or(opts.sep);
  if (flags.bom || flags.no_bom)
    opts.bom = flags.bom;
  opts.cells = flags.raw ? CsvCells::raw : CsvCells::protect;
  return opts;
}

Loaded load_and_validate(const Context& ctx) {
  Loaded loaded;
  const std::vector<std::string> files = find_plan_files(ctx.paths, &loaded.diagnostics);
  std::vector<const Plan*> complete;
  for (const std::string& file : files) {
    auto r = std::make_unique<LoadResult>(load_plan_file(file));
    if (r->complete) {
      auto more = validate_plan(r->plan, ctx.as_of);
      r->diagnostics.insert(r->diagnostics.end(), std::make_move_iterator(more.begin()),
                            std::make_move_iterator(more.end()));
      complete.push_back(&r->plan);
    }
    loaded.diagnostics.insert(loaded.diagnostics.end(), r->diagnostics.begin(),
                              r->diagnostics.end());
    loaded.results.push_back(std::move(r));
  }
  for (Diagnostic& d : validate_plan_set(complete)) {
    for (auto& r : loaded.results) {
      if (r->plan.file == d.file)
        r->diagnostics.push_back(d);
    }
    loaded.diagnostics.push_back(std::move(d));
  }
  sort_diagnostics(&loaded.diagnostics);
  return loaded;
}

std::vector<const Plan*> Loaded::usable() const {
  std::vector<const Plan*> out;
  for (const auto& r : results) {
    if (r->complete && !has_errors(r->diagnostics))
      out.push_back(&r->plan);
  }
  return out;
}

const Plan* Loaded::plan_of(const std::string& file) const {
  for (const auto& r : results) {
    if (r->plan.file == file)
      return &r->plan;
  }
  return nullptr;
}

std::string render_diagnostic(const Diagnostic& d, const Loaded& loaded, const Context& ctx,
                              const Terminal& term) {
  const Plan* plan = loaded.plan_of(d.file);
  return render_diagnostic_text(d, plan != nullptr ? &plan->source : nullptr, ctx.lang_for(plan),
                                term);
}

bool report_errors(const Loaded& loaded, const Context& ctx) {
  bool any = false;
  for (const Diagnostic& d : loaded.diagnostics) {
    if (d.severity != Severity::error)
      continue;
    std::cerr << render_diagnostic(d, loaded, ctx, ctx.err);
    any = true;
  }
  return any;
}

std::vector<PlanState> derive_usable(const Loaded& loaded, const Context& ctx) {
  std::vector<PlanState> states;
  for (const Plan* p : loaded.usable()) states.push_back(derive_plan(*p, ctx.as_of));
  return states;
}

void print_tables(const std::vector<PlanState>& states, const Context& ctx) {
  for (size_t i = 0; i < states.size(); ++i) {
    if (i > 0)
      std::cout << "\n";
    std::cout << render_list_table(states[i], ctx.lang_for(states[i].plan), ctx.out,
                                   states.size() > 1);
  }
}

std::optional<Target> resolve_one(const std::string& text, const std::vector<const Plan*>& plans,
                                  const Context& ctx, int* status) {
  const Plan* first = plans.empty() ? nullptr : plans.front();
  const std::optional<Address> address = parse_address(text);
  if (!address) {
    *status = print_error(ctx, first, {Msg::bad_address, {text}});
    return std::nullopt;
  }
  const std::vector<Target> targets = resolve(*address, plans);
  if (targets.empty()) {
    std::vector<std::string> known;
    for (const Plan* p : plans) {
      for (const Line& l : p->lines) {
        known.push_back(std::to_string(l.id.value));
        for (const Activity& a : l.activities) known.push_back(format_address(l, a));
      }
    }
    const std::string near = nearest(text, known);
    if (near.empty()) {
      *status = print_error(ctx, first, {Msg::unknown_address, {text}});
    } else {
      *status =
          print_error(ctx, first, {Msg::unknown_address, {text}, Msg::hint_did_you_mean, {near}});
    }
    return std::nullopt;
  }
  if (targets.size() > 1) {
    std::vector<std::string> names;
    for (const Target& t : targets) names.push_back(t.plan->id.value + ":" + text);
    *status = print_error(ctx, first, {Msg::ambiguous_address, {text, join(names, ", ")}});
    return std::nullopt;
  }
  return targets.front();
}

std::string check_day(const std::string& value) {
  return parse_day(value) ? "" : "'" + value + "' is not a date YYYY-MM-DD";
}

}  // namespace plan::cli
