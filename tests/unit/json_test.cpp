// Tests of render/json.h.
#include "plan/render/json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "plan/derive.h"
#include "plan/load.h"
#include "plan/render/diagnostics.h"

using namespace plan;

namespace {

std::vector<PlanState> states_of(const std::vector<const LoadResult*>& loaded, Date as_of) {
  std::vector<PlanState> states;
  for (const LoadResult* r : loaded) states.push_back(derive_plan(r->plan, as_of));
  return states;
}

}  // namespace

TEST_CASE("list JSON, written one activity at a time, is the array's own dump", "[json]") {
  static const LoadResult p2021 =
      load_plan_file(std::string(PLAN_SOURCE_DIR) + "/plans/participacion-2021.yaml");
  static const LoadResult marked =
      load_plan_file(std::string(PLAN_SOURCE_DIR) + "/tests/e2e/plans/marked.yaml");
  REQUIRE(p2021.complete);
  REQUIRE(marked.complete);
  const std::vector<PlanState> states = states_of({&p2021, &marked}, Date{2021, 6, 30});
  const std::string text = render_list_json(states);
  // Parsed back and dumped whole, the text comes out byte for byte: the
  // streaming writer indents exactly as the DOM's dump(2) does.
  const auto parsed = nlohmann::ordered_json::parse(text);
  CHECK(parsed.dump(2) + "\n" == text);
  size_t activities = 0;
  for (const PlanState& ps : states) {
    for (const LineState& ls : ps.lines) activities += ls.activities.size();
  }
  REQUIRE(parsed.size() == activities);
  CHECK(parsed[0]["id"] == "1.1");
  CHECK(parsed[0]["plan"] == "participacion-2021");
  CHECK(parsed[14]["plan"] == marked.plan.id.value);
  // Text with quotes, accents and line breaks stays one JSON string.
  CHECK(text.find("\"title\": \"Divulgar la política en la intranet\"") != std::string::npos);
}

TEST_CASE("list JSON of nothing is an empty array", "[json]") {
  CHECK(render_list_json({}) == "[]\n");
}

TEST_CASE("JSON output survives text that is not UTF-8, such as a file name", "[json]") {
  // Linux file names are bytes: nlohmann::json throws on invalid UTF-8, and
  // `plan validate --format json` once printed its exception instead.
  Diagnostic d;
  d.file = "plan\xFF.yaml";
  d.pos = Pos{2, 1, 11};
  d.message = Msg::yaml_syntax;
  d.args = {"half a character: \xC3"};
  std::string out;
  REQUIRE_NOTHROW(
      out = render_diagnostics_json({d}, [](const std::string&) { return Language::en; }));
  CHECK(out.find("\"file\": \"plan\xEF\xBF\xBD.yaml\"") != std::string::npos);
  CHECK(out.find("half a character: \xEF\xBF\xBD\"") != std::string::npos);
}
