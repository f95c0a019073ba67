// cli/timeline.cpp: `plan timeline`, the Gantt chart.
#include "plan/render/timeline.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "error.h"

namespace plan::cli {

struct TimelineCliOptions {
  CommonOptions common;
  std::string from;
  std::string to;
  TimelineGroup group = TimelineGroup::line;
  bool ascii = false;
};

namespace {

const Words<TimelineGroup> kGroupWords = {{"line", TimelineGroup::line},
                                          {"owner", TimelineGroup::owner}};

// --from and --to take a month (YYYY-MM) or a day (YYYY-MM-DD).
std::string check_month(const std::string& s) {
  ParsedDate d;
  return parse_date(s, &d) == DateError::none ? "" : "'" + s + "' is not YYYY-MM or YYYY-MM-DD";
}

// The first or last day a --from or --to names; none when not given.
std::optional<Date> bound(const std::string& text, bool last) {
  ParsedDate d;
  if (text.empty() || parse_date(text, &d) != DateError::none)
    return std::nullopt;
  return last ? d.last() : d.first();
}

// The days shown for p: its period, narrowed by --from and --to.
TimelineOptions options_for(const TimelineCliOptions& opts, const Plan& p) {
  TimelineOptions t;
  t.from = bound(opts.from, false).value_or(p.period_start.date.first());
  t.to = bound(opts.to, true).value_or(p.period_end.date.last());
  t.group = opts.group;
  t.ascii = opts.ascii;
  return t;
}

}  // namespace

int run_timeline(const TimelineCliOptions& opts) {
  const Context ctx = make_context(opts.common);
  // A usage error is told before any plan is read.
  const std::optional<Date> from = bound(opts.from, false);
  const std::optional<Date> to = bound(opts.to, true);
  if (from && to && *to < *from)
    return print_error(ctx, nullptr, {Msg::timeline_range_order, {opts.from, opts.to}});
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const auto plans = loaded.usable();
  for (size_t i = 0; i < plans.size(); ++i) {
    const Plan& p = *plans[i];
    const TimelineOptions t = options_for(opts, p);
    // Only one bound was given, and it leaves none of this plan's months.
    if (t.to < t.from) {
      return print_error(ctx, &p,
                         {Msg::timeline_range_empty,
                          {fmt::format("{}", t.from), fmt::format("{}", t.to)},
                          Msg::hint_plan_period,
                          {fmt::format("{}", p.period_start.date.first()),
                           fmt::format("{}", p.period_end.date.last())}});
    }
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
  add_word_option(sub, "--group", &opts->group, "Rows grouped by line or by owner", kGroupWords);
  sub->add_flag("--ascii", opts->ascii, "Draw with plain ASCII");
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_timeline(*opts); });
}

}  // namespace plan::cli
