// validate.h: the rules a well-formed plan must also meet.
//
// Owns the meaning checks of the format page (dates in order and inside the
// period, known owners, unique ids, progress and weights in range, the
// updates log) and the warnings. It reads a model that load.h built
// completely; the form of the file (types, keys) was load.h's to check.
// It never prints.
#pragma once

#include <vector>

#include "plan/date.h"
#include "plan/diagnostic.h"
#include "plan/model.h"

namespace plan {

// Errors and warnings of one plan; as_of is the date "future updates" are
// measured against.
std::vector<Diagnostic> validate_plan(const Plan& plan, const Date& as_of);

// Rules across the plans validated together: a plan id used twice.
std::vector<Diagnostic> validate_plan_set(const std::vector<const Plan*>& plans);

}  // namespace plan
