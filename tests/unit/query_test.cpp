// query_test.cpp: the filter language, on the 2021 plan, against sets of
// activities computed by hand from plans/participacion-2021.yaml.
#include "plan/query.h"

#include <catch2/catch.hpp>
#include <set>

#include "plan/address.h"
#include "plan/load.h"

using namespace plan;

namespace {

const LoadResult& plan_2021() {
  static const LoadResult r =
      load_plan_file(std::string(PLAN_SOURCE_DIR) + "/plans/participacion-2021.yaml");
  return r;
}

std::set<std::string> run(const std::string& text, const Date& as_of = {2021, 6, 30}) {
  const ParsedQuery q = parse_query(text);
  INFO("query: " << text);
  REQUIRE(q.query);
  REQUIRE(plan_2021().ok());
  const PlanState st = derive_plan(plan_2021().plan, as_of);
  std::set<std::string> ids;
  for (const LineState& ls : filter_state(st, *q.query).lines) {
    for (const ActivityState& s : ls.activities) ids.insert(format_address(*s.line, *s.activity));
  }
  return ids;
}

QueryError error_of(const std::string& text) {
  const ParsedQuery q = parse_query(text);
  INFO("query: " << text);
  REQUIRE(q.error);
  return *q.error;
}

using Ids = std::set<std::string>;

}  // namespace

// The 2021 plan's activities (start..end): 1.1 Mar–May, 1.2 Mar–Apr,
// 2.1 Feb–Apr, 2.2 May, 2.3 Jun, 2.4 Jul, 2.5 Aug–Nov, 3.1 Jan–Mar,
// 3.2 Feb–Mar, 3.3 Mar–Apr, 3.4 Mar–May, 3.5 May–Jul, 4.1 Feb–May,
// 5.1 Jul–Dec. Lines 1, 2, 4 are led by SG; 3 and 5 by AM, OAPS, SG;
// EPC supports every line; GAC and GCI support line 2.

TEST_CASE("active: a month selects what runs in it", "[query]") {
  CHECK(run("active:2021-05") == Ids{"1.1", "2.2", "3.4", "3.5", "4.1"});
  CHECK(run("activa:2021-06-15") == Ids{"2.3", "3.5"});
  CHECK(run("active:2021-12") == Ids{"5.1"});
}

TEST_CASE("and, not and implied and", "[query]") {
  CHECK(run("line:2 and not active:2021-06") == Ids{"2.1", "2.2", "2.4", "2.5"});
  CHECK(run("line:2 -active:2021-06") == Ids{"2.1", "2.2", "2.4", "2.5"});
  CHECK(run("lead:OAPS active:2021-07") == Ids{"3.5", "5.1"});
}

TEST_CASE("dates compare as the span of their month", "[query]") {
  CHECK(run("start<2021-03") == Ids{"2.1", "3.1", "3.2", "4.1"});
  CHECK(run("start<=2021-02") == Ids{"2.1", "3.1", "3.2", "4.1"});
  CHECK(run("start>2021-06") == Ids{"2.4", "2.5", "5.1"});
  CHECK(run("start>=2021-07") == Ids{"2.4", "2.5", "5.1"});
  CHECK(run("end:2021-04") == Ids{"1.2", "2.1", "3.3"});
  CHECK(run("end>=2021-06-30") == Ids{"2.3", "2.4", "2.5", "3.5", "5.1"});
}

TEST_CASE("parentheses and or, with not > and > or", "[query]") {
  CHECK(run("(line:1 or line:4) and end<=2021-04") == Ids{"1.2"});
  // Without parentheses: line:1 or (line:4 and end<=2021-04).
  CHECK(run("line:1 or line:4 and end<=2021-04") == Ids{"1.1", "1.2"});
  CHECK(run("not line:2 and line<3") == Ids{"1.1", "1.2"});
}

