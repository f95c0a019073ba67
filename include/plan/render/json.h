// render/json.h: plans and derived state as JSON, with a stable key order.
//
// Owns the JSON shapes that scripts rely on (`list --format json`,
// `show --format json`). Dates are resolved YYYY-MM-DD; percentages are the
// rounded whole numbers that the text views show.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "plan/address.h"
#include "plan/derive.h"

namespace plan {

std::string render_list_json(const std::vector<PlanState>& states);
// The same, written to `out` one activity at a time.
void write_list_json(const std::vector<PlanState>& states, std::ostream& out);
std::string render_show_json(const Target& target, const PlanState& state);
// Whole plans with their derived state, for `plan export --format json`.
std::string render_plan_json(const std::vector<PlanState>& states);

}  // namespace plan
