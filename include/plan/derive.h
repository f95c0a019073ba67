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
  int done_late = 0;                    // done: days after end it was done (0 on time)
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
// *last is the last entry on or before as_of, whatever it records.
int progress_at(const Activity& activity, const Date& as_of, const Update** last = nullptr);
// The status flag at as_of: set by the last update on or before it that
// changes the status; the activity's undated `status` when no update does.
ActivityFlag flag_at(const Activity& activity, const Date& as_of);
// The day the activity reached 100 for the last time on or before as_of
// (a month-dated update counts on its last day); none when it is not done
// or the log does not say.
std::optional<Date> done_on(const Activity& activity, const Date& as_of);

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