TEST_CASE("text: is case- and accent-insensitive, in title or product", "[query]") {
  CHECK(run("text:socializacion") == Ids{"2.3"});
  CHECK(run("text:SOCIALIZACIÓN") == Ids{"2.3"});
  CHECK(run("text:caracterizacion") == Ids{"2.1", "2.2", "2.4"});
  CHECK(run("text:\"documento institucional\"") == Ids{"3.1", "3.5"});
}

TEST_CASE("owners: lead, support, and owner with parents", "[query]") {
  CHECK(run("lead:AM") == Ids{"3.1", "3.2", "3.3", "3.4", "3.5", "5.1"});
  CHECK(run("support:GAC") == Ids{"2.1", "2.2", "2.3", "2.4", "2.5"});
  CHECK(run("apoyo:gci line:2 start:2021-06") == Ids{"2.3"});
  // EPC's parent is SG: owner:SG covers what EPC supports too (everything),
  // while owner:EPC does not cover what SG leads without EPC (nothing here).
  CHECK(run("owner:SG").size() == 14);
  CHECK(run("owner:EPC").size() == 14);
  CHECK(run("owner:GAC") == run("line:2"));
}

TEST_CASE("status, signal and numbers at the as-of date", "[query]") {
  CHECK(run("status:in-progress") == Ids{"2.3", "3.5"});
  CHECK(run("estado:sin-iniciar") == Ids{"2.4", "2.5", "5.1"});
  CHECK(run("status:late").size() == 9);
  CHECK(run("signal:red") == run("status:late or status:in-progress"));
  CHECK(run("semaforo:ninguno") == Ids{"2.4", "2.5", "5.1"});
  CHECK(run("expected>=80 expected<100") == Ids{});
  CHECK(run("expected<100 expected>0") == Ids{"3.5"});  // 62 of 92 days
  CHECK(run("progress:0").size() == 14);
  CHECK(run("plan:participacion-2021").size() == 14);
  CHECK(run("status:done", {2021, 12, 31}) == Ids{});
}

TEST_CASE("bad queries point at the fault", "[query]") {
  QueryError e = error_of("lidr:SG");
  CHECK(e.message == Msg::query_unknown_key);
  CHECK(e.col == 0);
  CHECK(e.width == 4);
  REQUIRE(e.hint);
  CHECK(e.hint_args == std::vector<std::string>{"lider"});

  e = error_of("line:2 and (start<2021-03");
  CHECK(e.message == Msg::query_unbalanced);
  CHECK(e.col == 11);

  e = error_of("line:2)");
  CHECK(e.message == Msg::query_unbalanced);
  CHECK(e.col == 6);

  e = error_of("start<2021-02-30");
  CHECK(e.message == Msg::query_bad_date);
  CHECK(e.col == 6);
  CHECK(e.width == 10);

  e = error_of("estado:atrasda");
  CHECK(e.message == Msg::query_bad_value);
  CHECK(e.col == 7);
  CHECK(e.hint_args == std::vector<std::string>{"atrasada"});

  e = error_of("línea:");
  CHECK(e.message == Msg::query_missing_value);

  e = error_of("text<abc");
  CHECK(e.message == Msg::query_bad_operator);

  e = error_of("line:2 and");
  CHECK(e.message == Msg::query_expected_term);
  CHECK(e.col == 10);

  e = error_of("   ");
  CHECK(e.message == Msg::query_empty);

  e = error_of("text:\"unclosed");
  CHECK(e.message == Msg::query_unclosed_quote);
  CHECK(e.col == 5);

  e = error_of("line:2 adn line:3");
  CHECK(e.message == Msg::query_unknown_word);
  CHECK(e.col == 7);
  CHECK(e.hint_args == std::vector<std::string>{"and"});
}

TEST_CASE("fold_text lowers case and strips accents", "[query]") {
  CHECK(fold_text("Caracterización") == "caracterizacion");
  CHECK(fold_text("ÁREAS MISIONALES") == "areas misionales");
  CHECK(fold_text("Ñandú") == "nandu");
}
