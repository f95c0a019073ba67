// edit_test.cpp: mark_activity's change to a plan's text, and yaml_scalar.
//
// Each mark is checked against the whole expected text, so a change to
// any byte besides the marked ones fails the test.
#include "plan/edit.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <tuple>

#include "plan/load.h"
#include "plan_fixture.h"

namespace plan {
namespace {

using test::describe;
using test::kMinimalPlan;
using test::plan_with;

const Date kApril10{2021, 4, 10};
const Date kJune30{2021, 6, 30};

// A request for an update dated `date`, validated as of the end of June.
MarkRequest on(Date date) {
  MarkRequest req;
  req.date = date;
  req.as_of = kJune30;
  return req;
}

MarkRequest progress_on(Date date, int progress) {
  MarkRequest req = on(date);
  req.progress = progress;
  return req;
}

MarkRequest status_change(StatusChange change) {
  MarkRequest req = on(kApril10);
  req.status = change;
  return req;
}

// Marks activity 1.1 of the plan written as text.
MarkResult mark(std::string_view text, const MarkRequest& req) {
  const LoadResult loaded = load_plan_text("test.yaml", std::string(text));
  INFO(describe(loaded.diagnostics));
  REQUIRE(loaded.ok());
  const Line* line = loaded.plan.find_line(1);
  const Activity* activity = loaded.plan.find_activity(1, 1);
  REQUIRE(line != nullptr);
  REQUIRE(activity != nullptr);
  return mark_activity(loaded.plan, *line, *activity, req);
}

// The text of a mark that must succeed.
std::string marked(std::string_view text, const MarkRequest& req) {
  const MarkResult r = mark(text, req);
  INFO(describe(r.diagnostics));
  CHECK_FALSE(r.error.has_value());
  REQUIRE(r.ok);
  return r.text;
}

// The activity 1.1 that the text loads as.
Activity reloaded(const std::string& text) {
  const LoadResult loaded = load_plan_text("test.yaml", text);
  INFO(describe(loaded.diagnostics));
  REQUIRE(loaded.ok());
  const Activity* a = loaded.plan.find_activity(1, 1);
  REQUIRE(a != nullptr);
  return *a;
}

std::string crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += '\r';
    out += c;
  }
  return out;
}

// --- progress ----------------------------------------------------------------

TEST_CASE("mark replaces progress in place and keeps comments", "[edit]") {
  const std::string before = plan_with(
      "        progress: 20  # by hand\n"
      "        # the log\n"
      "        updates:\n"
      "          - date: 2021-03-15\n"
      "            progress: 20\n");
  const MarkResult r = mark(before, progress_on(kApril10, 40));
  REQUIRE(r.ok);
  CHECK(r.old_progress == 20);
  CHECK(r.new_progress == 40);
  CHECK(r.appended_update);
  CHECK(r.text == plan_with("        progress: 40  # by hand\n"
                            "        # the log\n"
                            "        updates:\n"
                            "          - date: 2021-03-15\n"
                            "            progress: 20\n"
                            "          - date: 2021-04-10\n"
                            "            progress: 40\n"));
}

TEST_CASE("mark adds a progress line and the updates when there are none", "[edit]") {
  CHECK(marked(kMinimalPlan, progress_on(kApril10, 30)) ==
        plan_with("        progress: 30\n"
                  "        updates:\n"
                  "          - date: 2021-04-10\n"
                  "            progress: 30\n"));
}

TEST_CASE("mark adds a delta to the progress on the update's date", "[edit]") {
  MarkRequest req = on(kApril10);
  req.delta = 15;
  const MarkResult r = mark(plan_with("        progress: 20\n"), req);
  REQUIRE(r.ok);
  CHECK(r.old_progress == 20);
  CHECK(r.new_progress == 35);
  CHECK(reloaded(r.text).progress.value == 35);
}

