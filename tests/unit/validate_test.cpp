// validate_test.cpp: the rules of validate.h, one failing fixture per rule.
//
// Every fixture is kMinimalPlan (plan_fixture.h) with a few lines changed
// or appended, so that the line and column each test expects can be read
// off the text: appended lines start at line 18.
#include "plan/validate.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "plan/load.h"
#include "plan_fixture.h"

namespace plan {
namespace {

using test::describe;
using test::kMinimalPlan;
using test::plan_with;
using test::with_code;

const Date kAsOf{2021, 6, 30};

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const size_t at = out.find(from);
  REQUIRE(at != std::string::npos);
  out.replace(at, from.size(), to);
  return out;
}

// Loads text, which must load without errors, and validates it.
std::vector<Diagnostic> validate_text(std::string_view text, const Date& as_of = kAsOf) {
  const LoadResult r = load_plan_text("test.yaml", std::string(text));
  INFO("load: " << describe(r.diagnostics));
  REQUIRE(r.ok());
  REQUIRE(r.diagnostics.empty());
  return validate_plan(r.plan, as_of);
}

// The one diagnostic there must be.
Diagnostic only(const std::vector<Diagnostic>& diags) {
  INFO(describe(diags));
  REQUIRE(diags.size() == 1);
  return diags.front();
}

void check_at(const Diagnostic& d, std::string_view code, Severity severity, int line, int col) {
  CHECK(d.code() == code);
  CHECK(d.severity == severity);
  CHECK(d.pos.line == line);
  CHECK(d.pos.col == col);
  CHECK(d.file == "test.yaml");
}

// --- valid plans -------------------------------------------------------------

TEST_CASE("the minimal plan is valid", "[validate]") {
  const auto diags = validate_text(kMinimalPlan);
  INFO(describe(diags));
  CHECK(diags.empty());
}

TEST_CASE("a plan using every rule correctly is valid", "[validate]") {
  const auto diags = validate_text(
      plan_with("        lead: [EPC]\n"
                "        support: [SG]\n"
                "        weight: 2\n"
                "        progress: 60\n"
                "        deliverables:\n"
                "          - {name: Informe, owner: SG, count: 2}\n"
                "        updates:\n"
                "          - {date: 2021-03-31, progress: 20, by: EPC}\n"
                "          - {date: 2021-04-30, progress: 20}\n"
                "          - {date: 2021-06-30, progress: 60, by: SG}\n"
                "      - id: 2\n"
                "        title: Cancelada\n"
                "        start: 2021-01-15\n"
                "        end: 2021-12-31\n"
                "        status: cancelled\n"
                "        updates:\n"
                "          - {date: 2021-03-01, status: cancelled, note: Sin presupuesto}\n"
                "  - id: 2\n"
                "    title: Otra línea\n"
                "    lead: [SG]\n"
                "    support: [EPC]\n"
                "    activities:\n"
                "      - id: 1\n"
                "        title: Misma id de actividad, otra línea\n"
                "        start: 2021-12\n"
                "        end: 2021-12\n"));
  INFO(describe(diags));
  CHECK(diags.empty());
}

// --- dates -------------------------------------------------------------------

TEST_CASE("date-order: an activity that starts after it ends", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("      - id: 2\n"            // 18
                                   "        title: Al revés\n"  // 19
                                   "        start: 2021-05\n"   // 20
                                   "        end: 2021-03\n")));
  check_at(d, "date-order", Severity::error, 20, 16);
  CHECK(d.args == std::vector<std::string>{"2021-05-01", "2021-03-31"});
  CHECK(d.text(Language::en) == "start 2021-05-01 is after end 2021-03-31");
}

TEST_CASE("date-order: a month that starts and ends itself is fine", "[validate]") {
  const auto diags =
      validate_text(plan_with("      - id: 2\n"
                              "        title: Un mes\n"
                              "        start: 2021-05\n"
                              "        end: 2021-05\n"
                              "      - id: 3\n"
                              "        title: Un día\n"
                              "        start: 2021-05-31\n"
                              "        end: 2021-05\n"));
  INFO(describe(diags));
  CHECK(diags.empty());
}

