// cli/export.cpp: `plan export`, the plan in formats other tools read.
#include "plan/render/export.h"

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "plan/render/json.h"

namespace plan::cli {

struct ExportOptions {
  CommonOptions common;
  Format format = Format::csv;
  CsvFlags csv;
};

int run_export(const ExportOptions& opts) {
  const Context ctx = make_context(opts.common);
  if (const int bad = check_csv_flags(opts.csv, ctx); bad != kExitOk)
    return bad;
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const std::vector<PlanState> states = derive_usable(loaded, ctx);
  const Language lang = ctx.lang_for(states.empty() ? nullptr : states.front().plan);
  if (opts.format == Format::csv) {
    std::cout << render_csv(states, csv_options(opts.csv, lang));
  } else if (opts.format == Format::json) {
    std::cout << render_plan_json(states);
  } else if (opts.format == Format::ics) {
    std::cout << render_ics(states, lang);
  } else {
    for (size_t i = 0; i < states.size(); ++i) {
      if (i > 0)
        std::cout << "\n";
      const Language l = ctx.lang_for(states[i].plan);
      std::cout << (opts.format == Format::markdown ? render_markdown(states[i], l)
                                                    : render_mermaid(states[i], l));
    }
  }
  return errors ? kExitPlan : kExitOk;
}

void setup_export(CLI::App& app, int* status) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand("export", "The plan as csv, json, markdown, mermaid or ics");
  add_word_option(
      sub, "--format", &opts->format, "csv, json, markdown, mermaid or ics",
      format_words({Format::csv, Format::json, Format::markdown, Format::mermaid, Format::ics}))
      ->required();
  add_csv_options(sub, &opts->csv);
  add_common_options(sub, &opts->common, /*with_view=*/false);
  sub->callback([opts, status] { *status = run_export(*opts); });
}

}  // namespace plan::cli