TEST_CASE("mark writes note, by and evidence under the new update", "[edit]") {
  MarkRequest req = progress_on(kApril10, 30);
  req.note = "Taller con la comunidad";
  req.by = "EPC";
  req.evidence = "https://example.org/acta.pdf";
  CHECK(marked(kMinimalPlan, req) ==
        plan_with("        progress: 30\n"
                  "        updates:\n"
                  "          - date: 2021-04-10\n"
                  "            progress: 30\n"
                  "            note: Taller con la comunidad\n"
                  "            by: EPC\n"
                  "            evidence: https://example.org/acta.pdf\n"));
}

// --- status ------------------------------------------------------------------

TEST_CASE("mark sets, replaces and clears the status", "[edit]") {
  const std::string blocked = plan_with("        status: blocked\n");
  // Each change also writes its dated entry; `active` removes the key.
  CHECK(marked(kMinimalPlan, status_change(StatusChange::blocked)) ==
        plan_with("        status: blocked\n"
                  "        updates:\n"
                  "          - date: 2021-04-10\n"
                  "            status: blocked\n"));
  CHECK(marked(blocked, status_change(StatusChange::cancelled)) ==
        plan_with("        status: cancelled\n"
                  "        updates:\n"
                  "          - date: 2021-04-10\n"
                  "            status: cancelled\n"));
  CHECK(marked(blocked, status_change(StatusChange::clear)) ==
        plan_with("        updates:\n"
                  "          - date: 2021-04-10\n"
                  "            status: active\n"));
}

TEST_CASE("mark sets and clears the status of a flow-style activity", "[edit]") {
  const std::string flow =
      "      - {id: 1, title: Divulgar la política, start: 2021-03, end: 2021-05}\n";
  const std::string head(kMinimalPlan.substr(0, kMinimalPlan.find("      - id: 1\n")));
  const std::string blocked =
      head +
      "      - {id: 1, title: Divulgar la política, start: 2021-03, end: 2021-05, status: "
      "blocked, updates: [{date: 2021-04-10, status: blocked}]}\n";
  CHECK(marked(head + flow, status_change(StatusChange::blocked)) == blocked);
  CHECK(
      marked(blocked, status_change(StatusChange::clear)) ==
      head +
          "      - {id: 1, title: Divulgar la política, start: 2021-03, end: 2021-05, "
          "updates: [{date: 2021-04-10, status: blocked}, {date: 2021-04-10, status: active}]}\n");
}

// Activity 1.1 written as `activity` (from its "- id: 1" on) in kMinimalPlan.
std::string with_activity(std::string_view activity) {
  const std::string_view head = kMinimalPlan.substr(0, kMinimalPlan.find("      - id: 1\n"));
  return std::string(head) + std::string(activity);
}

constexpr std::string_view kBlockHead =
    "      - id: 1\n"
    "        title: Divulgar la política\n"
    "        start: 2021-03\n"
    "        end: 2021-05\n";

constexpr std::string_view kFlowHead =
    "      - {id: 1, title: Divulgar la política, start: 2021-03, end: 2021-05";

std::string block(std::string_view keys) {
  return with_activity(std::string(kBlockHead) + std::string(keys));
}
std::string flow(std::string_view tail) {
  return with_activity(std::string(kFlowHead) + std::string(tail));
}

MarkRequest clear_and_progress(int progress) {
  MarkRequest req = progress_on(kApril10, progress);
  req.status = StatusChange::clear;
  return req;
}

// --- flow activities: comments and empty values before the close -------------

