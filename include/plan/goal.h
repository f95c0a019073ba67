// plan/goal.h: goals, programmes and reviews in figures: the progress an
// indicator value stands for, and the progress programmed at a date.
#pragma once

#include <optional>
#include <string_view>

#include "plan/date.h"
#include "plan/model.h"

namespace plan {

// The words a plan writes for a goal's kind.
std::string_view goal_kind_word(GoalKind kind);
std::optional<GoalKind> parse_goal_kind(std::string_view word);

// Whether a value above the target means anything for this kind: results
// (eficacia) and effects (efectividad) may be exceeded; resources
// (eficiencia) may not be spent beyond what was set.
bool may_exceed_target(GoalKind kind);

// The whole percent of the target a value reaches, rounded down so that
// only the target itself is 100 (12 of 20 talleres = 60, 19.9 of 20 = 99),
// and at most 100. 0 when the target is not positive.
int percent_of_value(const Goal& goal, double value);

// The loader's last step: sets the progress of each update, milestone and
// review that gives a value but no progress, from the activity's goal, at
// the value's position.
void complete_goals(Plan* plan);

// The progress programmed for the activity at a date, 0..100 (not rounded).
// Without a programme: the straight line from start (0) to end (100).
// With one: 0 the day before the start, each milestone's progress on its
// date, linear in days between them, and the last milestone's after it.
double programmed_at(const Activity& activity, const Date& start, const Date& end,
                     const Date& as_of);

// The review of an activity for a named period, if it has one.
const Review* review_for(const Activity& activity, std::string_view period);

}  // namespace plan
