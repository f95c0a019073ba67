// address_test.cpp: parsing addresses and finding what they name.
#include "plan/address.h"

#include <catch2/catch.hpp>
#include <string>

#include "plan/load.h"
#include "plan_fixture.h"

namespace plan {
namespace {

using test::kMinimalPlan;
using test::plan_with;

TEST_CASE("parse_address reads LINE.ACTIVITY", "[address]") {
  const auto a = parse_address("2.3");
  REQUIRE(a.has_value());
  CHECK(a->plan.empty());
  CHECK(a->line == 2);
  REQUIRE(a->activity.has_value());
  CHECK(*a->activity == 3);

  const auto big = parse_address("12.345");
  REQUIRE(big.has_value());
  CHECK(big->line == 12);
  CHECK(big->activity == 345);
}

TEST_CASE("parse_address reads a line", "[address]") {
  const auto a = parse_address("2");
  REQUIRE(a.has_value());
  CHECK(a->plan.empty());
  CHECK(a->line == 2);
  CHECK_FALSE(a->activity.has_value());
}

TEST_CASE("parse_address reads PLAN-ID:ADDRESS", "[address]") {
  const auto a = parse_address("participacion-2021:2.3");
  REQUIRE(a.has_value());
  CHECK(a->plan == "participacion-2021");
  CHECK(a->line == 2);
  CHECK(a->activity == 3);

  const auto line = parse_address("participacion-2021:4");
  REQUIRE(line.has_value());
  CHECK(line->plan == "participacion-2021");
  CHECK(line->line == 4);
  CHECK_FALSE(line->activity.has_value());
}

TEST_CASE("parse_address rejects what is not an address", "[address]") {
  for (const char* text : {"2.", ".3", "0.1", "1.0", "0", "a.b", "a", "", "2.3.4", ":2.3",
                           "plan:", "-1", "2.-3", "+2", " 2", "2 ", "2..3", "1234567890", "2,3"}) {
    INFO("text '" << text << "'");
    CHECK_FALSE(parse_address(text).has_value());
  }
}

TEST_CASE("resolve finds an activity, a line, or nothing", "[address]") {
  const LoadResult r = load_plan_text("demo.yaml", plan_with("      - id: 2\n"
                                                             "        title: Segunda\n"
                                                             "        start: 2021-06\n"
                                                             "        end: 2021-07\n"));
  REQUIRE(r.ok());
  const Plan& p = r.plan;
  const std::vector<const Plan*> plans = {&p};

  const auto activity = resolve(*parse_address("1.2"), plans);
  REQUIRE(activity.size() == 1);
  CHECK(activity[0].plan == &p);
  CHECK(activity[0].line == &p.lines[0]);
  CHECK(activity[0].activity == &p.lines[0].activities[1]);
  CHECK(activity[0].activity->title.value == "Segunda");

  const auto line = resolve(*parse_address("1"), plans);
  REQUIRE(line.size() == 1);
  CHECK(line[0].line == &p.lines[0]);
  CHECK(line[0].activity == nullptr);

  CHECK(resolve(*parse_address("1.3"), plans).empty());
  CHECK(resolve(*parse_address("2"), plans).empty());
  CHECK(resolve(*parse_address("2.1"), plans).empty());
  CHECK(resolve(*parse_address("otro:1.1"), plans).empty());
  CHECK(resolve(*parse_address("demo:1.1"), plans).size() == 1);
  CHECK(resolve(*parse_address("1.1"), {}).empty());
}

TEST_CASE("resolve finds every plan that has the address", "[address]") {
  const LoadResult a = load_plan_text("a.yaml", std::string(kMinimalPlan));
  std::string other(kMinimalPlan);
  other.replace(other.find("id: demo"), 8, "id: otro");
  const LoadResult b = load_plan_text("b.yaml", other);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const std::vector<const Plan*> plans = {&a.plan, &b.plan};

  const auto both = resolve(*parse_address("1.1"), plans);
  REQUIRE(both.size() == 2);
  CHECK(both[0].plan == &a.plan);
  CHECK(both[0].activity == &a.plan.lines[0].activities[0]);
  CHECK(both[1].plan == &b.plan);
  CHECK(both[1].activity == &b.plan.lines[0].activities[0]);

  const auto lines = resolve(*parse_address("1"), plans);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].activity == nullptr);
  CHECK(lines[1].line == &b.plan.lines[0]);

  // Naming the plan picks one.
  const auto named = resolve(*parse_address("otro:1.1"), plans);
  REQUIRE(named.size() == 1);
  CHECK(named[0].plan == &b.plan);
}

TEST_CASE("format_address writes LINE.ACTIVITY", "[address]") {
  Line line;
  line.id.value = 2;
  Activity activity;
  activity.id.value = 13;
  CHECK(format_address(line, activity) == "2.13");
  // What format_address writes, parse_address reads back.
  const auto back = parse_address(format_address(line, activity));
  REQUIRE(back.has_value());
  CHECK(back->line == 2);
  CHECK(back->activity == 13);
}

}  // namespace
}  // namespace plan