TEST_CASE("new keys go before a comment that precedes a flow activity's '}'", "[edit]") {
  // Written after the comment, they would be part of it.
  CHECK(marked(flow(",\n         progress: 10 # por revisar\n        }\n"),
               progress_on(kApril10, 40)) ==
        flow(",\n         progress: 40, updates: [{date: 2021-04-10, progress: 40}] # por revisar\n"
             "        }\n"));
  CHECK(marked(flow(" # fin, }\n        }\n"), status_change(StatusChange::blocked)) ==
        flow(", status: blocked, updates: [{date: 2021-04-10, status: blocked}] # fin, }\n"
             "        }\n"));
  // After a trailing comma, before comment lines; CRLF kept.
  CHECK(marked(crlf(flow(",\n          # una nota\n        }\n")), progress_on(kApril10, 40)) ==
        crlf(flow(", progress: 40, updates: [{date: 2021-04-10, progress: 40}]\n"
                  "          # una nota\n        }\n")));
}

TEST_CASE("a new update goes before a comment that precedes the close of a flow list", "[edit]") {
  const std::string before = flow(
      ", progress: 20, updates: [{date: 2021-03-15, progress: 20} # c\n"
      "        ] # d\n        }\n");
  CHECK(marked(before, progress_on(kApril10, 40)) ==
        flow(", progress: 40, updates: [{date: 2021-03-15, progress: 20}, {date: 2021-04-10, "
             "progress: 40} # c\n        ] # d\n        }\n"));
}

TEST_CASE("a status cleared in a flow activity keeps the comments around it", "[edit]") {
  // The status on a line of its own after a comment: the ',' before it
  // stays as a trailing comma, the new keys follow it.
  CHECK(marked(flow(", # a, b\n         status: blocked}\n"), clear_and_progress(40)) ==
        flow(", progress: 40, updates: [{date: 2021-04-10, progress: 40, status: active}] # a, b\n"
             "         }\n"));
  // A status that is all its line holds takes the line with it.
  CHECK(marked(flow(",\n         status: blocked\n        }\n"),
               status_change(StatusChange::clear)) ==
        flow(", updates: [{date: 2021-04-10, status: active}]\n        }\n"));
  // The first item: the comment after its ',' stays, after a blank.
  const std::string first(
      "      - {status: blocked, # b\n"
      "         id: 1, title: Divulgar la política, start: 2021-03, end: 2021-05}\n");
  CHECK(marked(with_activity(first), status_change(StatusChange::clear)) ==
        with_activity("      - { # b\n"
                      "         id: 1, title: Divulgar la política, start: 2021-03, end: 2021-05, "
                      "updates: [{date: 2021-04-10, status: active}]}\n"));
}

TEST_CASE("new keys after an empty value before '}' leave it empty", "[edit]") {
  // "product:," is not YAML to libyaml; "product: ," is product: null.
  CHECK(marked(flow(", product: }\n"), progress_on(kApril10, 40)) ==
        flow(", product: , progress: 40, updates: [{date: 2021-04-10, progress: 40}] }\n"));
  CHECK(
      marked(flow(",\n         product:\n        }\n"), status_change(StatusChange::blocked)) ==
      flow(
          ",\n         product: , status: blocked, updates: [{date: 2021-04-10, status: blocked}]\n"
          "        }\n"));
  CHECK(
      marked(flow(", product: # c\n        }\n"), status_change(StatusChange::cancelled)) ==
      flow(", product: , status: cancelled, updates: [{date: 2021-04-10, status: cancelled}] # c\n"
           "        }\n"));
}

TEST_CASE("an empty value before '}' takes the value it is given", "[edit]") {
  CHECK(marked(flow(", progress: }\n"), progress_on(kApril10, 40)) ==
        flow(", progress: 40, updates: [{date: 2021-04-10, progress: 40}] }\n"));
  CHECK(marked(flow(", status: }\n"), status_change(StatusChange::blocked)) ==
        flow(", status: blocked, updates: [{date: 2021-04-10, status: blocked}] }\n"));
  // Clearing an empty status removes the key, and the log dates the change.
  CHECK(marked(flow(", status: }\n"), status_change(StatusChange::clear)) ==
        flow(", updates: [{date: 2021-04-10, status: active}] }\n"));
  CHECK(marked(flow(", updates: }\n"), progress_on(kApril10, 40)) ==
        flow(", updates: [{date: 2021-04-10, progress: 40}], progress: 40 }\n"));
}