TEST_CASE("date-order: a period that starts after it ends", "[validate]") {
  const Diagnostic d =
      only(validate_text("version: 1\n"
                         "plan:\n"
                         "  id: demo\n"
                         "  title: Plan\n"
                         "  period: {start: 2021-12, end: 2021-01}\n"
                         "lines: []\n"));
  check_at(d, "date-order", Severity::error, 5, 19);
  CHECK(d.args == std::vector<std::string>{"2021-12-01", "2021-01-31"});
}

TEST_CASE("outside-period: an activity that starts before the period", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("      - id: 2\n"
                                   "        title: Temprana\n"
                                   "        start: 2020-12\n"  // 20
                                   "        end: 2021-02\n")));
  check_at(d, "outside-period", Severity::error, 20, 16);
  CHECK(d.width == 7);
  CHECK(d.text(Language::en) ==
        "start 2020-12 is outside the plan's period (2021-01-01 to 2021-12-31)");
  CHECK(d.text(Language::es) ==
        "el inicio 2020-12 está fuera de la vigencia del plan (2021-01-01 a "
        "2021-12-31)");
}

TEST_CASE("outside-period: an activity that ends after the period", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("      - id: 2\n"
                                   "        title: Tardía\n"
                                   "        start: 2021-11\n"
                                   "        end: 2022-01-15\n")));  // 21
  check_at(d, "outside-period", Severity::error, 21, 14);
  CHECK(d.width == 10);
  CHECK(d.text(Language::en) ==
        "end 2022-01-15 is outside the plan's period (2021-01-01 to 2021-12-31)");
}

TEST_CASE("outside-period: the period's own first and last days are inside", "[validate]") {
  const auto diags =
      validate_text(plan_with("      - id: 2\n"
                              "        title: Todo el año\n"
                              "        start: 2021-01-01\n"
                              "        end: 2021-12-31\n"));
  INFO(describe(diags));
  CHECK(diags.empty());
}

TEST_CASE("outside-period: an update dated outside the period", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        updates:\n"              // 18
                                   "          - date: 2020-12-15\n"  // 19
                                   "            progress: 0\n")));   // 20
  check_at(d, "outside-period", Severity::error, 19, 19);
  CHECK(d.text(Language::en) ==
        "the update of 2020-12-15 is outside the plan's period (2021-01-01 to "
        "2021-12-31)");
}

// --- ids ---------------------------------------------------------------------

TEST_CASE("duplicate-id: two lines with the same id", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("  - id: 1\n"  // 18
                                   "    title: Otra\n"
                                   "    lead: [SG]\n"
                                   "    activities:\n"
                                   "      - id: 1\n"
                                   "        title: X\n"
                                   "        start: 2021-03\n"
                                   "        end: 2021-05\n")));
  check_at(d, "duplicate-id", Severity::error, 18, 9);
  CHECK(d.message == Msg::duplicate_line_id);
  CHECK(d.args == std::vector<std::string>{"1", "10"});
  CHECK(d.text(Language::en) == "duplicate line id 1 (first on line 10)");
}

TEST_CASE("duplicate-id: two activities with the same id in a line", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("      - id: 1\n"  // 18
                                   "        title: Otra\n"
                                   "        start: 2021-03\n"
                                   "        end: 2021-05\n")));
  check_at(d, "duplicate-id", Severity::error, 18, 13);
  CHECK(d.message == Msg::duplicate_activity_id);
  CHECK(d.args == std::vector<std::string>{"1", "1", "14"});
}

