// init_test.cpp: `plan init` end to end, in scratch directories: the
// template validates --strict in both languages, a refusal leaves the
// existing file byte-identical, and --from reads back as the old plan with
// its dates moved and its follow-up cleared (checked through plan_core's
// loader, against the old plan loaded the same way).
#include <catch2/catch.hpp>

#include "edit_support.h"
#include "plan/date.h"
#include "plan/load.h"
#include "runner.h"
#include "temp_dir.h"

namespace {

using plan::e2e::Outcome;
using plan::e2e::plan_cmd;
using plan::e2e::read_text;
using plan::e2e::source;
using plan::test::TempDir;

plan::LoadResult load(const std::string& path) {
  plan::LoadResult r = plan::load_plan_file(path);
  INFO(path);
  REQUIRE(r.ok());
  return r;
}

size_t activity_count(const plan::Plan& p) {
  size_t n = 0;
  for (const auto& line : p.lines) n += line.activities.size();
  return n;
}

// The date a year on, as the rollover promises: month and day kept (29
// February becomes the 28th), a month stays a month.
plan::ParsedDate a_year_on(plan::ParsedDate d, int years) {
  d.year += years;
  if (d.precision == plan::DatePrecision::day)
    d.day = std::min(d.day, plan::days_in_month(d.year, d.month));
  return d;
}

bool same(const plan::ParsedDate& a, const plan::ParsedDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day && a.precision == b.precision;
}

}  // namespace

TEST_CASE("init writes a template that validates --strict in both languages", "[init]") {
  for (const std::string lang : {"es", "en"}) {
    TempDir s;
    const Outcome o = plan_cmd(
        {"init", "p.yaml", "--lang", lang, "--year", "2023", "--title", "Plan: \"2023\" #1"},
        s.path());
    INFO(o.err);
    REQUIRE(o.status == 0);
    CHECK(o.out.find("p.yaml") != std::string::npos);
    const std::string text = read_text(s.path() + "/p.yaml");
    CHECK(text.rfind("# yaml-language-server: $schema=plan.schema.json\n", 0) == 0);
    CHECK(text.find("plan schema > plan.schema.json") != std::string::npos);
    CHECK(text.find("language: " + lang) != std::string::npos);
    const Outcome v = plan_cmd({"validate", "--strict", "p.yaml"}, s.path());
    INFO(v.out + v.err);
    CHECK(v.status == 0);
    CHECK(v.err.find("unused-owner") == std::string::npos);
    const plan::LoadResult r = load(s.path() + "/p.yaml");
    CHECK(r.plan.title.value == "Plan: \"2023\" #1");
    CHECK(r.plan.id.value == "plan-2023");
    CHECK(r.plan.period_start.date.year == 2023);
    CHECK(r.plan.lines.size() == 1);
    CHECK(activity_count(r.plan) == 1);
  }
}

TEST_CASE("init refuses an existing file and leaves it byte-identical", "[init]") {
  TempDir s;
  const std::string before = "not a plan: keep me\n";
  const std::string file = s.write("p.yaml", before);
  for (const std::string lang : {"es", "en"}) {
    const Outcome o = plan_cmd({"init", "p.yaml", "--lang", lang}, s.path());
    CHECK(o.status == 1);
    CHECK(o.err.find("p.yaml") != std::string::npos);
    CHECK(o.err.find("--force") != std::string::npos);
    CHECK(o.err.find("[file-exists]") != std::string::npos);
    CHECK(read_text(file) == before);
  }
  const Outcome forced = plan_cmd({"init", "p.yaml", "--force", "--lang", "en"}, s.path());
  CHECK(forced.status == 0);
  CHECK(read_text(file) != before);
  CHECK(plan_cmd({"validate", "--strict", "p.yaml"}, s.path()).status == 0);
}

