// cli/status.cpp: `plan status`, where each plan stands at the as-of date.
#include "plan/render/status.h"

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"

namespace plan::cli {

struct StatusOptions {
  CommonOptions common;
  Format format = Format::text;
  bool ascii = false;
};

int run_status(const StatusOptions& opts) {
  const Context ctx = make_context(opts.common);
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const std::vector<PlanState> states = derive_usable(loaded, ctx);
  if (opts.format == Format::json) {
    std::cout << render_status_json(states);
  } else {
    for (size_t i = 0; i < states.size(); ++i) {
      if (i > 0)
        std::cout << "\n";
      std::cout << render_status_text(states[i], ctx.lang_for(states[i].plan), ctx.out, opts.ascii);
    }
  }
  return errors ? kExitPlan : kExitOk;
}

void setup_status(CLI::App& app, int* status) {
  auto opts = std::make_shared<StatusOptions>();
  CLI::App* sub =
      app.add_subcommand("status", "Where each plan stands: progress, semáforo, attention");
  add_word_option(sub, "--format", &opts->format, "Output: text or json",
                  format_words({Format::text, Format::json}));
  sub->add_flag("--ascii", opts->ascii, "Draw with plain ASCII");
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_status(*opts); });
}

}  // namespace plan::cli
