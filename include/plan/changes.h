// changes.h: what happened in a plan between two cut-offs.
//
// Owns the period's changes that a follow-up report and `plan status
// --since` show: the updates dated in the period with the progress before
// and after each, the status changes, and each line's and the plan's change
// in points. The period runs after `from` up to and including `to`, and
// only entries dated on or before `to` are read, so the changes of a past
// period stay the same however the file grows later. It reads a valid model
// and never prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plan/derive.h"

namespace plan {

// An entry of an activity's log that records a progress, dated in the
// period.
struct UpdateChange {
  const Line* line = nullptr;
  const Activity* activity = nullptr;
  const Update* update = nullptr;
  Date date;       // the entry's day (a month-dated entry: its last day)
  int before = 0;  // progress before the entry
  int after = 0;   // progress it records
};

// A change of status set by the log's `status` entries on one day (the
// last such entry of the day is `update`): the status the day before and
// on that day, as derive_activity says.
struct StatusChange {
  const Line* line = nullptr;
  const Activity* activity = nullptr;
  const Update* update = nullptr;
  Date date;
  Status before = Status::not_started;
  Status after = Status::not_started;
};

// A line's weighted progress at the period's two ends (unrounded).
struct LineChange {
  const Line* line = nullptr;
  double before = 0;
  double after = 0;
};

struct PlanChanges {
  const Plan* plan = nullptr;
  Date from;                           // exclusive: the previous cut-off
  Date to;                             // inclusive: this cut-off
  std::vector<UpdateChange> updates;   // by date, then in plan order
  std::vector<StatusChange> statuses;  // by date, then in plan order
  std::vector<LineChange> lines;       // in plan order
  double before = 0;                   // the plan's progress at from
  double after = 0;                    // ... and at to

  // Nothing dated in the period.
  bool empty() const { return updates.empty() && statuses.empty(); }
};

// The changes after `since` up to and including `to` (none when `since`
// is not before `to`).
PlanChanges changes_between(const Plan& plan, const Date& since, const Date& to);

// The cut-off before `cutoff` that a period's changes start after: the end
// of the last period of `months` months (3: quarters, 4: four-month
// periods; both counted from January) that ends before it, or, when that is
// before the plan's period, the day before the plan's period starts, so the
// first period counts everything from the start.
Date previous_cutoff(const Plan& plan, const Date& cutoff, int months);

// The months of a named period: 4 for C1..C3, 3 for anything else (T1..T4,
// or a plain date, whose changes start at the previous quarter's end).
int period_months(std::string_view period);

// A change in points, rounded as the views show percentages: whole points,
// the difference of the rounded values so that it matches the figures
// shown at both ends.
int points_change(double before, double after);
// The change in points in words, signed: "+30 pp", "-5 pp", "0 pp".
std::string points_change_text(Language lang, double before, double after);

}  // namespace plan
