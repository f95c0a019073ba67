// builder.h: the reader's YAML events -> the plan model, by the schema.
//
// Private to plan_core. The builder knows which keys each mapping of a
// plan takes and of what kind, stores each value through its field's
// typed setter, and reports problems of form (unknown, duplicate and
// missing keys, wrong types, unreadable dates and ids). It never looks at
// the text: positions and ends come with the events (yaml/reader.h).
#pragma once

#include <string>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/model.h"
#include "yaml/reader.h"

namespace plan::detail {

struct BuildResult {
  yaml::Outcome outcome;
  bool fatal = false;     // the plan cannot be read on (a diagnostic says why)
  bool saw_root = false;  // the file holds a document at all
};

// Reads plan->source (named plan->file) into *plan with `parse` behind
// the reader.
BuildResult build_plan(Plan* plan, std::vector<Diagnostic>* diagnostics,
                       const yaml::EventParser& parse);

}  // namespace plan::detail
