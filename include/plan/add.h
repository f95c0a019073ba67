// add.h: `plan add`'s change to a plan file: a new line, or a new activity
// at the end of a line, made on the file's text.
//
// Owns the new entry's text, written in the style the file already uses:
// block or flow lists and mappings laid out and indented as the entry
// before it, titles quoted as its title is (or plain, when that reads
// back the same), owner lists as its lists are, `progress: 0` when its
// activities write one, a blank line before it when the one before has
// one, and the file's own line ends. Every other byte stays as it was.
// With mark_activity's guarantees (edit.h): the request is checked first
// (title, dates, owners, id), the result is loaded and validated, and a
// change that would bring an error is refused. It never prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/edit.h"
#include "plan/model.h"

namespace plan {

// What the new line or activity says. Texts as given; dates as the format
// writes them (YYYY-MM or YYYY-MM-DD).
struct AddRequest {
  std::string title;
  std::string start;  // activities only
  std::string end;    // activities only
  std::string product;
  std::string objective;          // lines only
  std::vector<std::string> lead;  // a line without one takes the last line's
  std::vector<std::string> support;
  std::optional<long long> id;  // none: one more than the highest in use
  Date as_of;                   // for validating the result
};

struct AddResult : EditOutcome {
  long long line = 0;      // the new line's id, or the activity's line's
  long long activity = 0;  // the new activity's id (0 for a line)
  // A new line given no --lead takes the last line's: which one it was.
  long long lead_from_line = 0;
  std::vector<std::string> lead;  // the new line's lead
};

// Adds an activity at the end of `line`'s activities (`plan` must be valid).
AddResult add_activity(const Plan& plan, const Line& line, const AddRequest& request);

// Adds a line after the plan's last line (`plan` must be valid).
AddResult add_line(const Plan& plan, const AddRequest& request);

// "2.5" (an activity) or "5" (a line): the address the new entry got.
std::string added_address(const AddResult& result);

}  // namespace plan