TEST_CASE("a status cleared where the first update goes leaves the update", "[edit]") {
  // The update's lines go where the status line starts; the status line
  // goes: both edits start at one offset.
  for (std::string_view updates :
       {"        updates:\n", "        updates: ~\n", "        updates: # c\n"}) {
    CAPTURE(updates);
    const std::string before = block(std::string(updates) + "        status: blocked\n");
    const std::string kept(updates == "        updates: ~\n" ? "        updates: \n" : updates);
    CHECK(marked(before, clear_and_progress(30)) == block("        progress: 30\n" + kept +
                                                          "          - date: 2021-04-10\n"
                                                          "            progress: 30\n"
                                                          "            status: active\n"));
    CHECK(marked(crlf(before), clear_and_progress(30)) ==
          crlf(block("        progress: 30\n" + kept +
                     "          - date: 2021-04-10\n"
                     "            progress: 30\n"
                     "            status: active\n")));
  }
}

TEST_CASE("a flow status cleared where the updates' value goes leaves the value", "[edit]") {
  // ": [...]" goes right after "updates", where ", status: blocked" starts.
  const std::string want =
      flow(", updates: [{date: 2021-04-10, progress: 30, status: active}], progress: 30}\n");
  CHECK(marked(flow(", updates, status: blocked}\n"), clear_and_progress(30)) == want);
  // On a line of its own, the status leaves the ',' before it, which the
  // new keys follow.
  CHECK(marked(flow(", updates,\n        status: blocked}\n"), clear_and_progress(30)) ==
        flow(", updates: [{date: 2021-04-10, progress: 30, status: active}], progress: 30\n"
             "        }\n"));
  CHECK(marked(flow(", progress, status: blocked}\n"), clear_and_progress(30)) ==
        flow(", progress: 30, updates: [{date: 2021-04-10, progress: 30, status: active}]}\n"));
}

// --- status written as a block scalar ------------------------------------------

TEST_CASE("a status written as a block scalar is replaced with its lines", "[edit]") {
  // Only the header was replaced before: its lines stayed and were read
  // on as part of the new value.
  CHECK(marked(block("        status: |\n          blocked\n        progress: 0\n"),
               status_change(StatusChange::cancelled)) ==
        block("        status: cancelled\n        progress: 0\n"
              "        updates:\n"
              "          - date: 2021-04-10\n"
              "            status: cancelled\n"));
  // A comment after the header stays; blank and comment lines after the
  // scalar's last line are not its own.
  CHECK(marked(block("        status: >2- # por presupuesto\n"
                     "          blocked\n"
                     "\n"
                     "        # después\n"),
               status_change(StatusChange::cancelled)) ==
        block("        status: cancelled # por presupuesto\n"
              "\n"
              "        # después\n"
              "        updates:\n"
              "          - date: 2021-04-10\n"
              "            status: cancelled\n"));
  CHECK(marked(crlf(block("        status: |+\n          blocked\n\n        progress: 0\n")),
               status_change(StatusChange::cancelled)) ==
        crlf(block("        status: cancelled\n\n        progress: 0\n"
                   "        updates:\n"
                   "          - date: 2021-04-10\n"
                   "            status: cancelled\n")));
}

TEST_CASE("a status written as a block scalar is cleared with its lines", "[edit]") {
  CHECK(marked(block("        status: >-\n          blocked\n        progress: 0\n"),
               status_change(StatusChange::clear)) == block("        progress: 0\n"
                                                            "        updates:\n"
                                                            "          - date: 2021-04-10\n"
                                                            "            status: active\n"));
  CHECK(marked(crlf(block("        status: | # c\n            cancelled\n")),
               clear_and_progress(30)) == crlf(block("        progress: 30\n"
                                                     "        updates:\n"
                                                     "          - date: 2021-04-10\n"
                                                     "            progress: 30\n"
                                                     "            status: active\n")));
  // At the end of a text with no last line end, no blank line is left.
  CHECK(marked(block("        status: >-\n          blocked"), clear_and_progress(30)) ==
        block("        progress: 30\n"
              "        updates:\n"
              "          - date: 2021-04-10\n"
              "            progress: 30\n"
              "            status: active\n"));
}

