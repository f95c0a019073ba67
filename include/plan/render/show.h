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

std::string render_show_text(const Target& target, const PlanState& state, Language lang,
                             const Terminal& term);

}  // namespace plan
