// cli/report.cpp: `plan report`, the follow-up report at a cut-off date.
#include "plan/render/report.h"

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "error.h"

namespace plan::cli {

struct ReportCliOptions {
  CommonOptions common;
  std::string period;
  std::string until;
  Format format = Format::markdown;
  ReportLayout layout = ReportLayout::standard;
  CsvFlags csv;
};

// The report in the chosen format (CSV only in the OCI layout, whose table
// a spreadsheet takes as it is).
std::string render(const PlanState& st, const ReportOptions& ro, const ReportCliOptions& opts) {
  switch (opts.format) {
  case Format::html:
    return render_report_html(st, ro);
  case Format::csv:
    return render_report_csv(st, ro, csv_options(opts.csv, ro.lang));
  default:
    return render_report_markdown(st, ro);
  }
}

int run_report(const ReportCliOptions& opts) {
  const Context ctx = make_context(opts.common);
  if (opts.format == Format::csv && opts.layout != ReportLayout::oci) {
    return print_error(ctx, nullptr, {Msg::report_csv_layout, {}, Msg::hint_report_csv_layout, {}});
  }
  if (const int bad = check_csv_flags(opts.csv, ctx); bad != kExitOk)
    return bad;
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const auto plans = loaded.usable();
  for (size_t i = 0; i < plans.size(); ++i) {
    const Plan& p = *plans[i];
    // The cut-off: a named period of the plan's year, a date, or as-of.
    Date cutoff = ctx.as_of;
    if (!opts.until.empty())
      cutoff = *parse_day(opts.until);
    if (!opts.period.empty())
      cutoff = *period_cutoff(opts.period, p.period_start.date.year);
    // The changes since the previous cut-off of the same kind of period
    // (a quarter for a plain date): see changes.h.
    const Date since = previous_cutoff(p, cutoff, period_months(opts.period));
    const PlanChanges changes = changes_between(p, since, cutoff);
    ReportOptions ro;
    ro.period = opts.period;
    ro.lang = ctx.lang_for(&p);
    ro.changes = &changes;
    ro.layout = opts.layout;
    const PlanState st = derive_plan(p, cutoff);
    if (i > 0 && opts.format != Format::csv)
      std::cout << (opts.format == Format::html ? "\n" : "\n---\n\n");
    std::cout << render(st, ro, opts);
  }
  return errors ? kExitPlan : kExitOk;
}

void setup_report(CLI::App& app, int* status) {
  auto opts = std::make_shared<ReportCliOptions>();
  CLI::App* sub = app.add_subcommand("report",
                                     "The follow-up report at a cut-off: a quarter (T1..T4), a "
                                     "four-month period (C1..C3) or a date");
  auto* period = sub->add_option("--period", opts->period, "T1, T2, T3, T4, C1, C2 or C3")
                     ->check(CLI::IsMember({"T1", "T2", "T3", "T4", "C1", "C2", "C3"}));
  sub->add_option("--until", opts->until, "Cut-off date, YYYY-MM-DD (default: the as-of date)")
      ->check(check_day)
      ->excludes(period);
  add_word_option(sub, "--format", &opts->format, "markdown, html or csv (csv: --layout oci)",
                  format_words({Format::markdown, Format::html, Format::csv}));
  add_word_option(
      sub, "--layout", &opts->layout,
      "standard, or oci: the internal control office's follow-up matrix "
      "(programmed, reported and verified progress, observations); needs --period",
      Words<ReportLayout>{{"standard", ReportLayout::standard}, {"oci", ReportLayout::oci}})
      ->needs(period);
  add_csv_options(sub, &opts->csv);
  add_common_options(sub, &opts->common, /*with_view=*/false);
  sub->callback([opts, status] { *status = run_report(*opts); });
}

}  // namespace plan::cli