TEST_CASE("init --from rolls the 2021 plan over to 2022", "[init]") {
  TempDir s;
  const std::string old_file = source("plans/participacion-2021.yaml");
  const Outcome o = plan_cmd({"init", "p.yaml", "--from", old_file, "--year", "2022"}, s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  const Outcome v = plan_cmd({"validate", "--strict", "p.yaml"}, s.path());
  INFO(v.out + v.err);
  CHECK(v.status == 0);
  const plan::LoadResult old = load(old_file);
  const plan::LoadResult neu = load(s.path() + "/p.yaml");
  CHECK(neu.plan.id.value == "participacion-2022");
  CHECK(neu.plan.objective.value == old.plan.objective.value);  // folded, read back
  CHECK(neu.plan.entity.value == old.plan.entity.value);
  CHECK(neu.plan.owners.size() == old.plan.owners.size());
  REQUIRE(neu.plan.lines.size() == old.plan.lines.size());
  REQUIRE(activity_count(neu.plan) == activity_count(old.plan));
  CHECK(same(neu.plan.period_start.date, a_year_on(old.plan.period_start.date, 1)));
  CHECK(same(neu.plan.period_end.date, a_year_on(old.plan.period_end.date, 1)));
  for (size_t l = 0; l < old.plan.lines.size(); ++l) {
    const plan::Line& a = old.plan.lines[l];
    const plan::Line& b = neu.plan.lines[l];
    CHECK(b.title.value == a.title.value);
    CHECK(b.objective.value == a.objective.value);
    CHECK(b.product.value == a.product.value);
    CHECK(b.lead.codes.size() == a.lead.codes.size());
    CHECK(b.support.codes.size() == a.support.codes.size());
    for (size_t i = 0; i < a.activities.size(); ++i) {
      const plan::Activity& x = a.activities[i];
      const plan::Activity& y = b.activities[i];
      CHECK(y.title.value == x.title.value);
      CHECK(y.product.value == x.product.value);
      CHECK(y.deliverables.size() == x.deliverables.size());
      CHECK(same(y.start.date, a_year_on(x.start.date, 1)));
      CHECK(same(y.end.date, a_year_on(x.end.date, 1)));
      CHECK(y.updates.empty());
      CHECK(y.progress.value == 0);
      CHECK(!y.progress_key.known());
    }
  }
}

TEST_CASE("init --from keeps goals, moves programmes, drops reviews and updates", "[init]") {
  TempDir s;
  const std::string old_file = source("tests/e2e/plans/goals/metas-2021.yaml");
  const Outcome o = plan_cmd(
      {"init", "p.yaml", "--from", old_file, "--year", "2024", "--id", "metas-nuevas"}, s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  const std::string text = read_text(s.path() + "/p.yaml");
  CHECK(text.find("plan init --from") != std::string::npos);  // the choices, said
  const plan::LoadResult old = load(old_file);
  const plan::LoadResult neu = load(s.path() + "/p.yaml");
  CHECK(neu.plan.id.value == "metas-nuevas");
  size_t goals = 0;
  size_t milestones = 0;
  size_t old_reviews = 0;
  for (size_t l = 0; l < old.plan.lines.size(); ++l) {
    for (size_t i = 0; i < old.plan.lines[l].activities.size(); ++i) {
      const plan::Activity& x = old.plan.lines[l].activities[i];
      const plan::Activity& y = neu.plan.lines[l].activities[i];
      old_reviews += x.reviews.size();
      CHECK(y.goal->present == x.goal->present);
      CHECK(y.goal->indicator.value == x.goal->indicator.value);
      CHECK(y.goal->target.value == x.goal->target.value);
      goals += y.goal->present ? 1 : 0;
      REQUIRE(y.programme.size() == x.programme.size());
      for (size_t m = 0; m < x.programme.size(); ++m) {
        CHECK(same(y.programme[m].by.date, a_year_on(x.programme[m].by.date, 3)));
        CHECK(y.programme[m].value.value == x.programme[m].value.value);
        CHECK(y.programme[m].progress.value == x.programme[m].progress.value);
        ++milestones;
      }
      CHECK(y.reviews.empty());
      CHECK(y.updates.empty());
      CHECK(y.flag == plan::ActivityFlag::none);
    }
  }
  // The fixture must exercise what is checked, or the test proves nothing.
  CHECK(goals > 0);
  CHECK(milestones > 0);
  CHECK(old_reviews > 0);
}

TEST_CASE("init --from moves 29 February to the 28th, or keeps it in a leap year", "[init]") {
  TempDir s;
  REQUIRE(plan_cmd({"init", "old.yaml", "--year", "2024", "--lang", "en"}, s.path()).status == 0);
  std::string text = read_text(s.path() + "/old.yaml");
  // The template's one activity, dated on the leap day at both ends.
  const size_t start = text.find("start: 2024-02");
  const size_t end = text.find("end: 2024-06");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  text.replace(end, 12, "end: 2024-02-29");
  text.replace(start, 14, "start: 2024-02-29");
  plan::e2e::write_text(s.path() + "/old.yaml", text);
  const plan::Activity before = load(s.path() + "/old.yaml").plan.lines.at(0).activities.at(0);
  REQUIRE(before.start.date.day == 29);
  for (const int year : {2025, 2028}) {
    const std::string out = "new-" + std::to_string(year) + ".yaml";
    const Outcome o =
        plan_cmd({"init", out, "--from", "old.yaml", "--year", std::to_string(year)}, s.path());
    INFO(o.err);
    REQUIRE(o.status == 0);
    REQUIRE(plan_cmd({"validate", "--strict", out}, s.path()).status == 0);
    const plan::Activity after = load(s.path() + "/" + out).plan.lines.at(0).activities.at(0);
    const int day = year == 2028 ? 29 : 28;
    CHECK(after.start.date.year == year);
    CHECK(after.start.date.month == 2);
    CHECK(after.start.date.day == day);
    CHECK(after.end.date.day == day);
  }
}
