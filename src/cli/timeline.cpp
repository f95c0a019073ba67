// cli/timeline.cpp: `plan timeline`, the Gantt chart.
#include "plan/render/timeline.h"

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"

namespace plan::cli {

struct TimelineCliOptions {
  CommonOptions common;
  std::string from;
  std::string to;
  std::string group = "line";
  bool ascii = false;
};

namespace {

// --from and --to take a month (YYYY-MM) or a day (YYYY-MM-DD).
std::string check_month(const std::string& s) {
  ParsedDate d;
  return parse_date(s, &d) == DateError::none ? "" : "'" + s + "' is not YYYY-MM or YYYY-MM-DD";
}

}  // namespace

int run_timeline(const TimelineCliOptions& opts) {
  const Context ctx = make_context(opts.common);
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const auto plans = loaded.usable();
  for (size_t i = 0; i < plans.size(); ++i) {
    const Plan& p = *plans[i];
    TimelineOptions t;
    t.from = p.period_start.date.first();
    t.to = p.period_end.date.last();
    ParsedDate d;
    if (!opts.from.empty() && parse_date(opts.from, &d) == DateError::none)
      t.from = d.first();
    if (!opts.to.empty() && parse_date(opts.to, &d) == DateError::none)
      t.to = d.last();
    if (t.to < t.from) {
      std::cerr << "plan: error: --to is before --from\n";
      return kExitUsage;
    }
    t.group = opts.group == "owner" ? TimelineGroup::owner : TimelineGroup::line;
    t.ascii = opts.ascii;
    if (i > 0)
      std::cout << "\n";
    if (plans.size() > 1)
      std::cout << paint(ctx.out, Style::bold, p.title.value) << "\n";
    std::cout << render_timeline(derive_plan(p, ctx.as_of), t, ctx.lang_for(&p), ctx.out);
  }
  return errors ? kExitPlan : kExitOk;
}

void setup_timeline(CLI::App& app, int* status) {
  auto opts = std::make_shared<TimelineCliOptions>();
  CLI::App* sub = app.add_subcommand("timeline", "A Gantt chart of the activities");
  sub->add_option("--from", opts->from, "First month shown, YYYY-MM (default: the plan's start)")
      ->check(check_month);
  sub->add_option("--to", opts->to, "Last month shown, YYYY-MM (default: the plan's end)")
      ->check(check_month);
  sub->add_option("--group", opts->group, "Rows grouped by line or by owner")
      ->check(CLI::IsMember({"line", "owner"}));
  sub->add_flag("--ascii", opts->ascii, "Draw with plain ASCII");
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_timeline(*opts); });
}

}  // namespace plan::cli
