// derive.cpp: progress, expected progress, status and semáforo at a date.
#include "plan/derive.h"

#include <algorithm>
#include <cmath>

#include "plan/goal.h"

namespace plan {

double expected_progress(const Date& start, const Date& end, const Date& as_of) {
  if (as_of < start)
    return 0;
  if (as_of >= end)
    return 100;
  const double elapsed = as_of.days() - start.days() + 1;
  const double total = end.days() - start.days() + 1;
  return elapsed / total * 100.0;
}

int progress_at(const Activity& activity, const Date& as_of, const Update** last) {
  if (last != nullptr)
    *last = nullptr;
  if (std::none_of(activity.updates.begin(), activity.updates.end(),
                   [](const Update& u) { return u.records_progress(); })) {
    return static_cast<int>(activity.progress.value);
  }
  int progress = 0;
  for (const Update& u : activity.updates) {
    if (u.date.date.last() > as_of)
      break;  // the log is in date order
    if (last != nullptr)
      *last = &u;
    if (u.records_progress())
      progress = static_cast<int>(u.progress.value);
  }
  return progress;
}

ActivityFlag flag_at(const Activity& activity, const Date& as_of) {
  bool dated = false;
  ActivityFlag flag = ActivityFlag::none;
  for (const Update& u : activity.updates) {
    if (!u.status)
      continue;
    dated = true;
    if (u.date.date.last() > as_of)
      break;
    flag = *u.status;
  }
  return dated ? flag : activity.flag;
}

std::optional<Date> done_on(const Activity& activity, const Date& as_of) {
  std::optional<Date> done;
  for (const Update& u : activity.updates) {
    if (u.date.date.last() > as_of)
      break;
    if (!u.records_progress())
      continue;
    if (u.progress.value < 100) {
      done.reset();
    } else if (!done) {
      done = u.date.date.last();
    }
  }
  return done;
}

Signal signal_for(double progress, double expected, const Plan& plan) {
  if (progress >= 100)
    return Signal::green;
  if (expected <= 0)
    return Signal::none;
  // A ratio exactly on a threshold takes the higher colour; the tolerance
  // absorbs the rounding of a division that is exact on paper.
  constexpr double kTolerance = 1e-9;
  const double ratio = progress / expected * 100.0;
  if (ratio + kTolerance >= static_cast<double>(plan.green.value))
    return Signal::green;
  if (ratio + kTolerance >= static_cast<double>(plan.yellow.value))
    return Signal::yellow;
  return Signal::red;
}

ActivityState derive_activity(const Plan& plan, const Line& line, const Activity& activity,
                              const Date& as_of) {
  ActivityState s;
  s.line = &line;
  s.activity = &activity;
  s.start = activity.start.date.first();
  s.end = activity.end.date.last();
  s.progress = progress_at(activity, as_of, &s.last_update);
  s.expected = programmed_at(activity, s.start, s.end, as_of);
  const ActivityFlag flag = flag_at(activity, as_of);
  if (s.progress >= 100) {
    s.status = Status::done;
    const std::optional<Date> done = done_on(activity, as_of);
    s.done_late = done && *done > s.end ? done->days() - s.end.days() : 0;
  } else if (flag == ActivityFlag::cancelled) {
    s.status = Status::cancelled;
  } else if (flag == ActivityFlag::blocked) {
    s.status = Status::blocked;
  } else if (as_of > s.end) {
    s.status = Status::late;
  } else if (as_of < s.start) {
    s.status = Status::not_started;
  } else {
    s.status = Status::in_progress;
  }
  if (as_of > s.end && s.status != Status::done && s.status != Status::cancelled) {
    s.days_late = as_of.days() - s.end.days();
  }
  switch (s.status) {
  case Status::done:
    s.signal = Signal::green;
    break;
  case Status::in_progress:
  case Status::late:
    s.signal = signal_for(s.progress, s.expected, plan);
    break;
  case Status::blocked:
    // Blocked work that should have started is judged like any other;
    // blocked work not yet due has no signal, like work not started.
    s.signal = as_of < s.start ? Signal::none : signal_for(s.progress, s.expected, plan);
    break;
  default:
    s.signal = Signal::none;
  }
  return s;
}

namespace {

struct Weighted {
  double weight = 0;
  double progress = 0;
  double expected = 0;

  void add(const ActivityState& s) {
    if (s.status == Status::cancelled)
      return;
    const double w = s.activity->weight.value;
    weight += w;
    progress += w * s.progress;
    expected += w * s.expected;
  }
  double mean_progress() const { return weight > 0 ? progress / weight : 0; }
  double mean_expected() const { return weight > 0 ? expected / weight : 0; }
};

}  // namespace

PlanState derive_plan(const Plan& plan, const Date& as_of) {
  PlanState ps;
  ps.plan = &plan;
  ps.as_of = as_of;
  Weighted total;
  for (const Line& line : plan.lines) {
    LineState ls;
    ls.line = &line;
    Weighted sum;
    for (const Activity& a : line.activities) {
      ActivityState s = derive_activity(plan, line, a, as_of);
      sum.add(s);
      total.add(s);
      ++ps.counts[static_cast<size_t>(s.status)];
      ls.activities.push_back(s);
    }
    ls.progress = sum.mean_progress();
    ls.expected = sum.mean_expected();
    ls.signal = sum.weight > 0 ? signal_for(ls.progress, ls.expected, plan) : Signal::none;
    ps.lines.push_back(std::move(ls));
  }
  ps.progress = total.mean_progress();
  ps.expected = total.mean_expected();
  ps.signal = total.weight > 0 ? signal_for(ps.progress, ps.expected, plan) : Signal::none;
  return ps;
}

int round_percent(double value) { return static_cast<int>(std::lround(value)); }

std::string_view status_code(Status s) {
  switch (s) {
  case Status::done:
    return "done";
  case Status::in_progress:
    return "in-progress";
  case Status::late:
    return "late";
  case Status::not_started:
    return "not-started";
  case Status::blocked:
    return "blocked";
  case Status::cancelled:
    return "cancelled";
  }
  return "";
}

std::string_view signal_code(Signal s) {
  switch (s) {
  case Signal::green:
    return "green";
  case Signal::yellow:
    return "yellow";
  case Signal::red:
    return "red";
  case Signal::none:
    return "";
  }
  return "";
}

Msg status_word(Status s) {
  switch (s) {
  case Status::done:
    return Msg::status_done;
  case Status::in_progress:
    return Msg::status_in_progress;
  case Status::late:
    return Msg::status_late;
  case Status::not_started:
    return Msg::status_not_started;
  case Status::blocked:
    return Msg::status_blocked;
  case Status::cancelled:
    return Msg::status_cancelled;
  }
  return Msg::status_done;
}

Msg signal_word(Signal s) {
  switch (s) {
  case Signal::yellow:
    return Msg::signal_yellow;
  case Signal::red:
    return Msg::signal_red;
  default:
    return Msg::signal_green;
  }
}

}  // namespace plan
