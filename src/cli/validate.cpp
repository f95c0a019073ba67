// cli/validate.cpp: `plan validate`, the check CI runs on every change.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "plan/render/diagnostics.h"

namespace plan::cli {

struct ValidateOptions {
  CommonOptions common;
  bool strict = false;
  Format format = Format::text;
};

int run_validate(const ValidateOptions& opts) {
  const Context ctx = make_context(opts.common);
  const Loaded loaded = load_and_validate(ctx);
  const auto& diags = loaded.diagnostics;
  if (opts.format == Format::json) {
    std::cout << render_diagnostics_json(
        diags, [&](const std::string& file) { return ctx.lang_for(loaded.plan_of(file)); });
  } else if (opts.format == Format::github) {
    for (const Diagnostic& d : diags) {
      std::cout << render_diagnostic_github(d, ctx.lang_for(loaded.plan_of(d.file)));
    }
  } else {
    for (const Diagnostic& d : diags) {
      std::cout << render_diagnostic(d, loaded, ctx, ctx.out);
    }
    const Plan* first = loaded.results.empty() ? nullptr : &loaded.results.front()->plan;
    const Language lang = ctx.lang_for(first);
    if (diags.empty()) {
      for (const auto& r : loaded.results) {
        std::cout << paint(ctx.out, Style::green, tr(lang, Msg::summary_ok, r->plan.file)) << "\n";
      }
    } else {
      const size_t errors = count_severity(diags, Severity::error);
      const size_t warnings = count_severity(diags, Severity::warning);
      const size_t files = loaded.results.size();
      std::cout << tr(lang, Msg::summary_counts, errors,
                      text_of(lang, errors == 1 ? Msg::noun_error : Msg::noun_errors), warnings,
                      text_of(lang, warnings == 1 ? Msg::noun_warning : Msg::noun_warnings), files,
                      text_of(lang, files == 1 ? Msg::noun_file : Msg::noun_files))
                << "\n";
    }
  }
  const bool failed =
      has_errors(diags) || (opts.strict && count_severity(diags, Severity::warning) > 0);
  return failed ? kExitPlan : kExitOk;
}

void setup_validate(CLI::App& app, int* status) {
  auto opts = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand("validate", "Check plan files against the format's rules");
  sub->add_flag("--strict", opts->strict, "Fail on warnings too");
  add_word_option(sub, "--format", &opts->format, "Output: text, json or github",
                  format_words({Format::text, Format::json, Format::github}));
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_validate(*opts); });
}

}  // namespace plan::cli
