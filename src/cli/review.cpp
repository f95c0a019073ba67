// cli/review.cpp: `plan review`, recording a reviewer's check of a cut-off.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/address.h"
#include "plan/edit.h"
#include "plan/file_io.h"
#include "plan/goal.h"
#include "plan/render/diagnostics.h"
#include "writing.h"

namespace plan::cli {

struct ReviewOptions {
  CommonOptions common;
  std::string address;
  std::string period;
  std::string date;
  std::string by;
  std::optional<int> verified;
  std::optional<double> value;
  std::string note;
  bool dry_run = false;
};

namespace {

ReviewRequest request_of(const ReviewOptions& opts, const Context& ctx) {
  ReviewRequest req;
  req.period = opts.period;
  req.date = opts.date.empty() ? ctx.as_of : *parse_day(opts.date);
  req.by = opts.by;
  req.verified = opts.verified;
  req.value = opts.value;
  req.note = opts.note;
  req.as_of = ctx.as_of;
  return req;
}

// Shows the change (--dry-run) or writes it, still under the lock.
int apply_review(const ReviewOptions& opts, const Context& ctx, const std::string& file,
                 const Plan& plan, const Activity& a, const ReviewRequest& req,
                 const MarkResult& r) {
  const Language lang = ctx.lang_for(&plan);
  for (const Diagnostic& d : r.warnings)
    std::cerr << render_diagnostic_text(d, &r.text, lang, ctx.err);
  if (!r.ok) {
    for (const Diagnostic& d : r.diagnostics)
      std::cerr << render_diagnostic_text(d, &r.text, lang, ctx.err);
    return print_error(ctx, &plan,
                       {r.error.value_or(Msg::mark_internal), r.error_args, r.hint, r.hint_args});
  }
  if (opts.dry_run) {
    std::cout << unified_diff(file, plan.source, r.text);
    std::cerr << tr(lang, Msg::mark_dry_run) << "\n";
    return kExitOk;
  }
  const WriteResult w = write_atomically(file, r.text);
  if (w.error == WriteError::read_only)
    return print_error(ctx, &plan, {Msg::mark_read_only, {file}});
  if (w.error == WriteError::failed)
    return print_error(ctx, &plan, {Msg::mark_write_failed, {file, w.detail}});
  // What was verified, beside what was reported by the period's end.
  const int verified = req.verified ? *req.verified : percent_of_value(a.goal, *req.value);
  const std::optional<Date> end = period_cutoff(req.period, plan.period_start.date.year);
  std::cout << tr(lang, Msg::review_changed, plan.id.value, opts.address, req.period, verified,
                  end ? progress_at(a, *end, nullptr) : 0)
            << "\n";
  return kExitOk;
}

// Under the lock, reads the file afresh and records the review.
int review_in_file(const ReviewOptions& opts, const Context& ctx, const std::string& file) {
  FileLock lock(file);
  if (!lock.error().empty())
    return print_error(ctx, nullptr, {Msg::mark_write_failed, {file, lock.error()}});
  Context one = ctx;
  one.paths = {file};
  const Loaded fresh = load_and_validate(one);
  const Plan& plan = fresh.results.front()->plan;
  if (fresh.usable().empty()) {
    report_errors(fresh, ctx);
    return print_error(ctx, &plan, {Msg::mark_invalid_plan, {file}});
  }
  if (const std::optional<CliError> e = check_not_line(opts.address))
    return print_error(ctx, &plan, *e);
  int status = kExitOk;
  const std::optional<Target> target = resolve_one(opts.address, {&plan}, ctx, &status);
  if (!target)
    return status;
  const ReviewRequest req = request_of(opts, ctx);
  const MarkResult r = review_activity(plan, *target->line, *target->activity, req);
  return apply_review(opts, ctx, file, plan, *target->activity, req, r);
}

int run_review(const ReviewOptions& opts) {
  const Context ctx = make_context(opts.common);
  std::string file;
  if (const int status = locate_file(ctx, opts.address, &file); status != kExitOk)
    return status;
  return review_in_file(opts, ctx, file);
}

}  // namespace

void setup_review(CLI::App& app, int* status) {
  auto opts = std::make_shared<ReviewOptions>();
  CLI::App* sub = app.add_subcommand(
      "review",
      "Record a review of a cut-off: plan review 2.3 --period C1 --verified 40 --by OCI");
  sub->add_option("ADDRESS", opts->address, "The activity: 2.3, or PLAN-ID:2.3")->required();
  sub->add_option("--period", opts->period, "The cut-off reviewed: T1..T4 or C1..C3")
      ->required()
      ->check(CLI::IsMember(period_names()));
  sub->add_option("--by", opts->by, "Owner code of the reviewer, e.g. OCI")->required();
  auto* verified = sub->add_option("--verified", opts->verified,
                                   "The progress verified with evidence, 0..100");
  sub->add_option("--value", opts->value, "The goal's indicator value verified")
      ->excludes(verified);
  sub->add_option("--note", opts->note, "The review's observations");
  sub->add_option("--date", opts->date, "Date of the review, YYYY-MM-DD (default: the as-of date)")
      ->check(check_day);
  sub->add_flag("--dry-run", opts->dry_run, "Print the change as a diff; write nothing");
  add_common_options(sub, &opts->common, /*with_view=*/true);
  sub->callback([opts, status] { *status = run_review(*opts); });
}

}  // namespace plan::cli
