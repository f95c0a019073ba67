// cli/writing.h: what the commands that write a plan file share: finding
// the file that holds an address, and showing a change as a diff.
#pragma once

#include <optional>
#include <string>

#include "common.h"
#include "error.h"

namespace plan::cli {

// A line's address (2) is refused where only an activity will do.
std::optional<CliError> check_not_line(const std::string& text);

// The plan file that holds the address, in *file: with one file named it
// is that one, read once later under the lock; else the one plan that has
// it. Anything else is reported, and its exit status returned.
int locate_file(const Context& ctx, const std::string& address_text, std::string* file);

// A unified diff of the change, as `git diff` would show it.
std::string unified_diff(const std::string& file, const std::string& before,
                         const std::string& after);

}  // namespace plan::cli
