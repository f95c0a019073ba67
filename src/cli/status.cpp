// cli/status.cpp: `plan status`, where each plan stands at the as-of date,
// and with --since or --period what changed in the period.
#include "plan/render/status.h"

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/render/report.h"

namespace plan::cli {

struct StatusOptions {
  CommonOptions common;
  Format format = Format::text;
  bool ascii = false;
  std::string since;   // "" = no period
  std::string period;  // T1..T4, C1..C3: sets since and as-of
};

namespace {

// A usage error in --since, --period and --as-of, told before any plan is
// read; kExitOk when there is none.
int check_period_options(const StatusOptions& opts, const Context& ctx) {
  if (!opts.since.empty() && !opts.period.empty())
    return print_error(ctx, nullptr,
                       {Msg::options_conflict, {"since", "period"}, Msg::hint_remove_one});
  if (!opts.period.empty() && !opts.common.as_of.empty())
    return print_error(ctx, nullptr,
                       {Msg::options_conflict, {"period", "as-of"}, Msg::hint_remove_one});
  if (opts.since.empty())
    return kExitOk;
  const std::optional<Date> since = parse_day(opts.since);
  if (!since)
    return print_error(ctx, nullptr, {Msg::since_not_date, {opts.since}, Msg::hint_since_date});
  if (*since >= ctx.as_of) {
    const std::string as_of = fmt::format("{}", ctx.as_of);
    return print_error(
        ctx, nullptr,
        {Msg::since_after_as_of, {opts.since, as_of}, Msg::hint_since_before, {as_of}});
  }
  return kExitOk;
}

// Each usable plan at its as-of date (the end of --period, in the plan's
// year), and its changes since --since or the period's start.
struct Derived {
  std::vector<PlanState> states;
  std::vector<PlanChanges> changes;
};

Derived derive_all(const StatusOptions& opts, const Loaded& loaded, const Context& ctx) {
  Derived d;
  for (const Plan* p : loaded.usable()) {
    Date to = ctx.as_of;
    if (!opts.period.empty())
      to = *period_cutoff(opts.period, p->period_start.date.year);
    d.states.push_back(derive_plan(*p, to));
    if (!opts.period.empty()) {
      d.changes.push_back(
          changes_between(*p, previous_cutoff(*p, to, period_months(opts.period)), to));
    } else if (!opts.since.empty()) {
      d.changes.push_back(changes_between(*p, *parse_day(opts.since), to));
    }
  }
  return d;
}

}  // namespace

int run_status(const StatusOptions& opts) {
  const Context ctx = make_context(opts.common);
  if (const int bad = check_period_options(opts, ctx); bad != kExitOk)
    return bad;
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const Derived d = derive_all(opts, loaded, ctx);
  if (opts.format == Format::json) {
    std::cout << render_status_json(d.states, d.changes);
  } else {
    for (size_t i = 0; i < d.states.size(); ++i) {
      if (i > 0)
        std::cout << "\n";
      const Language lang = ctx.lang_for(d.states[i].plan);
      std::cout << render_status_text(d.states[i], lang, ctx.out, opts.ascii);
      if (i < d.changes.size())
        std::cout << "\n" << render_changes_text(d.changes[i], lang, ctx.out);
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
  // Checked in run_status, so that a bad value is told in the plan's language.
  sub->add_option("--since", opts->since,
                  "Also show what changed after this date up to the as-of date, YYYY-MM-DD");
  sub->add_option("--period", opts->period,
                  "Show the plan at the end of a period of its year and what changed in it: T1, "
                  "T2, T3, T4, C1, C2 or C3")
      ->check(CLI::IsMember({"T1", "T2", "T3", "T4", "C1", "C2", "C3"}));
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_status(*opts); });
}

}  // namespace plan::cli
