// cli/review.cpp: `plan review`, recording a reviewer's check of a cut-off.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/edit.h"
#include "plan/goal.h"
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

// Shows the review (--dry-run) or writes it and says what was verified,
// beside what was reported by the period's end.
int apply_review(const ReviewOptions& opts, const Context& ctx, const std::string& file,
                 const Plan& plan, const Activity& a, const ReviewRequest& req,
                 const MarkResult& r) {
  bool written = false;
  const int status = show_or_write(ctx, file, plan, r, opts.dry_run, &written);
  if (!written)
    return status;
  const int verified = req.verified ? *req.verified : percent_of_value(*a.goal, *req.value);
  const std::optional<Date> end = period_cutoff(req.period, plan.period_start.date.year);
  std::cout << tr(ctx.lang_for(&plan), Msg::review_changed, plan.id.value, opts.address, req.period,
                  verified, end ? progress_at(a, *end, nullptr) : 0)
            << "\n";
  return kExitOk;
}

// Records the review on the file as it is under the lock.
int review_in_file(const ReviewOptions& opts, const Context& ctx, const std::string& file) {
  return edit_in_file(ctx, file, opts.address, [&](const Plan& plan, const Target& target) {
    const ReviewRequest req = request_of(opts, ctx);
    const MarkResult r = review_activity(plan, *target.line, *target.activity, req);
    return apply_review(opts, ctx, file, plan, *target.activity, req, r);
  });
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
      "review", "Record a review of a cut-off: plan review 2.3 --period C1 --verified 40 --by OCI");
  sub->add_option("ADDRESS", opts->address, "The activity: 2.3, or PLAN-ID:2.3")->required();
  sub->add_option("--period", opts->period, "The cut-off reviewed: T1..T4 or C1..C3")
      ->required()
      ->check(CLI::IsMember(period_names()));
  sub->add_option("--by", opts->by, "Owner code of the reviewer, e.g. OCI")->required();
  auto* verified =
      sub->add_option("--verified", opts->verified, "The progress verified with evidence, 0..100");
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
