// render/table.h: the activity table of `plan list`, fitted to the width.
//
// Owns column choice and sizing: fixed columns keep their size, the title
// takes what is left and is cut with "…" by display width, and columns are
// dropped, least useful first, before the title gets too narrow to read.
#pragma once

#include <string>

#include "plan/derive.h"
#include "plan/term.h"

namespace plan {

std::string render_list_table(const PlanState& state, Language lang, const Terminal& term,
                              bool with_header);

// "SG, EPC" — the owner codes of a list.
std::string codes_text(const OwnerList& list);

}  // namespace plan