TEST_CASE("a status already as asked is left as written", "[edit]") {
  const std::string before = block("        status: |\n          blocked\n        progress: 10\n");
  MarkRequest req = progress_on(kApril10, 30);
  req.status = StatusChange::blocked;
  CHECK(marked(before, req) == block("        status: |\n          blocked\n        progress: 30\n"
                                     "        updates:\n"
                                     "          - date: 2021-04-10\n"
                                     "            progress: 30\n"
                                     "            status: blocked\n"));
  // The key stays as written; the dated entry is still added.
  CHECK(marked(block("        status: \"cancelled\"\n"), status_change(StatusChange::cancelled)) ==
        block("        status: \"cancelled\"\n"
              "        updates:\n"
              "          - date: 2021-04-10\n"
              "            status: cancelled\n"));
}

// --- updates in date order -----------------------------------------------------

constexpr std::string_view kBlockUpdates =
    "        progress: 50\n"
    "        updates:\n"
    "          - date: 2021-03-15\n"
    "            progress: 20\n"
    "          - date: 2021-05-01\n"
    "            progress: 50\n";

TEST_CASE("a back-dated update goes between the block updates around its date", "[edit]") {
  const MarkResult r = mark(plan_with(kBlockUpdates), progress_on(kApril10, 30));
  REQUIRE(r.ok);
  // The latest update still sets the progress.
  CHECK(r.new_progress == 50);
  CHECK(r.text == plan_with("        progress: 50\n"
                            "        updates:\n"
                            "          - date: 2021-03-15\n"
                            "            progress: 20\n"
                            "          - date: 2021-04-10\n"
                            "            progress: 30\n"
                            "          - date: 2021-05-01\n"
                            "            progress: 50\n"));
}

TEST_CASE("an update dated before all others goes first", "[edit]") {
  CHECK(marked(plan_with(kBlockUpdates), progress_on(Date{2021, 3, 1}, 10)) ==
        plan_with("        progress: 50\n"
                  "        updates:\n"
                  "          - date: 2021-03-01\n"
                  "            progress: 10\n"
                  "          - date: 2021-03-15\n"
                  "            progress: 20\n"
                  "          - date: 2021-05-01\n"
                  "            progress: 50\n"));
}

constexpr std::string_view kFlowUpdates =
    "        progress: 50\n"
    "        updates: [{date: 2021-03-15, progress: 20}, {date: 2021-05-01, progress: 50}]\n";

TEST_CASE("a back-dated update goes between the flow updates around its date", "[edit]") {
  CHECK(marked(plan_with(kFlowUpdates), progress_on(kApril10, 30)) ==
        plan_with("        progress: 50\n"
                  "        updates: [{date: 2021-03-15, progress: 20}, {date: 2021-04-10, "
                  "progress: 30}, {date: 2021-05-01, progress: 50}]\n"));
}

TEST_CASE("the latest update goes at the end of a flow list", "[edit]") {
  MarkRequest req = progress_on(Date{2021, 5, 20}, 60);
  req.note = "¿listo?";
  CHECK(marked(plan_with(kFlowUpdates), req) ==
        plan_with("        progress: 60\n"
                  "        updates: [{date: 2021-03-15, progress: 20}, {date: 2021-05-01, "
                  "progress: 50}, {date: 2021-05-20, progress: 60, note: \"¿listo?\"}]\n"));
}

// --- block updates whose '-' stands alone on its line -------------------------

