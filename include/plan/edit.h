// edit.h: `plan mark`'s change to a plan file, made on its text.
//
// Owns the surgical edit: the activity's `progress` value replaced in
// place (or one line added), `status` set or removed, and a new entry put
// in `updates` in date order, in the style the file already uses (block
// or flow), quoted only where YAML needs it, with the file's own line ends.
// Every other byte stays as it was: comments, order, quoting, blank lines.
// The result is loaded and validated before it is returned; writing it to
// disk is file_io.h's job. It never prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/derive.h"
#include "plan/diagnostic.h"
#include "plan/model.h"

namespace plan {

enum class StatusChange { keep, blocked, cancelled, clear };

struct MarkRequest {
  std::optional<int> progress;  // absolute, 0..100
  std::optional<int> delta;     // "+10" or "-5": added to progress on date
  std::optional<double> value;  // the goal's indicator value: progress follows from it
  std::string note;
  std::string by;
  std::string evidence;
  Date date;                                 // of the update
  Date as_of;                                // for validating the result
  StatusChange status = StatusChange::keep;  // clear: `active` from date on
  std::optional<Date> today;                 // the clock's day: an update after it is refused...
  bool force = false;                        // ...unless forced
};

// What every change of a plan file's text gives back: the new text, or
// why it was refused; and the warnings it brings.
struct EditOutcome {
  bool ok = false;
  std::string text;  // the whole new file
  // Why the change was refused: one message, or the new text's diagnostics.
  std::optional<Msg> error;
  std::vector<std::string> error_args;
  std::optional<Msg> hint;
  std::vector<std::string> hint_args;
  std::vector<Diagnostic> diagnostics;
  // The warnings the change brings (those the file had before left out).
  std::vector<Diagnostic> warnings;
};

struct MarkResult : EditOutcome {
  int old_progress = 0;  // the activity's progress before
  int new_progress = 0;  // and after
  bool appended_update = false;
  // The activity's state at the as-of date once the change is made.
  Status new_status = Status::not_started;
  Signal new_signal = Signal::none;
  int new_done_late = 0;  // done: days after its end
};

// Marks `activity` (of `line`, in `plan`, which must be valid).
MarkResult mark_activity(const Plan& plan, const Line& line, const Activity& activity,
                         const MarkRequest& request);

// A review of one cut-off, as `plan review` records it.
struct ReviewRequest {
  std::string period;           // T1..T4, C1..C3
  Date date;                    // of the review
  std::string by;               // the reviewer's owner code
  std::optional<int> verified;  // percent...
  std::optional<double> value;  // ...or the goal's indicator value
  std::string note;
  Date as_of;  // for validating the result
};

// Appends the review to the activity's `reviews` in the file's style, with
// mark_activity's guarantees: only the bytes it must, and a refusal (with
// the new text's diagnostics) whenever the result would not validate.
// Uses MarkResult's ok, text, error, hint, diagnostics and warnings.
MarkResult review_activity(const Plan& plan, const Line& line, const Activity& activity,
                           const ReviewRequest& request);

// A text value as YAML writes it: plain when that reads back the same,
// else double-quoted with escapes. flow: it sits inside { } or [ ].
std::string yaml_scalar(std::string_view value, bool flow);
// The value double-quoted, with escapes, whatever it holds.
std::string yaml_double_quoted(std::string_view value);

}  // namespace plan
