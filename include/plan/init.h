// init.h: the text of a new plan file, as `plan init` writes it.
//
// Owns the commented starting template in either language. It returns
// text only: choosing the file, refusing to overwrite and writing belong
// to the CLI (src/cli/init.cpp).
#pragma once

#include <string>

#include "plan/model.h"

namespace plan {

struct InitValues {
  Language lang = Language::es;
  std::string id;     // "" = plan-YEAR
  std::string title;  // "" = a placeholder title naming the year
  int year = 0;
};

// A valid plan file (`plan validate --strict` finds nothing) whose owners,
// line and activity are placeholders to replace, with commented examples
// of an update, a goal and a programme. Its first line points
// yaml-language-server at plan.schema.json beside it.
std::string init_template(const InitValues& values);

// The id `plan init` uses when none is given.
std::string default_init_id(int year);

}  // namespace plan

namespace plan {

struct RolloverValues {
  int year = 0;             // the new plan's first year
  std::string id;           // "" = default_rollover_id
  std::string title;        // "" = the old title with its year replaced
  std::string source_file;  // as the user named it, for the top comment
};

// The id a rolled-over plan gets: the old one with its year replaced
// (participacion-2021 -> participacion-2022), else OLD-YEAR.
std::string default_rollover_id(const Plan& old, int year);

// `old` (loaded without errors) as a new plan for `year`: the same owners,
// lines, products, deliverables, weights and goals; every date (period,
// activities, programme milestones) moved by the same number of years,
// keeping month and day (29 February becomes the 28th); progress, updates,
// statuses and reviews left out; a comment block at the top, in the plan's
// language, says each of these choices. Every text goes through
// yaml_scalar, so that it reads back exactly.
std::string rollover_plan(const Plan& old, const RolloverValues& values);

}  // namespace plan
