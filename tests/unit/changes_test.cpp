// changes_test.cpp: the updates, status changes and points of a period.
#include "plan/changes.h"

#include <catch2/catch.hpp>
#include <string>

#include "plan/load.h"
#include "plan_fixture.h"

namespace plan {
namespace {

using test::describe;

// A 2022 plan marked through the first half: 1.1 done in T1, 1.2 blocked
// and unblocked in T2, 2.1 cancelled at the end of T2, 2.2 untouched.
// {LATER} takes entries dated after T2.
constexpr std::string_view kPlan = R"(version: 1
plan:
  id: cambios
  title: Plan con cambios
  period: {start: 2022-01, end: 2022-12}
owners:
  SG: {name: Secretaría General}
  EPC: {name: Equipo, parent: SG}
lines:
  - id: 1
    title: Divulgación
    lead: [SG]
    activities:
      - id: 1
        title: Publicar la política
        start: 2022-01
        end: 2022-03
        progress: 100
        updates:
          - {date: 2022-01-31, progress: 30, note: Borrador, by: EPC, evidence: https://x.example/b}
          - {date: 2022-02-28, progress: 60}
          - {date: 2022-03-31, progress: 100, note: Publicada}
      - id: 2
        title: Capacitar
        start: 2022-02
        end: 2022-06
        progress: {P12}
        updates:
          - {date: 2022-03-15, progress: 20}
          - {date: 2022-04-10, status: blocked, note: Sin sala}
          - {date: 2022-05-20, status: active, progress: 40}
          - {date: 2022-06-30, progress: 80}{LATER12}
  - id: 2
    title: Espacios
    lead: [SG]
    activities:
      - id: 1
        title: Inventario
        start: 2022-03
        end: 2022-09
        status: cancelled
        progress: 10
        updates:
          - {date: 2022-03-31, progress: 10}
          - {date: 2022-06-30, status: cancelled, note: Sin presupuesto}
      - id: 2
        title: Balance
        start: 2022-07
        end: 2022-12{LATER22}
)";

std::string plan_text(bool later) {
  std::string text(kPlan);
  auto put = [&text](std::string_view key, std::string_view value) {
    text.replace(text.find(key), key.size(), value);
  };
  put("{P12}", later ? "90" : "80");
  put("{LATER12}", later ? "\n          - {date: 2022-08-31, progress: 90, note: Casi}" : "");
  put("{LATER22}", later ? "\n        status: blocked\n        updates:\n"
                           "          - {date: 2022-09-15, status: blocked}"
                         : "");
  return text;
}

// The changes as text, to compare two results.
std::string describe(const PlanChanges& c) {
  std::string out = fmt::format("{}..{} {:.3f}->{:.3f}\n", c.from, c.to, c.before, c.after);
  for (const UpdateChange& u : c.updates) {
    out += fmt::format("u {}.{} {} {}->{} {}\n", u.line->id.value, u.activity->id.value, u.date,
                       u.before, u.after, u.update->note.value);
  }
  for (const StatusChange& s : c.statuses) {
    out += fmt::format("s {}.{} {} {}->{} {}\n", s.line->id.value, s.activity->id.value, s.date,
                       status_code(s.before), status_code(s.after), s.update->note.value);
  }
  for (const LineChange& l : c.lines) {
    out += fmt::format("l {} {:.3f}->{:.3f}\n", l.line->id.value, l.before, l.after);
  }
  return out;
}

TEST_CASE("changes_between lists the updates of the period with the progress before", "[changes]") {
  const LoadResult r = load_plan_text("cambios.yaml", plan_text(false));
  REQUIRE(r.complete);
  INFO(describe(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  const PlanChanges t1 = changes_between(r.plan, {2021, 12, 31}, {2022, 3, 31});
  CHECK(describe(t1) ==
        "2021-12-31..2022-03-31 0.000->32.500\n"
        "u 1.1 2022-01-31 0->30 Borrador\n"
        "u 1.1 2022-02-28 30->60 \n"
        "u 1.2 2022-03-15 0->20 \n"
        "u 1.1 2022-03-31 60->100 Publicada\n"
        "u 2.1 2022-03-31 0->10 \n"
        "l 1 0.000->60.000\n"
        "l 2 0.000->5.000\n");
  CHECK(t1.updates.front().update->by.value == "EPC");
  CHECK(t1.updates.front().update->evidence.value == "https://x.example/b");
  CHECK(!t1.empty());
}

TEST_CASE("changes_between lists status changes as derived the day before and on the day",
          "[changes]") {
  const LoadResult r = load_plan_text("cambios.yaml", plan_text(false));
  REQUIRE(r.complete);
  const PlanChanges t2 = changes_between(r.plan, {2022, 3, 31}, {2022, 6, 30});
  // 2.1 is cancelled: it leaves line 2's average, which is then 2.2's 0.
  CHECK(describe(t2) ==
        "2022-03-31..2022-06-30 32.500->60.000\n"
        "u 1.2 2022-05-20 20->40 \n"
        "u 1.2 2022-06-30 40->80 \n"
        "s 1.2 2022-04-10 in-progress->blocked Sin sala\n"
        "s 1.2 2022-05-20 blocked->in-progress \n"
        "s 2.1 2022-06-30 in-progress->cancelled Sin presupuesto\n"
        "l 1 60.000->90.000\n"
        "l 2 5.000->0.000\n");
}

TEST_CASE("changes_between of an earlier period ignores entries dated after it", "[changes]") {
  const LoadResult before = load_plan_text("cambios.yaml", plan_text(false));
  const LoadResult after = load_plan_text("cambios.yaml", plan_text(true));
  REQUIRE(before.complete);
  REQUIRE(after.complete);
  INFO(describe(after.diagnostics));
  REQUIRE(after.diagnostics.empty());
  for (const auto& [from, to] : {std::pair<Date, Date>{{2021, 12, 31}, {2022, 3, 31}},
                                 {{2022, 3, 31}, {2022, 6, 30}},
                                 {{2022, 4, 30}, {2022, 8, 30}}}) {
    CHECK(describe(changes_between(before.plan, from, to)) ==
          describe(changes_between(after.plan, from, to)));
  }
  // The later entries do show in the period that holds them.
  const PlanChanges t3 = changes_between(after.plan, {2022, 6, 30}, {2022, 9, 30});
  REQUIRE(t3.updates.size() == 1);
  CHECK(t3.updates[0].before == 80);
  REQUIRE(t3.statuses.size() == 1);
  CHECK(t3.statuses[0].after == Status::blocked);
}

TEST_CASE("changes_between of a quiet period is empty but still gives the points", "[changes]") {
  const LoadResult r = load_plan_text("cambios.yaml", plan_text(false));
  REQUIRE(r.complete);
  const PlanChanges c = changes_between(r.plan, {2022, 6, 30}, {2022, 9, 30});
  CHECK(c.empty());
  REQUIRE(c.lines.size() == 2);
  CHECK(points_change(c.before, c.after) == 0);
}

TEST_CASE("changes_between of a start after its end reads nothing after the end", "[changes]") {
  const LoadResult r = load_plan_text("cambios.yaml", plan_text(false));
  REQUIRE(r.complete);
  const PlanChanges c = changes_between(r.plan, {2022, 6, 30}, {2022, 3, 31});
  CHECK(c.empty());
  CHECK(c.from == Date{2022, 3, 31});
  CHECK(c.before == c.after);
}

TEST_CASE("previous_cutoff is the end of the period before, or the plan's start", "[changes]") {
  const LoadResult r = load_plan_text("cambios.yaml", plan_text(false));
  REQUIRE(r.complete);
  const Plan& p = r.plan;
  CHECK(previous_cutoff(p, {2022, 3, 31}, 3) == Date{2021, 12, 31});  // T1
  CHECK(previous_cutoff(p, {2022, 6, 30}, 3) == Date{2022, 3, 31});   // T2
  CHECK(previous_cutoff(p, {2022, 12, 31}, 3) == Date{2022, 9, 30});  // T4
  CHECK(previous_cutoff(p, {2022, 4, 30}, 4) == Date{2021, 12, 31});  // C1
  CHECK(previous_cutoff(p, {2022, 8, 31}, 4) == Date{2022, 4, 30});   // C2
  CHECK(previous_cutoff(p, {2022, 12, 31}, 4) == Date{2022, 8, 31});  // C3
  // A plain date: the quarter end before it.
  CHECK(previous_cutoff(p, {2022, 9, 15}, 3) == Date{2022, 6, 30});
  CHECK(previous_cutoff(p, {2022, 7, 1}, 3) == Date{2022, 6, 30});
  CHECK(previous_cutoff(p, {2022, 2, 10}, 3) == Date{2021, 12, 31});
  CHECK(period_months("C2") == 4);
  CHECK(period_months("T3") == 3);
  CHECK(period_months("") == 3);
}

TEST_CASE("previous_cutoff never goes before the plan's period", "[changes]") {
  Plan p;
  p.period_start.date = ParsedDate{2022, 5, 0, DatePrecision::month};
  CHECK(previous_cutoff(p, {2022, 6, 30}, 3) == Date{2022, 4, 30});
  CHECK(previous_cutoff(p, {2022, 9, 30}, 3) == Date{2022, 6, 30});
}

TEST_CASE("points_change is the difference of the rounded figures", "[changes]") {
  CHECK(points_change(32.5, 45.0) == 12);  // 33 -> 45 as shown
  CHECK(points_change(10.4, 10.6) == 1);
  CHECK(points_change(60, 5) == -55);
  CHECK(points_change_text(Language::en, 32.5, 45.0) == "+12 pp");
  CHECK(points_change_text(Language::es, 60, 5) == "-55 pp");
  CHECK(points_change_text(Language::es, 5, 5) == "0 pp");
}

}  // namespace
}  // namespace plan