TEST_CASE("a new update goes before a neighbour's lone '-', laid out like it", "[edit]") {
  // Inserted at the neighbour's first key, the entry would split it from
  // its '-'; its keys are not always two columns past the '-'.
  const std::string before = block(
      "        progress: 50\n"
      "        updates:\n"
      "          - date: 2021-03-15\n"
      "            progress: 20\n"
      "          - # la segunda\n"
      "              date: 2021-05-01\n"
      "              progress: 50\n");
  CHECK(marked(before, progress_on(kApril10, 30)) == block("        progress: 50\n"
                                                           "        updates:\n"
                                                           "          - date: 2021-03-15\n"
                                                           "            progress: 20\n"
                                                           "          -\n"
                                                           "              date: 2021-04-10\n"
                                                           "              progress: 30\n"
                                                           "          - # la segunda\n"
                                                           "              date: 2021-05-01\n"
                                                           "              progress: 50\n"));
  CHECK(marked(crlf(before), progress_on(Date{2021, 5, 20}, 60)) ==
        crlf(block("        progress: 60\n"
                   "        updates:\n"
                   "          - date: 2021-03-15\n"
                   "            progress: 20\n"
                   "          - # la segunda\n"
                   "              date: 2021-05-01\n"
                   "              progress: 50\n"
                   "          -\n"
                   "              date: 2021-05-20\n"
                   "              progress: 60\n")));
}

TEST_CASE("a lone '-' in an indentless list, with a flow entry under it", "[edit]") {
  const std::string before = block(
      "        progress: 50\n"
      "        updates:\n"
      "        -\n"
      "\n"
      "          {date: 2021-05-01, progress: 50}\n");
  CHECK(marked(before, progress_on(kApril10, 30)) ==
        block("        progress: 50\n"
              "        updates:\n"
              "        -\n"
              "          {date: 2021-04-10, progress: 30}\n"
              "        -\n"
              "\n"
              "          {date: 2021-05-01, progress: 50}\n"));
}

// --- line ends and BOM ---------------------------------------------------------

TEST_CASE("mark keeps CRLF line ends and writes its own lines with them", "[edit]") {
  CHECK(marked(crlf(kMinimalPlan), progress_on(kApril10, 30)) ==
        crlf(plan_with("        progress: 30\n"
                       "        updates:\n"
                       "          - date: 2021-04-10\n"
                       "            progress: 30\n")));
}

TEST_CASE("mark keeps a byte order mark", "[edit]") {
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(marked(bom + plan_with("        progress: 20\n"), progress_on(kApril10, 40)) ==
        bom + plan_with("        progress: 40\n"
                        "        updates:\n"
                        "          - date: 2021-04-10\n"
                        "            progress: 40\n"));
}

// --- refusals ------------------------------------------------------------------

TEST_CASE("mark refuses a request that asks for nothing", "[edit]") {
  const MarkResult r = mark(kMinimalPlan, on(kApril10));
  CHECK_FALSE(r.ok);
  CHECK(r.error == Msg::mark_nothing);
  CHECK(r.text.empty());
}

TEST_CASE("mark refuses text no plan may hold, before editing", "[edit]") {
  for (const auto& [field, text, code] :
       {std::tuple<std::string, std::string, std::string>{"note", "clear\x1b[2J", "001B"},
        {"evidence", "https://x.org/\xE2\x80\xAE", "202E"},
        {"by", "S\xC2\x9BG", "009B"}}) {
    CAPTURE(field);
    MarkRequest req = progress_on(kApril10, 10);
    (field == "note" ? req.note : field == "by" ? req.by : req.evidence) = text;
    const MarkResult r = mark(kMinimalPlan, req);
    CHECK_FALSE(r.ok);
    CHECK(r.error == Msg::mark_bad_char);
    CHECK(r.error_args == std::vector<std::string>{field, code});
    CHECK(r.text.empty());
  }
}