TEST_CASE("duplicate-id: the same activity id in two lines is fine", "[validate]") {
  const auto diags =
      validate_text(plan_with("  - id: 2\n"
                              "    title: Otra\n"
                              "    lead: [SG]\n"
                              "    activities:\n"
                              "      - id: 1\n"
                              "        title: X\n"
                              "        start: 2021-03\n"
                              "        end: 2021-05\n"));
  INFO(describe(diags));
  CHECK(diags.empty());
}

TEST_CASE("duplicate-plan-id: two plans with one id", "[validate]") {
  const LoadResult a = load_plan_text("a.yaml", std::string(kMinimalPlan));
  const LoadResult b =
      load_plan_text("b.yaml", replaced(kMinimalPlan, "title: Plan de prueba", "title: Otro"));
  const LoadResult c = load_plan_text("c.yaml", replaced(kMinimalPlan, "id: demo", "id: otro"));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(c.ok());

  const auto diags = validate_plan_set({&a.plan, &c.plan, &b.plan});
  const Diagnostic d = only(diags);
  CHECK(d.code() == "duplicate-plan-id");
  CHECK(d.severity == Severity::error);
  CHECK(d.file == "b.yaml");
  CHECK(d.pos.line == 3);
  CHECK(d.pos.col == 7);
  CHECK(d.args == std::vector<std::string>{"demo", "a.yaml"});
  CHECK(d.text(Language::en) == "plan id 'demo' is also used by a.yaml");

  CHECK(validate_plan_set({&a.plan, &c.plan}).empty());
  CHECK(validate_plan_set({&a.plan}).empty());
}

// --- owners ------------------------------------------------------------------

TEST_CASE("unknown-owner: in a line's lead", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("  - id: 2\n"
                                   "    title: Otra\n"
                                   "    lead: [XX]\n"  // 20
                                   "    activities:\n"
                                   "      - id: 1\n"
                                   "        title: X\n"
                                   "        start: 2021-03\n"
                                   "        end: 2021-05\n")));
  check_at(d, "unknown-owner", Severity::error, 20, 12);
  CHECK(d.width == 2);
  CHECK(d.args == std::vector<std::string>{"XX"});
  CHECK(d.hint == Msg::hint_define_owner);
  CHECK(d.hint_text(Language::en) == "define it under 'owners', or use one of: SG, EPC");
}

TEST_CASE("unknown-owner: in a line's support", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("    support: [XX]\n")));
  check_at(d, "unknown-owner", Severity::error, 18, 15);
}

TEST_CASE("unknown-owner: in an activity's lead", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("        lead: [XX]\n")));
  check_at(d, "unknown-owner", Severity::error, 18, 16);
}

TEST_CASE("unknown-owner: a deliverable's owner", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        deliverables:\n"
                                   "          - {name: Informe, owner: XX}\n")));  // 19
  check_at(d, "unknown-owner", Severity::error, 19, 36);
}

TEST_CASE("unknown-owner: an update's by", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        updates:\n"
                                   "          - date: 2021-04-30\n"
                                   "            progress: 0\n"
                                   "            by: XX\n")));  // 21
  check_at(d, "unknown-owner", Severity::error, 21, 17);
}

TEST_CASE("unknown-owner: an owner's parent", "[validate]") {
  const Diagnostic d = only(validate_text(replaced(kMinimalPlan, "parent: SG}", "parent: XX}")));
  check_at(d, "unknown-owner", Severity::error, 8, 55);
}

TEST_CASE("unknown-owner: a near code is suggested with its name", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("    support: [EPX]\n")));
  check_at(d, "unknown-owner", Severity::error, 18, 15);
  CHECK(d.hint == Msg::hint_did_you_mean_owner);
  CHECK(d.hint_args == std::vector<std::string>{"EPC", "Equipo Participación Ciudadana"});
  CHECK(d.hint_text(Language::en) == "did you mean 'EPC' (Equipo Participación Ciudadana)?");
  CHECK(d.hint_text(Language::es) == "¿quiso decir 'EPC' (Equipo Participación Ciudadana)?");
}

