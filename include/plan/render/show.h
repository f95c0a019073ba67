// render/show.h: one line or activity in full, as text.
//
// Owns the detail view of `plan show`: titles, objective, owners with their
// names, dates in words, product, deliverables, derived state, and the
// updates log. Long text wraps at the terminal's width.
#pragma once

#include <string>

#include "plan/address.h"
#include "plan/derive.h"
#include "plan/term.h"

namespace plan {

// "12 of 20 talleres (60%)" where the entry gives a value of the goal's
// indicator, else "60%": an update's or a milestone's progress in words
// (the site's activity pages say it as `plan show` does).
std::string progress_text(const Goal& goal, const NumberValue& value, long long progress,
                          Language lang);

std::string render_show_text(const Target& target, const PlanState& state, Language lang,
                             const Terminal& term);

}  // namespace plan
