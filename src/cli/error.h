// cli/error.h: the one way `plan` reports an error of its own (not a plan's
// diagnostic), as ninja's Error() does: "plan: error: MESSAGE [code]" and
// its hint on stderr, from the message catalog, in the language of the plan
// at hand. It also decides the exit status, which callers return.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common.h"
#include "plan/i18n.h"

namespace plan::cli {

// A catalog message with its arguments, and the hint that goes with it.
struct CliError {
  Msg msg;
  std::vector<std::string> args = {};
  std::optional<Msg> hint = std::nullopt;
  std::vector<std::string> hint_args = {};
};

// Lines shown between the message and its hint (the query under a caret);
// the hint is indented by `gutter` to line up with them.
struct ErrorExcerpt {
  std::string lines;
  std::string gutter;
};

// kExitUsage for a usage error (a bad query, an unknown command, a bad
// argument), kExitPlan for any other.
int exit_status_of(Msg msg);

// Prints e on stderr in the language chosen for `plan` (nullptr: no plan is
// at hand) and returns its exit status.
[[nodiscard]] int print_error(const Context& ctx, const Plan* plan, const CliError& e,
                              const ErrorExcerpt* excerpt = nullptr);

}  // namespace plan::cli