// Regression test (bug found and fixed): an activity that overrides only its `lead` is checked with
// its line's `support` list (support_of() falls back to the line's), and check_line has already
// checked that list, so every problem in the line's support is reported again, identically, once
// more for each such activity: below, 'XX' gets two identical unknown-owner errors at 23:15, and
// 'EPC' (lead of the line and of activity 1.2, and the line's support) two identical
// lead-and-support warnings at 23:15. (check_activity also re-checks the
// line's lead when only `support` is overridden.)
const char* const kActivityWithOwnLead =
    "      - id: 2\n"
    "        title: Con líder propio\n"
    "        start: 2021-03\n"
    "        end: 2021-05\n"
    "        lead: [EPC]\n";

TEST_CASE("an unknown owner in an inherited support list is reported once", "[validate]") {
  const auto diags =
      validate_text(plan_with(std::string(kActivityWithOwnLead) + "    support: [XX]\n"));
  const Diagnostic d = only(diags);
  check_at(d, "unknown-owner", Severity::error, 23, 15);
}

TEST_CASE("lead-and-support in an inherited support list is reported once", "[validate]") {
  const auto diags =
      validate_text(plan_with(std::string(kActivityWithOwnLead) + "    support: [EPC]\n"));
  const Diagnostic d = only(diags);
  check_at(d, "lead-and-support", Severity::warning, 23, 15);
}

TEST_CASE("empty-lead: a line with lead: []", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("  - id: 2\n"
                                   "    title: Sin líder\n"
                                   "    lead: []\n"  // 20
                                   "    activities:\n"
                                   "      - id: 1\n"
                                   "        title: X\n"
                                   "        start: 2021-03\n"
                                   "        end: 2021-05\n")));
  check_at(d, "empty-lead", Severity::error, 20, 11);
  CHECK(d.args == std::vector<std::string>{"2"});
  CHECK(d.hint_text(Language::en) == "name at least one owner code, e.g. lead: [SG]");
}

TEST_CASE("empty-lead: an activity with lead: []", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("        lead: []\n")));
  check_at(d, "empty-lead", Severity::error, 18, 15);
  CHECK(d.args == std::vector<std::string>{"1.1"});
}

TEST_CASE("owner-cycle: two owners that are each other's parent", "[validate]") {
  // SG -> EPC -> SG: one loop, reported once, at its first owner's parent.
  const auto diags = validate_text(replaced(kMinimalPlan, "{name: Secretaría General}",
                                            "{name: Secretaría General, parent: EPC}"));
  INFO(describe(diags));
  REQUIRE(diags.size() == 1);
  check_at(diags[0], "owner-cycle", Severity::error, 7, 42);
  CHECK(diags[0].args == std::vector<std::string>{"SG", "SG → EPC → SG"});
  CHECK(diags[0].text(Language::en) == "the parents of owner 'SG' loop: SG → EPC → SG");
}

TEST_CASE("owner-cycle: an owner that is its own parent", "[validate]") {
  const Diagnostic d = only(validate_text(replaced(kMinimalPlan, "{name: Secretaría General}",
                                                   "{name: Secretaría General, parent: SG}")));
  check_at(d, "owner-cycle", Severity::error, 7, 42);
  CHECK(d.args == std::vector<std::string>{"SG", "SG → SG"});
}

// --- numbers -----------------------------------------------------------------

TEST_CASE("progress-range: progress above 100", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("        progress: 101\n")));
  check_at(d, "progress-range", Severity::error, 18, 19);
  CHECK(d.width == 3);
  CHECK(d.args == std::vector<std::string>{"101"});
}

TEST_CASE("progress-range: negative progress", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("        progress: -1\n")));
  check_at(d, "progress-range", Severity::error, 18, 19);
  CHECK(d.args == std::vector<std::string>{"-1"});
}

TEST_CASE("progress-range: 0 and 100 are in range", "[validate]") {
  CHECK(validate_text(plan_with("        progress: 0\n")).empty());
  CHECK(validate_text(plan_with("        progress: 100\n")).empty());
}

