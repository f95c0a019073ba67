// render/timeline.h: `plan timeline`, a Gantt chart in the terminal.
//
// Owns the chart: month columns in the plan's language with the year where
// it changes, one bar per activity placed by day (eighth-block precision, so
// a bar that starts mid-month starts mid-column), the done share drawn apart
// from the rest, the status as colour and as a symbol, and a marker at the
// as-of date. Time maps linearly onto the columns the width leaves, so a
// narrow terminal shows fewer month labels rather than wrapping.
#pragma once

#include <string>

#include "plan/derive.h"
#include "plan/term.h"

namespace plan {

enum class TimelineGroup { line, owner };

struct TimelineOptions {
  Date from;  // first day shown
  Date to;    // last day shown
  TimelineGroup group = TimelineGroup::line;
  bool ascii = false;
};

std::string render_timeline(const PlanState& state, const TimelineOptions& opts, Language lang,
                            const Terminal& term);

}  // namespace plan
