// cli/show.cpp: `plan show ADDRESS`, one line or activity in full.
#include "plan/render/show.h"

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "plan/address.h"
#include "plan/render/json.h"

namespace plan::cli {

struct ShowOptions {
  CommonOptions common;
  std::string address;
  Format format = Format::text;
};

int run_show(const ShowOptions& opts) {
  const Context ctx = make_context(opts.common);
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  int status = kExitOk;
  const std::optional<Target> target = resolve_one(opts.address, loaded.usable(), ctx, &status);
  if (!target)
    return status;
  const Target& t = *target;
  const PlanState state = derive_plan(*t.plan, ctx.as_of);
  if (opts.format == Format::json) {
    std::cout << render_show_json(t, state);
  } else {
    std::cout << render_show_text(t, state, ctx.lang_for(t.plan), ctx.out);
  }
  return errors ? kExitPlan : kExitOk;
}

void setup_show(CLI::App& app, int* status) {
  auto opts = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "Show one line (2) or activity (2.3) in full");
  sub->add_option("ADDRESS", opts->address, "LINE, LINE.ACTIVITY or PLAN-ID:LINE.ACTIVITY")
      ->required();
  add_word_option(sub, "--format", &opts->format, "Output: text or json",
                  format_words({Format::text, Format::json}));
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_show(*opts); });
}

}  // namespace plan::cli