TEST_CASE("progress-range: an update's progress above 100", "[validate]") {
  // The activity's progress (0) then also differs from the last update's.
  const auto diags =
      validate_text(plan_with("        updates:\n"
                              "          - date: 2021-04-30\n"
                              "            progress: 150\n"));  // 20
  INFO(describe(diags));
  REQUIRE(diags.size() == 2);
  check_at(diags[0], "progress-range", Severity::error, 20, 23);
  CHECK(diags[0].args == std::vector<std::string>{"150"});
  check_at(diags[1], "progress-mismatch", Severity::error, 14, 9);
}

TEST_CASE("weight-range: weight 0", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("        weight: 0\n")));
  check_at(d, "weight-range", Severity::error, 18, 17);
  CHECK(d.args == std::vector<std::string>{"0"});
}

TEST_CASE("weight-range: a negative weight", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("        weight: -1\n")));
  check_at(d, "weight-range", Severity::error, 18, 17);
  CHECK(d.args == std::vector<std::string>{"-1"});
  CHECK(d.text(Language::en) == "weight -1 must be greater than 0");
  CHECK(validate_text(plan_with("        weight: 0.5\n")).empty());
}

TEST_CASE("count-range: a deliverable count below 1", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        deliverables:\n"
                                   "          - {name: Informe, count: 0}\n")));
  check_at(d, "count-range", Severity::error, 19, 36);
}

TEST_CASE("threshold-range: yellow above green", "[validate]") {
  const Diagnostic d =
      only(validate_text(replaced(kMinimalPlan, "  period: {start: 2021-01, end: 2021-12}\n",
                                  "  period: {start: 2021-01, end: 2021-12}\n"
                                  "  thresholds: {green: 80, yellow: 90}\n")));  // 6
  check_at(d, "threshold-range", Severity::error, 6, 35);
  CHECK(d.args == std::vector<std::string>{"90", "80"});
  CHECK(d.text(Language::en) == "thresholds need 0 <= yellow (90) <= green (80) <= 100");
}

TEST_CASE("threshold-range: green above 100", "[validate]") {
  const Diagnostic d =
      only(validate_text(replaced(kMinimalPlan, "  period: {start: 2021-01, end: 2021-12}\n",
                                  "  period: {start: 2021-01, end: 2021-12}\n"
                                  "  thresholds: {green: 101}\n")));
  check_at(d, "threshold-range", Severity::error, 6, 23);
}

// --- updates -----------------------------------------------------------------

TEST_CASE("updates-order: an update older than the one before", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        progress: 30\n"
                                   "        updates:\n"
                                   "          - date: 2021-04-30\n"
                                   "            progress: 20\n"
                                   "          - date: 2021-04-15\n"  // 22
                                   "            progress: 30\n")));
  check_at(d, "updates-order", Severity::error, 22, 19);
  CHECK(d.args == std::vector<std::string>{"2021-04-15", "2021-04-30"});
}

TEST_CASE("progress-mismatch: progress differs from the last update", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        progress: 40\n"  // 18
                                   "        updates:\n"
                                   "          - date: 2021-04-30\n"
                                   "            progress: 50\n")));
  check_at(d, "progress-mismatch", Severity::error, 18, 19);
  CHECK(d.width == 2);
  CHECK(d.args == std::vector<std::string>{"40", "50"});
  CHECK(d.hint == Msg::hint_last_update);
  CHECK(d.hint_args == std::vector<std::string>{"50"});
}

// --- warnings ----------------------------------------------------------------

TEST_CASE("lead-and-support: an owner both lead and support of a line", "[validate]") {
  const auto diags = validate_text(plan_with("    support: [SG]\n"));
  const Diagnostic d = only(diags);
  check_at(d, "lead-and-support", Severity::warning, 18, 15);
  CHECK(d.args == std::vector<std::string>{"SG"});
  CHECK_FALSE(has_errors(diags));
}

