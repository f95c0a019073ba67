// plan_emit.h: (private) a plan model written as block-style YAML, with
// every text through yaml_scalar so that it reads back exactly. Shared by
// `plan init --from` (rollover.cpp, which owns it) and `plan import`.
#pragma once

#include <string>

#include "plan/init.h"
#include "plan/model.h"

namespace plan::detail {

// version and the plan: mapping: values' id and title (an empty title is
// the old one with its year replaced); dates moved `years` years.
void emit_plan_key(const Plan& old, const RolloverValues& values, const std::string& id, int years,
                   std::string* out);
void emit_owners(const Plan& plan, std::string* out);
// A line and its activities; with_progress writes an activity's progress
// when it was set (its pos known).
void emit_line(const Line& line, int years, bool with_progress, std::string* out);

}  // namespace plan::detail