TEST_CASE("mark refuses progress outside 0..100", "[edit]") {
  const MarkResult over = mark(kMinimalPlan, progress_on(kApril10, 101));
  CHECK_FALSE(over.ok);
  CHECK(over.error == Msg::mark_progress_range);
  CHECK(over.error_args == std::vector<std::string>{"101"});
  MarkRequest req = on(kApril10);
  req.delta = -30;
  const MarkResult under = mark(plan_with("        progress: 20\n"), req);
  CHECK_FALSE(under.ok);
  CHECK(under.error == Msg::mark_progress_range);
  CHECK(under.error_args == std::vector<std::string>{"-10"});
}

TEST_CASE("mark refuses a date outside the plan's period", "[edit]") {
  const MarkResult r = mark(kMinimalPlan, progress_on(Date{2022, 1, 5}, 10));
  CHECK_FALSE(r.ok);
  CHECK(r.error == Msg::mark_date_outside);
  CHECK(r.error_args == std::vector<std::string>{"2022-01-05", "2021-01-01", "2021-12-31"});
}

TEST_CASE("mark refuses an unknown --by and names the nearest owner", "[edit]") {
  MarkRequest req = progress_on(kApril10, 10);
  req.by = "EPX";
  const MarkResult near = mark(kMinimalPlan, req);
  CHECK_FALSE(near.ok);
  CHECK(near.error == Msg::mark_unknown_by);
  CHECK(near.error_args == std::vector<std::string>{"EPX"});
  CHECK(near.hint == Msg::hint_did_you_mean_owner);
  CHECK(near.hint_args == std::vector<std::string>{"EPC", "Equipo Participación Ciudadana"});

  req.by = "Contraloría";
  const MarkResult far = mark(kMinimalPlan, req);
  CHECK(far.error == Msg::mark_unknown_by);
  CHECK(far.hint == Msg::hint_valid_values);
  CHECK(far.hint_args == std::vector<std::string>{"SG, EPC"});
}

TEST_CASE("mark refuses to remove a status that shares its line with the dash", "[edit]") {
  std::string text(kMinimalPlan);
  const std::string from = "      - id: 1\n";
  text.replace(text.find(from), from.size(), "      - status: blocked\n        id: 1\n");
  const MarkResult r = mark(text, status_change(StatusChange::clear));
  CHECK_FALSE(r.ok);
  CHECK(r.error == Msg::mark_cannot_remove_status);
}

TEST_CASE("mark refuses a date after today unless forced", "[edit]") {
  MarkRequest req = progress_on(Date{2021, 9, 1}, 30);
  req.today = Date{2021, 8, 31};
  const MarkResult refused = mark(kMinimalPlan, req);
  CHECK_FALSE(refused.ok);
  CHECK(refused.error == Msg::mark_future_date);
  CHECK(refused.error_args == std::vector<std::string>{"2021-09-01", "2021-08-31"});
  CHECK(refused.hint == Msg::hint_mark_force);
  CHECK(refused.text.empty());

  // Today itself is not in the future.
  req.today = Date{2021, 9, 1};
  CHECK(mark(kMinimalPlan, req).ok);

  // Forced, it is written; dated after the as-of date (June 30), it warns.
  req.today = Date{2021, 8, 31};
  req.force = true;
  const MarkResult forced = mark(kMinimalPlan, req);
  REQUIRE(forced.ok);
  CHECK(reloaded(forced.text).progress.value == 30);
  REQUIRE(forced.warnings.size() == 1);
  CHECK(forced.warnings[0].code() == "future-update");
}

// --- yaml_scalar ---------------------------------------------------------------

TEST_CASE("yaml_scalar leaves plain text plain", "[edit]") {
  for (bool flow : {false, true}) {
    CHECK(yaml_scalar("Informe final", flow) == "Informe final");
    CHECK(yaml_scalar("Reunión con la Secretaría", flow) == "Reunión con la Secretaría");
    CHECK(yaml_scalar("3 talleres", flow) == "3 talleres");
    CHECK(yaml_scalar("a:b", flow) == "a:b");
  }
}