TEST_CASE("lead-and-support: an owner both lead and support of an activity", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        lead: [EPC]\n"
                                   "        support: [SG, EPC]\n")));  // 19
  check_at(d, "lead-and-support", Severity::warning, 19, 23);
  CHECK(d.args == std::vector<std::string>{"EPC"});
}

TEST_CASE("unused-owner: an owner nobody names", "[validate]") {
  const Diagnostic d = only(validate_text(
      replaced(kMinimalPlan, "lines:\n", "  OAPS: {name: Oficina de Planeación}\nlines:\n")));
  check_at(d, "unused-owner", Severity::warning, 9, 3);
  CHECK(d.width == 4);
  CHECK(d.args == std::vector<std::string>{"OAPS"});
}

TEST_CASE(
    "unused-owner: a parent, an update's by or a deliverable's owner is "
    "a use",
    "[validate]") {
  const std::string text = replaced(replaced(kMinimalPlan, "lines:\n",
                                             "  OAPS: {name: Oficina}\n"
                                             "  GCI: {name: Gestión}\n"
                                             "  AM: {name: Áreas}\n"
                                             "  GAC: {name: Atención, parent: AM}\n"
                                             "lines:\n"),
                                    "lead: [SG, EPC]", "lead: [SG, EPC, GAC]") +
                           "        deliverables:\n"
                           "          - {name: Informe, owner: OAPS}\n"
                           "        updates:\n"
                           "          - {date: 2021-04-30, progress: 0, by: GCI}\n";
  const auto diags = validate_text(text);
  INFO(describe(diags));
  CHECK(diags.empty());
}

TEST_CASE("external-lead: an external owner leads a line", "[validate]") {
  const std::string text =
      replaced(replaced(kMinimalPlan, "lines:\n",
                        "  MIN: {name: Ministerio del Interior, external: true}\nlines:\n"),
               "lead: [SG, EPC]", "lead: [SG, EPC, MIN]");  // line 13
  const Diagnostic d = only(validate_text(text));
  check_at(d, "external-lead", Severity::warning, 13, 21);
  CHECK(d.args == std::vector<std::string>{"MIN", "1"});
}

TEST_CASE("external-lead: an external owner may support", "[validate]") {
  const std::string text =
      replaced(kMinimalPlan, "lines:\n",
               "  MIN: {name: Ministerio del Interior, external: true}\nlines:\n") +
      "    support: [MIN]\n";
  const auto diags = validate_text(text);
  INFO(describe(diags));
  CHECK(diags.empty());
}

TEST_CASE("future-update: an update dated after the as-of date", "[validate]") {
  const std::string text = plan_with(
      "        updates:\n"
      "          - date: 2021-07-15\n"  // 19
      "            progress: 0\n");
  const Diagnostic d = only(validate_text(text, Date{2021, 6, 30}));
  check_at(d, "future-update", Severity::warning, 19, 19);
  CHECK(d.args == std::vector<std::string>{"2021-07-15", "2021-06-30"});
  // Dated on the as-of date itself, it is not in the future.
  CHECK(validate_text(text, Date{2021, 7, 15}).empty());
  CHECK(only(validate_text(text, Date{2021, 7, 14})).code() == "future-update");
}

TEST_CASE("progress-decrease: progress that goes down", "[validate]") {
  const auto diags =
      validate_text(plan_with("        progress: 40\n"
                              "        updates:\n"
                              "          - date: 2021-04-15\n"
                              "            progress: 50\n"
                              "          - date: 2021-04-30\n"
                              "            progress: 40\n"));  // 23
  const Diagnostic d = only(diags);
  check_at(d, "progress-decrease", Severity::warning, 23, 23);
  CHECK(d.args == std::vector<std::string>{"50", "40"});
  CHECK(d.text(Language::en) == "progress goes down from 50 to 40");
}

