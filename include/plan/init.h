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
