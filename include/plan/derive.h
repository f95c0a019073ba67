// derive.h: where a plan stands at an as-of date.
//
// Owns the format page's derived state: progress at a date (from the
// updates log), expected progress, status, the semáforo, and the weighted
// values of lines and plans. The as-of date is always an argument, never the
// clock, so that the same inputs give the same figures. It reads a valid
// model and never prints.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "plan/date.h"
#include "plan/i18n.h"
#include "plan/model.h"

namespace plan {

enum class Status { done, in_progress, late, not_started, blocked, cancelled };
constexpr size_t kStatusCount = 6;

enum class Signal { none, green, yellow, red };

struct ActivityState {
  const Line* line = nullptr;
  const Activity* activity = nullptr;
  Date start;
  Date end;
  int progress = 0;     // at the as-of date
  double expected = 0;  // 0..100
  Status status = Status::not_started;
  Signal signal = Signal::none;
  const Update* last_update = nullptr;  // the last one on or before as-of
  int days_late = 0;                    // days past end, when late
};

struct LineState {
  const Line* line = nullptr;
  double progress = 0;
  double expected = 0;
  Signal signal = Signal::none;
  std::vector<ActivityState> activities;
};

struct PlanState {
  const Plan* plan = nullptr;
  Date as_of;
  double progress = 0;
  double expected = 0;
  Signal signal = Signal::none;
  std::vector<LineState> lines;
  std::array<int, kStatusCount> counts{};  // activities by Status
};

// Expected progress at as_of of work planned from start to end, both days
// included: 0 before start, 100 from end on.
double expected_progress(const Date& start, const Date& end, const Date& as_of);

// The progress recorded at as_of: the last update on or before it (0 if
// every update is later); without updates, the activity's progress.
int progress_at(const Activity& activity, const Date& as_of, const Update** last = nullptr);

Signal signal_for(double progress, double expected, const Plan& plan);

ActivityState derive_activity(const Plan& plan, const Line& line, const Activity& activity,
                              const Date& as_of);
PlanState derive_plan(const Plan& plan, const Date& as_of);

// Whole percentages for display.
int round_percent(double value);

std::string_view status_code(Status s);  // "in-progress"
std::string_view signal_code(Signal s);  // "green"; "" for none
Msg status_word(Status s);
Msg signal_word(Signal s);

}  // namespace plan
