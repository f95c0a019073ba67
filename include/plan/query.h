// query.h: the `plan filter` query language.
//
// Owns parsing queries ("lead:EPC and active:2021-05", "(line:1 or line:4)
// and end<=2021-04", "-status:done", Spanish keys and words too) into a
// tree, and matching activities against it at an as-of date. A bad query
// is an error value with the character it is about, for a caret under it.
// Documented with examples in docs/filter.md. It never prints.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/derive.h"
#include "plan/i18n.h"

namespace plan {

struct QueryNode;

struct Query {
  std::shared_ptr<const QueryNode> root;
};

struct QueryError {
  int col = 0;    // 0-based character where the fault starts
  int width = 1;  // characters under the caret
  Msg message = Msg::query_empty;
  std::vector<std::string> args;
  std::optional<Msg> hint;
  std::vector<std::string> hint_args;
};

// Parses text; exactly one of the two results is set.
struct ParsedQuery {
  std::optional<Query> query;
  std::optional<QueryError> error;
};
ParsedQuery parse_query(std::string_view text);

// Whether an activity (with its derived state at the plan's as-of date)
// matches.
bool matches(const Query& query, const Plan& plan, const ActivityState& state);

// Lower-case, accents removed: "Caracterización" -> "caracterizacion".
std::string fold_text(std::string_view text);

// The plan state with only the activities the query matches (lines with
// none are left out).
PlanState filter_state(const PlanState& state, const Query& query);

}  // namespace plan