TEST_CASE("yaml_scalar quotes what YAML would read otherwise", "[edit]") {
  for (bool flow : {false, true}) {
    CAPTURE(flow);
    CHECK(yaml_scalar("", flow) == "\"\"");
    CHECK(yaml_scalar(" leading", flow) == "\" leading\"");
    CHECK(yaml_scalar("trailing ", flow) == "\"trailing \"");
    CHECK(yaml_scalar("- item", flow) == "\"- item\"");
    CHECK(yaml_scalar("? key", flow) == "\"? key\"");
    CHECK(yaml_scalar("[draft]", flow) == "\"[draft]\"");
    CHECK(yaml_scalar("# not a comment", flow) == "\"# not a comment\"");
    CHECK(yaml_scalar("key: value", flow) == "\"key: value\"");
    CHECK(yaml_scalar("text #tag", flow) == "\"text #tag\"");
    CHECK(yaml_scalar("ends with:", flow) == "\"ends with:\"");
  }
}

TEST_CASE("yaml_scalar quotes flow punctuation only in flow", "[edit]") {
  for (std::string_view v : {"a, b", "why?", "x[1]", "x{1}"}) {
    CAPTURE(v);
    CHECK(yaml_scalar(v, false) == v);
    CHECK(yaml_scalar(v, true) == "\"" + std::string(v) + "\"");
  }
}

TEST_CASE("yaml_scalar quotes words that read as other types", "[edit]") {
  for (std::string_view v :
       {"yes", "No", "TRUE", "off", "y", "null", "~", "1.5", "40", "-3", "2021-04-10", "1_000",
        "0x1F", "1:30",
        // YAML 1.1 readers (PyYAML, libyaml's loaders) read these too:
        ".inf", "-.Inf", ".NaN", "<<", "=", "2021-03-04 10:00:00", "2021-03-04T10:00:00Z"}) {
    CAPTURE(v);
    CHECK(yaml_scalar(v, false) == "\"" + std::string(v) + "\"");
    CHECK(yaml_scalar(v, true) == "\"" + std::string(v) + "\"");
  }
}

TEST_CASE("yaml_scalar escapes YAML's Unicode line breaks", "[edit]") {
  CHECK(yaml_scalar("line\xE2\x80\xA8sep", false) == R"("line\Lsep")");
  CHECK(yaml_scalar("para\xE2\x80\xA9sep", true) == R"("para\Psep")");
  CHECK(yaml_scalar("nel\xC2\x85", false) == R"("nel\N")");
  // Text that only looks like a number or a date stays plain.
  CHECK(yaml_scalar("2021 was a good year", false) == "2021 was a good year");
}

TEST_CASE("yaml_scalar escapes quotes, backslashes and control characters", "[edit]") {
  CHECK(yaml_scalar("\"quoted\"", false) == R"("\"quoted\"")");
  CHECK(yaml_scalar("one\ntwo", false) == R"("one\ntwo")");
  CHECK(yaml_scalar("tab\there", false) == R"("tab\there")");
  CHECK(yaml_scalar("cr\rlf", false) == R"("cr\rlf")");
  CHECK(yaml_scalar("back\\slash\x01", false) == R"("back\\slash\x01")");
}

TEST_CASE("notes written by mark read back as the same text", "[edit]") {
  for (std::string_view note : {"yes", "null", "1.5", "a: b", "x, y", "why?", "[draft]",
                                "say \"hi\"", "one\ntwo", "tab\tin", " padded "}) {
    CAPTURE(note);
    for (std::string_view updates : {kBlockUpdates, kFlowUpdates}) {
      MarkRequest req = progress_on(Date{2021, 5, 20}, 60);
      req.note = std::string(note);
      const Activity a = reloaded(marked(plan_with(updates), req));
      REQUIRE(a.updates.size() == 3);
      CHECK(a.updates.back().note.value == note);
    }
  }
}

}  // namespace
}  // namespace plan
