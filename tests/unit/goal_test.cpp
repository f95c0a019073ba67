// goal_test.cpp: progress from indicator values, progress programmed by
// milestones, and reviews, on tests/e2e/plans/goals/metas-2021.yaml.
//
// Every expected figure below was worked out by hand from the plan's dates
// and milestones; the comment beside each says how.
#include "plan/goal.h"

#include <catch2/catch.hpp>
#include <string>

#include "plan/derive.h"
#include "plan/load.h"
#include "plan_fixture.h"

namespace plan {
namespace {

using test::describe;

const char* const kGoals = PLAN_SOURCE_DIR "/tests/e2e/plans/goals/metas-2021.yaml";

struct Loaded {
  LoadResult result = load_plan_file(kGoals);
  const Activity& activity(long long line, long long id) const {
    const Activity* a = result.plan.find_activity(line, id);
    REQUIRE(a != nullptr);
    return *a;
  }
};

double programmed(const Activity& a, Date at) {
  return programmed_at(a, a.start.date.first(), a.end.date.last(), at);
}

TEST_CASE("percent_of_value rounds down so that only the target is 100", "[goal]") {
  Goal g;
  g.target.value = 20;
  CHECK(percent_of_value(g, 12) == 60);    // the 12 of 20 talleres
  CHECK(percent_of_value(g, 19.9) == 99);  // not yet done
  CHECK(percent_of_value(g, 20) == 100);
  CHECK(percent_of_value(g, 25) == 100);  // above the target: done, no more
  CHECK(percent_of_value(g, 0) == 0);
  CHECK(percent_of_value(g, -3) == 0);
  g.target.value = 1;
  CHECK(percent_of_value(g, 0.29) == 29);  // 0.29 * 100 is 28.999... in binary
  g.target.value = 120;
  CHECK(percent_of_value(g, 45.5) == 37);  // 37.9
  g.target.value = 0;
  CHECK(percent_of_value(g, 5) == 0);  // no target, no percent
}

TEST_CASE("the loader sets each update's, milestone's and review's progress from its value",
          "[goal]") {
  const Loaded l;
  INFO(describe(l.result.diagnostics));
  REQUIRE(l.result.ok());
  const Activity& talleres = l.activity(1, 1);
  REQUIRE(talleres.updates.size() == 3);
  CHECK(talleres.updates[0].progress.value == 10);  // 2 of 20
  CHECK(talleres.updates[1].progress.value == 25);  // 5 of 20
  CHECK(talleres.updates[2].progress.value == 60);  // 12 of 20
  // The progress is placed at the value, so diagnostics point at it.
  CHECK(talleres.updates[2].progress.pos.line == talleres.updates[2].value.pos.line);
  REQUIRE(talleres.programme.size() == 3);
  CHECK(talleres.programme[0].progress.value == 20);  // 4 of 20
  CHECK(talleres.programme[1].progress.value == 70);  // 14 of 20
  CHECK(talleres.programme[2].progress.value == 100);
  REQUIRE(talleres.reviews.size() == 2);
  CHECK(talleres.reviews[0].verified.value == 20);  // 4 of 20
  CHECK(talleres.reviews[1].verified.value == 55);  // written as a percent
  CHECK(talleres.goal->kind == GoalKind::eficacia);
  CHECK(l.activity(2, 1).goal->kind == GoalKind::eficiencia);
  CHECK(l.activity(2, 1).updates[0].progress.value == 37);  // 45.5 of 120
}

TEST_CASE("expected progress follows the programme, linear between milestones", "[goal]") {
  const Loaded l;
  REQUIRE(l.result.ok());
  // 1.1 runs 2021-02-01..2021-11-30; milestones 20% by 04-30, 70% by
  // 08-31, 100% by 11-30; 0 on 01-31, the day before the start.
  const Activity& a = l.activity(1, 1);
  CHECK(programmed(a, Date{2021, 1, 15}) == 0);
  CHECK(programmed(a, Date{2021, 1, 31}) == 0);
  // Jan 31 -> Apr 30 is 89 days (28 + 31 + 30).
  CHECK(programmed(a, Date{2021, 2, 1}) == Approx(20.0 * 1 / 89));
  CHECK(programmed(a, Date{2021, 3, 31}) == Approx(20.0 * 59 / 89));  // 28 + 31 days
  CHECK(programmed(a, Date{2021, 4, 30}) == Approx(20));
  // Apr 30 -> Aug 31 is 123 days (31 + 30 + 31 + 31).
  CHECK(programmed(a, Date{2021, 5, 31}) == Approx(20 + 50.0 * 31 / 123));
  CHECK(programmed(a, Date{2021, 6, 30}) == Approx(20 + 50.0 * 61 / 123));
  CHECK(programmed(a, Date{2021, 8, 31}) == Approx(70));
  // Aug 31 -> Nov 30 is 91 days (30 + 31 + 30).
  CHECK(programmed(a, Date{2021, 9, 30}) == Approx(70 + 30.0 * 30 / 91));
  CHECK(programmed(a, Date{2021, 11, 30}) == Approx(100));
  CHECK(programmed(a, Date{2021, 12, 31}) == Approx(100));

  // 1.2 runs 2021-03-01..06-30: 30% by 04-30, 70% by 05-31, 100% by 06-30.
  const Activity& b = l.activity(1, 2);
  CHECK(programmed(b, Date{2021, 3, 15}) == Approx(30.0 * 15 / 61));  // of Mar 31 + Apr 30
  CHECK(programmed(b, Date{2021, 5, 15}) == Approx(30 + 40.0 * 15 / 31));

  // 2.1 has no programme: today's straight line, 106 of 335 days
  // (Jan 15..Apr 30 and Jan 15..Dec 15, both ends counted).
  const Activity& c = l.activity(2, 1);
  CHECK(programmed(c, Date{2021, 4, 30}) == Approx(106.0 / 335 * 100));
  CHECK(programmed(c, Date{2021, 4, 30}) ==
        expected_progress(c.start.date.first(), c.end.date.last(), Date{2021, 4, 30}));
}

TEST_CASE("derive uses the programme and the values", "[goal]") {
  const Loaded l;
  REQUIRE(l.result.ok());
  const PlanState st = derive_plan(l.result.plan, Date{2021, 4, 30});
  const ActivityState& a = st.lines[0].activities[0];
  CHECK(a.progress == 25);           // 5 of 20 talleres by 04-28
  CHECK(a.expected == Approx(20));   // the C1 milestone
  CHECK(a.signal == Signal::green);  // 25 of 20 programmed
  const ActivityState& b = st.lines[0].activities[1];
  CHECK(b.progress == 30);
  CHECK(b.expected == Approx(30));
}

TEST_CASE("review_for finds an activity's review of a period", "[goal]") {
  const Loaded l;
  REQUIRE(l.result.ok());
  const Activity& a = l.activity(1, 1);
  REQUIRE(review_for(a, "C1") != nullptr);
  CHECK(review_for(a, "C1")->by.value == "OCI");
  CHECK(review_for(a, "C2")->verified.value == 55);
  CHECK(review_for(a, "C3") == nullptr);
  CHECK(review_for(a, "T1") == nullptr);
}

}  // namespace
}  // namespace plan