TEST_CASE("cancelled-done: a cancelled activity with progress 100", "[validate]") {
  const std::string dated = "        updates: [{date: 2021-04-10, status: cancelled}]\n";
  const Diagnostic d =
      only(validate_text(plan_with("        status: cancelled\n"  // 18
                                   "        progress: 100\n" +
                                   dated)));
  check_at(d, "cancelled-done", Severity::warning, 18, 17);
  CHECK(d.width == 9);
  CHECK(validate_text(plan_with("        status: cancelled\n"
                                "        progress: 99\n" +
                                dated))
            .empty());
}

// --- the dated status log (issue 14) ---------------------------------------

TEST_CASE("undated-status: a status no update dates is told how to date it", "[validate]") {
  const Diagnostic d = only(validate_text(plan_with("        status: blocked\n")));  // 18
  check_at(d, "undated-status", Severity::warning, 18, 17);
  CHECK(d.hint_text(Language::en).find("- {date: YYYY-MM-DD, status: blocked}") !=
        std::string::npos);
  CHECK(d.hint_text(Language::es).find("plan mark") != std::string::npos);
}

TEST_CASE("a status change needs no progress, and the log dates it", "[validate]") {
  CHECK(
      validate_text(plan_with("        status: blocked\n"
                              "        progress: 20\n"
                              "        updates:\n"
                              "          - {date: 2021-03-15, progress: 20}\n"
                              "          - {date: 2021-04-01, status: blocked, note: Sin sala}\n"))
          .empty());
  // Blocked, then active again: no status key is right.
  CHECK(validate_text(plan_with("        updates:\n"
                                "          - {date: 2021-03-15, status: blocked}\n"
                                "          - {date: 2021-04-01, status: active}\n"))
            .empty());
}

TEST_CASE("status-mismatch: the status key is the last dated status", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        status: cancelled\n"  // 18
                                   "        updates:\n"
                                   "          - {date: 2021-03-15, status: blocked}\n")));
  check_at(d, "status-mismatch", Severity::error, 18, 17);
  CHECK(d.args == std::vector<std::string>{"cancelled", "blocked"});
  // Blocked in the log but no status key: told at the activity.
  const Diagnostic e =
      only(validate_text(plan_with("        updates:\n"
                                   "          - {date: 2021-03-15, status: blocked}\n")));
  check_at(e, "status-mismatch", Severity::error, 14, 9);
  CHECK(e.args == std::vector<std::string>{"active", "blocked"});
}

TEST_CASE("status-before-start: a status change before the activity starts", "[validate]") {
  const Diagnostic d =
      only(validate_text(plan_with("        status: blocked\n"
                                   "        updates:\n"
                                   "          - {date: 2021-02-27, status: blocked}\n")));  // 20
  check_at(d, "status-before-start", Severity::error, 20, 20);
  CHECK(d.args == std::vector<std::string>{"2021-02-27", "2021-03-01"});
}

TEST_CASE("cancelled-progress: progress recorded on cancelled work", "[validate]") {
  const auto diags =
      validate_text(plan_with("        status: cancelled\n"
                              "        progress: 30\n"
                              "        updates:\n"
                              "          - {date: 2021-03-15, progress: 20}\n"
                              "          - {date: 2021-04-01, status: cancelled}\n"
                              "          - {date: 2021-04-20, progress: 30}\n"));  // 23
  const Diagnostic d = only(diags);
  check_at(d, "cancelled-progress", Severity::warning, 23, 42);
  CHECK(d.args == std::vector<std::string>{"2021-04-20", "2021-04-01"});
}

TEST_CASE("severity counts", "[validate]") {
  const auto diags =
      validate_text(plan_with("        progress: 101\n"
                              "        weight: 0\n"
                              "    support: [SG]\n"));
  INFO(describe(diags));
  CHECK(count_severity(diags, Severity::error) == 2);
  CHECK(count_severity(diags, Severity::warning) == 1);
  CHECK(has_errors(diags));
}

}  // namespace
}  // namespace plan
