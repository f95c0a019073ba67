// cli/writing.h: what the commands that write a plan file share: finding
// the file that holds an address, and showing a change as a diff.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "common.h"
#include "error.h"
#include "plan/edit.h"

namespace plan::cli {

// A line's address (2) is refused where only an activity will do.
std::optional<CliError> check_not_line(const std::string& text);

// The plan file that holds the address, in *file: with one file named it
// is that one, read once later under the lock; else the one plan that has
// it. Anything else is reported, and its exit status returned. A line's
// address is refused unless line_ok.
int locate_file(const Context& ctx, const std::string& address_text, std::string* file,
                bool line_ok = false);

// A unified diff of the change, as `git diff` would show it.
std::string unified_diff(const std::string& file, const std::string& before,
                         const std::string& after);

// Under the file's lock, reads it afresh (another writer may have just
// written it) and returns what `edit` returns for it; a plan that does not
// load or has errors is reported instead, ending with `invalid`.
int edit_locked(const Context& ctx, const std::string& file,
                const std::function<int(const Plan&)>& edit, Msg invalid = Msg::mark_invalid_plan);

// Under the file's lock, reads it afresh (another writer may have just
// written it), finds the activity at `address`, and returns what `edit`
// returns for it; a plan that does not load, a line's address or an
// unknown one is reported instead.
int edit_in_file(const Context& ctx, const std::string& file, const std::string& address,
                 const std::function<int(const Plan&, const Target&)>& edit);

// An edit's outcome, still under the lock: its warnings, then its refusal,
// the diff (dry_run), or the new text written atomically. *written says
// the file changed, so the caller can say what it did.
int show_or_write(const Context& ctx, const std::string& file, const Plan& plan,
                  const EditOutcome& r, bool dry_run, bool* written);

}  // namespace plan::cli
