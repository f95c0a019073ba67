// goal.cpp: goals, programmes and reviews in figures.
#include "plan/goal.h"

#include <algorithm>
#include <cmath>

#include "plan/derive.h"

namespace plan {

std::string_view goal_kind_word(GoalKind kind) {
  switch (kind) {
  case GoalKind::eficiencia:
    return "eficiencia";
  case GoalKind::efectividad:
    return "efectividad";
  case GoalKind::eficacia:
    break;
  }
  return "eficacia";
}

std::optional<GoalKind> parse_goal_kind(std::string_view word) {
  for (const GoalKind k : {GoalKind::eficacia, GoalKind::eficiencia, GoalKind::efectividad}) {
    if (word == goal_kind_word(k))
      return k;
  }
  return std::nullopt;
}

bool may_exceed_target(GoalKind kind) { return kind != GoalKind::eficiencia; }

int percent_of_value(const Goal& goal, double value) {
  const double target = goal.target.value;
  if (!(target > 0) || !(value > 0))
    return 0;
  // The small allowance keeps 0.29 of 1 at 29 despite binary fractions.
  const double percent = std::floor(value / target * 100.0 + 1e-9);
  return static_cast<int>(std::min(100.0, percent));
}

namespace {

// progress from value, where only the value was written.
void complete(const Goal& goal, const NumberValue& value, IntValue* progress) {
  if (!value.pos.known() || progress->pos.known())
    return;
  progress->value = percent_of_value(goal, value.value);
  progress->pos = value.pos;
}

}  // namespace

void complete_goals(Plan* plan) {
  for (Line& line : plan->lines) {
    for (Activity& a : line.activities) {
      for (Update& u : a.updates) complete(*a.goal, u.value, &u.progress);
      for (Milestone& m : a.programme) complete(*a.goal, m.value, &m.progress);
      for (Review& r : a.reviews) complete(*a.goal, r.value, &r.verified);
    }
  }
}

double programmed_at(const Activity& activity, const Date& start, const Date& end,
                     const Date& as_of) {
  if (activity.programme.empty())
    return expected_progress(start, end, as_of);
  // From (the day before the start, 0) through each milestone.
  double x0 = start.days() - 1;
  double y0 = 0;
  const double x = as_of.days();
  if (x <= x0)
    return 0;
  for (const Milestone& m : activity.programme) {
    if (!m.by.ok)
      continue;
    const double x1 = m.by.date.last().days();
    const double y1 = static_cast<double>(std::clamp<long long>(m.progress.value, 0, 100));
    if (x <= x1)
      return x1 > x0 ? y0 + (y1 - y0) * (x - x0) / (x1 - x0) : y1;
    x0 = x1;
    y0 = y1;
  }
  return y0;
}

const Review* review_for(const Activity& activity, std::string_view period) {
  for (const Review& r : activity.reviews) {
    if (r.period.value == period)
      return &r;
  }
  return nullptr;
}

}  // namespace plan
