// changes.cpp: the updates, status changes and points of a period.
#include "plan/changes.h"

#include <algorithm>

namespace plan {

namespace {

bool in_period(const Date& d, const Date& from, const Date& to) { return from < d && d <= to; }

// The entries of one activity that record a progress in the period, each
// with the progress before it: the previous such entry's, or what
// progress_at gives before the first.
void add_updates(const Line& line, const Activity& a, const Date& from, const Date& to,
                 std::vector<UpdateChange>* out) {
  const bool any = std::any_of(a.updates.begin(), a.updates.end(),
                               [](const Update& u) { return u.records_progress(); });
  int progress = any ? 0 : static_cast<int>(a.progress.value);
  for (const Update& u : a.updates) {
    const Date d = u.date.date.last();
    if (d > to)
      break;  // the log is in date order
    if (!u.records_progress())
      continue;
    const int before = progress;
    progress = static_cast<int>(u.progress.value);
    if (in_period(d, from, to))
      out->push_back({&line, &a, &u, d, before, progress});
  }
}

// One change per day on which the log sets a status, when the status
// derived the day before differs from the one derived that day.
void add_statuses(const Plan& plan, const Line& line, const Activity& a, const Date& from,
                  const Date& to, std::vector<StatusChange>* out) {
  const Update* last = nullptr;
  for (size_t i = 0; i < a.updates.size(); ++i) {
    const Update& u = a.updates[i];
    const Date d = u.date.date.last();
    if (d > to)
      break;
    if (u.status)
      last = &u;
    const bool day_ends = i + 1 == a.updates.size() || a.updates[i + 1].date.date.last() != d;
    if (!day_ends)
      continue;
    if (last != nullptr && in_period(d, from, to)) {
      const Status before = derive_activity(plan, line, a, Date::from_days(d.days() - 1)).status;
      const Status after = derive_activity(plan, line, a, d).status;
      if (before != after)
        out->push_back({&line, &a, last, d, before, after});
    }
    last = nullptr;
  }
}

}  // namespace

PlanChanges changes_between(const Plan& plan, const Date& since, const Date& to) {
  // A start after the end is an empty period: nothing after `to` is read.
  const Date from = std::min(since, to);
  PlanChanges c;
  c.plan = &plan;
  c.from = from;
  c.to = to;
  for (const Line& line : plan.lines) {
    for (const Activity& a : line.activities) {
      add_updates(line, a, from, to, &c.updates);
      add_statuses(plan, line, a, from, to, &c.statuses);
    }
  }
  // Stable: within a day, the plan's order and the log's.
  std::stable_sort(c.updates.begin(), c.updates.end(),
                   [](const UpdateChange& x, const UpdateChange& y) { return x.date < y.date; });
  std::stable_sort(c.statuses.begin(), c.statuses.end(),
                   [](const StatusChange& x, const StatusChange& y) { return x.date < y.date; });
  const PlanState at_from = derive_plan(plan, from);
  const PlanState at_to = derive_plan(plan, to);
  for (size_t i = 0; i < at_to.lines.size(); ++i) {
    c.lines.push_back({at_to.lines[i].line, at_from.lines[i].progress, at_to.lines[i].progress});
  }
  c.before = at_from.progress;
  c.after = at_to.progress;
  return c;
}

Date previous_cutoff(const Plan& plan, const Date& cutoff, int months) {
  int year = cutoff.year;
  int month = cutoff.month / months * months;
  if (month > 0 && Date{year, month, days_in_month(year, month)} >= cutoff)
    month -= months;
  if (month <= 0) {
    month += 12;
    --year;
  }
  const Date previous{year, month, days_in_month(year, month)};
  const Date before_start = Date::from_days(plan.period_start.date.first().days() - 1);
  return std::max(previous, before_start);
}

int period_months(std::string_view period) { return !period.empty() && period[0] == 'C' ? 4 : 3; }

int points_change(double before, double after) {
  return round_percent(after) - round_percent(before);
}

std::string points_change_text(Language lang, double before, double after) {
  const int n = points_change(before, after);
  return tr(lang, Msg::points_signed, n > 0 ? fmt::format("+{}", n) : std::to_string(n));
}

}  // namespace plan
