// mark_test.cpp: `plan mark` end to end, on scratch copies of plan files:
// the change is exactly the bytes it must be, refusals leave the file
// byte-identical, and concurrent or interrupted writes lose nothing.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <sstream>
#include <thread>

#include "edit_support.h"
#include "runner.h"
#include "temp_dir.h"

namespace {

using plan::e2e::count;
using plan::e2e::line_changes;
using plan::e2e::lines_of;
using plan::e2e::Outcome;
using plan::e2e::plan_cmd;
using plan::e2e::read_text;
using plan::e2e::source;
using plan::test::TempDir;

const char* const kPlan2021 = "plans/participacion-2021.yaml";

}  // namespace

TEST_CASE("mark changes only the progress line and adds the update", "[mark]") {
  TempDir s;
  const std::string file = s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(file);
  const Outcome o = plan_cmd({"mark", "2.3", "40", "--note", "Se socializó: intranet y correo",
                              "--by", "EPC", "--as-of", "2021-06-30", "p.yaml"},
                             s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK(o.out.find("2.3") != std::string::npos);
  CHECK(o.out.find("0% → 40%") != std::string::npos);
  const std::string after = read_text(file);
  const auto [added, removed] = line_changes(before, after);
  CHECK(removed == std::vector<std::string>{"        progress: 0"});
  std::vector<std::string> expected_added = {
      "            by: EPC",      "            note: \"Se socializó: intranet y correo\"",
      "            progress: 40", "          - date: 2021-06-30",
      "        progress: 40",     "        updates:"};
  CHECK(added == expected_added);
  // Every comment survives, in order.
  std::vector<std::string> comments_before;
  std::vector<std::string> comments_after;
  for (const auto& l : lines_of(before)) {
    if (l.find('#') != std::string::npos)
      comments_before.push_back(l);
  }
  for (const auto& l : lines_of(after)) {
    if (l.find('#') != std::string::npos)
      comments_after.push_back(l);
  }
  CHECK(comments_before == comments_after);
  CHECK(plan_cmd({"validate", "--as-of", "2021-12-31", "p.yaml"}, s.path()).status == 0);
  // show prints the history the mark wrote.
  const Outcome shown = plan_cmd({"show", "2.3", "--as-of", "2021-06-30", "p.yaml"}, s.path());
  CHECK(shown.out.find("30 de junio de 2021: 40% — Se socializó: intranet y correo (por EPC)") !=
        std::string::npos);
}

TEST_CASE("marks accumulate, back-fill in date order, and set status", "[mark]") {
  TempDir s;
  const std::string file = s.write("p.yaml", read_text(source(kPlan2021)));
  REQUIRE(plan_cmd({"mark", "2.3", "40", "--as-of", "2021-06-30", "p.yaml"}, s.path()).status == 0);
  REQUIRE(plan_cmd({"mark", "2.3", "+10", "--as-of", "2021-07-15", "p.yaml"}, s.path()).status ==
          0);
  // A missed report filed late goes in date order; progress stays 50.
  const Outcome back = plan_cmd(
      {"mark", "2.3", "25", "--date", "2021-06-15", "--as-of", "2021-07-20", "p.yaml"}, s.path());
  REQUIRE(back.status == 0);
  const std::string text = read_text(file);
  const size_t d15 = text.find("- date: 2021-06-15");
  const size_t d30 = text.find("- date: 2021-06-30");
  const size_t d715 = text.find("- date: 2021-07-15");
  CHECK(d15 < d30);
  CHECK(d30 < d715);
  CHECK(text.find("        progress: 50\n        updates:") != std::string::npos);
  REQUIRE(plan_cmd({"mark", "3.1", "--status", "blocked", "--note", "Sin presupuesto", "--as-of",
                    "2021-06-30", "p.yaml"},
                   s.path())
              .status == 0);
  CHECK(read_text(file).find("        status: blocked\n") != std::string::npos);
  REQUIRE(plan_cmd({"mark", "3.1", "--status", "none", "--as-of", "2021-07-01", "p.yaml"}, s.path())
              .status == 0);
  // The key goes; the log keeps the block and dates its end.
  const std::string cleared = read_text(file);
  CHECK(cleared.find("\n        status: blocked\n") == std::string::npos);
  CHECK(cleared.find("status: blocked") != std::string::npos);
  CHECK(cleared.find("status: active") != std::string::npos);
  REQUIRE(plan_cmd({"mark", "1.1", "done", "--as-of", "2021-05-31", "p.yaml"}, s.path()).status ==
          0);
  CHECK(plan_cmd({"validate", "--as-of", "2021-12-31", "p.yaml"}, s.path()).status == 0);
}

TEST_CASE("every refusal leaves the file byte-identical", "[mark]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(s.file("p.yaml"));
  struct Refusal {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Refusal> refusals = {
      {{"mark", "2.3", "150", "p.yaml"}, "[progress-range]"},
      {{"mark", "2.3", "-5", "p.yaml"}, "[progress-range]"},
      {{"mark", "2.3", "abc", "p.yaml"}, "[bad-progress]"},
      {{"mark", "2.9", "40", "p.yaml"}, "¿quiso decir '2.1'?"},
      {{"mark", "2", "40", "p.yaml"}, "[bad-address]"},
      {{"mark", "2.3", "40", "--by", "EPX", "p.yaml"}, "¿quiso decir 'EPC'"},
      {{"mark", "2.3", "40", "--date", "2022-01-10", "p.yaml"}, "[outside-period]"},
      {{"mark", "2.3", "p.yaml"}, "[nothing-to-mark]"},
  };
  for (const Refusal& r : refusals) {
    std::vector<std::string> args = r.args;
    args.push_back("--as-of");
    args.push_back("2021-06-30");
    const Outcome o = plan_cmd(args, s.path());
    INFO(args[1] << " " << args[2] << ": " << o.err);
    CHECK(o.status == 1);
    CHECK(o.err.find(r.says) != std::string::npos);
    CHECK(read_text(s.file("p.yaml")) == before);
  }
  // Usage errors are 2 and touch nothing either.
  CHECK(plan_cmd({"mark", "2.3", "40", "--status", "paused", "p.yaml"}, s.path()).status == 2);
  CHECK(read_text(s.file("p.yaml")) == before);
}

TEST_CASE("a plan that is already invalid is not marked", "[mark]") {
  TempDir s;
  std::string text = read_text(source(kPlan2021));
  text.replace(text.find("support: [EPC]"), 14, "support: [EPX]");
  s.write("p.yaml", text);
  const Outcome o = plan_cmd({"mark", "2.3", "40", "--as-of", "2021-06-30", "p.yaml"}, s.path());
  CHECK(o.status == 1);
  CHECK(o.err.find("[unknown-owner]") != std::string::npos);
  CHECK(o.err.find("[invalid-plan]") != std::string::npos);
  CHECK(read_text(s.file("p.yaml")) == text);
}

TEST_CASE("read-only files and directories are refused", "[mark]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(s.file("p.yaml"));
  ::chmod(s.file("p.yaml").c_str(), 0444);
  Outcome o = plan_cmd({"mark", "2.3", "40", "--as-of", "2021-06-30", "p.yaml"}, s.path());
  CHECK(o.status == 1);
  CHECK(o.err.find("[read-only]") != std::string::npos);
  CHECK(read_text(s.file("p.yaml")) == before);
  ::chmod(s.file("p.yaml").c_str(), 0644);
  ::chmod(s.path().c_str(), 0555);
  o = plan_cmd({"mark", "2.3", "40", "--as-of", "2021-06-30", "p.yaml"}, s.path());
  CHECK(o.status == 1);
  CHECK(o.err.find("[read-only]") != std::string::npos);
  ::chmod(s.path().c_str(), 0755);
  CHECK(read_text(s.file("p.yaml")) == before);
}

TEST_CASE("CRLF and BOM files stay CRLF and BOM", "[mark]") {
  TempDir s;
  std::string text = read_text(source(kPlan2021));
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  s.write("p.yaml", crlf);
  const Outcome o =
      plan_cmd({"mark", "1.2", "30", "--note", "Primera sesión", "--as-of", "2021-03-31", "p.yaml"},
               s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  const std::string after = read_text(s.file("p.yaml"));
  CHECK(after.compare(0, 3, "\xEF\xBB\xBF") == 0);
  CHECK(count(after, "\n") == count(after, "\r\n"));
  CHECK(count(after, "\n") == count(crlf, "\n") + 4);
  CHECK(after.find("progress: 30\r\n") != std::string::npos);
}

TEST_CASE("flow-style updates get a flow entry, block activities a block one", "[mark]") {
  TempDir s;
  s.write("m.yaml", read_text(source("tests/e2e/plans/marked.yaml")));
  const std::string before = read_text(s.file("m.yaml"));
  REQUIRE(plan_cmd({"mark", "1.2", "45", "--note", "Segunda sesión, 20 asistentes", "--as-of",
                    "2021-05-20", "m.yaml"},
                   s.path())
              .status == 0);
  auto [added, removed] = line_changes(before, read_text(s.file("m.yaml")));
  CHECK(removed == std::vector<std::string>{"        progress: 30"});
  CHECK(added ==
        std::vector<std::string>{
            "          - {date: 2021-05-20, progress: 45, note: \"Segunda sesión, 20 asistentes\"}",
            "        progress: 45"});
  // An activity with neither progress nor updates gets both, at its end.
  const std::string mid = read_text(s.file("m.yaml"));
  REQUIRE(plan_cmd({"mark", "2.4", "5", "--as-of", "2021-10-02", "m.yaml"}, s.path()).status == 0);
  std::tie(added, removed) = line_changes(mid, read_text(s.file("m.yaml")));
  CHECK(removed.empty());
  // (sorted: the changed lines as a multiset)
  CHECK(added == std::vector<std::string>{"            progress: 5", "          - date: 2021-10-02",
                                          "        progress: 5", "        updates:"});
  const std::string end = read_text(s.file("m.yaml"));
  CHECK(end.substr(end.size() - 80).find("status") == std::string::npos);
  const std::string tail = "\n          - date: 2021-10-02\n            progress: 5\n";
  CHECK(end.compare(end.size() - tail.size(), tail.size(), tail) == 0);
}

TEST_CASE("a flow-style activity is edited inside its braces", "[mark]") {
  TempDir s;
  const std::string text =
      "version: 1\n"
      "plan: {id: f, title: T, period: {start: 2021-01, end: 2021-12}}\n"
      "owners: {SG: {name: S}}\n"
      "lines:\n"
      "  - id: 1\n"
      "    title: L\n"
      "    lead: [SG]\n"
      "    activities:\n"
      "      - {id: 1, title: A, start: 2021-01, end: 2021-03}  # kept\n";
  s.write("f.yaml", text);
  REQUIRE(plan_cmd({"mark", "1.1", "30", "--as-of", "2021-02-01", "f.yaml"}, s.path()).status == 0);
  CHECK(read_text(s.file("f.yaml")) ==
        "version: 1\n"
        "plan: {id: f, title: T, period: {start: 2021-01, end: 2021-12}}\n"
        "owners: {SG: {name: S}}\n"
        "lines:\n"
        "  - id: 1\n"
        "    title: L\n"
        "    lead: [SG]\n"
        "    activities:\n"
        "      - {id: 1, title: A, start: 2021-01, end: 2021-03, progress: 30, updates: [{date: "
        "2021-02-01, progress: 30}]}  # kept\n");
}

TEST_CASE("through a symlink the target changes and the link stays; mode is kept", "[mark]") {
  TempDir s;
  s.write("real.yaml", read_text(source(kPlan2021)));
  ::chmod(s.file("real.yaml").c_str(), 0640);
  REQUIRE(::symlink("real.yaml", s.file("link.yaml").c_str()) == 0);
  REQUIRE(plan_cmd({"mark", "2.3", "40", "--as-of", "2021-06-30", "link.yaml"}, s.path()).status ==
          0);
  struct stat st {};
  REQUIRE(::lstat(s.file("link.yaml").c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  REQUIRE(::stat(s.file("real.yaml").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(read_text(s.file("real.yaml")).find("progress: 40") != std::string::npos);
  // No temporary file is left behind.
  const Outcome ls = plan::e2e::run("/bin/ls", {"-A", s.path()}, {}, "/");
  CHECK(ls.out == "link.yaml\nreal.yaml\n");
}

TEST_CASE("20 concurrent marks on one file are all recorded", "[mark]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  std::vector<std::thread> threads;
  std::vector<int> statuses(20, -1);
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&, i] {
      statuses[i] = plan_cmd({"mark", "5.1", "+1", "--note", "marca " + std::to_string(i),
                              "--as-of", "2021-08-01", "p.yaml"},
                             s.path())
                        .status;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 0) == 20);
  const std::string text = read_text(s.file("p.yaml"));
  CHECK(count(text, "- date: 2021-08-01") == 20);
  for (int i = 0; i < 20; ++i)
    CHECK(text.find("note: marca " + std::to_string(i) + "\n") != std::string::npos);
  CHECK(text.find("        progress: 20\n") != std::string::npos);
  CHECK(plan_cmd({"validate", "--as-of", "2021-12-31", "p.yaml"}, s.path()).status == 0);
}

TEST_CASE("a crash between writing and renaming leaves the original intact", "[mark]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(s.file("p.yaml"));
  const Outcome o = plan_cmd({"mark", "2.3", "40", "--as-of", "2021-06-30", "p.yaml"}, s.path(),
                             {{"PLAN_TEST_CRASH_BEFORE_RENAME", "1"}});
  CHECK(o.status == 128 + 9);  // killed, as a power cut would
  CHECK(read_text(s.file("p.yaml")) == before);
}

TEST_CASE("a dry run prints the diff and writes nothing", "[mark]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(s.file("p.yaml"));
  const Outcome o =
      plan_cmd({"mark", "2.3", "40", "--dry-run", "--as-of", "2021-06-30", "p.yaml"}, s.path());
  CHECK(o.status == 0);
  CHECK(o.out.find("--- a/p.yaml\n+++ b/p.yaml\n@@ ") == 0);
  CHECK(o.out.find("\n-        progress: 0\n+        progress: 40\n") != std::string::npos);
  CHECK(o.out.find("\n+          - date: 2021-06-30\n") != std::string::npos);
  CHECK(read_text(s.file("p.yaml")) == before);
}

// Regressions found by fuzz/fuzz_mark (reproducers in fuzz/regressions/mark).
namespace {

// A plan down to its first line's `activities:`.
const std::string kLinesHead =
    "version: 1\n"
    "plan: {id: r, title: T, period: {start: 2021-01, end: 2021-12}}\n"
    "owners: {SG: {name: S}}\n"
    "lines:\n"
    "  - id: 1\n"
    "    title: L\n"
    "    lead: [SG]\n"
    "    activities:\n";
// With activity 1.1 in block style, its keys at 8 spaces.
const std::string kHead = kLinesHead +
                          "      - id: 1\n"
                          "        title: A\n"
                          "        start: 2021-03\n"
                          "        end: 2021-05\n";
// The log `plan mark 1.1 20` writes on 2021-03-20 into a block activity.
const std::string kLog20 =
    "        updates:\n"
    "          - date: 2021-03-20\n"
    "            progress: 20\n";

// The same plan with activity 1.1 in flow style; a second activity 1.2
// follows it, so that an edit that strays shows.
std::string flow_plan(const std::string& activity_tail) {
  return kLinesHead + "      - {id: 1, title: A, start: 2021-03, end: 2021-05" + activity_tail +
         "}\n" + "      - {id: 2, title: B, start: 2021-03, end: 2021-05}\n";
}

// Marks 1.1 in a file holding `text`; returns the new text.
std::string mark_text(const std::string& text, const std::vector<std::string>& extra) {
  TempDir s;
  s.write("r.yaml", text);
  std::vector<std::string> args = {"mark", "1.1"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), {"--as-of", "2021-03-20", "r.yaml"});
  const Outcome o = plan_cmd(args, s.path());
  INFO(o.err);
  CHECK(o.status == 0);
  CHECK(plan_cmd({"validate", "--as-of", "2021-12-31", "r.yaml"}, s.path()).status == 0);
  return read_text(s.file("r.yaml"));
}

// Marks 1.1 in a file holding kHead + tail; returns the new text.
std::string mark_tail(const std::string& tail, const std::vector<std::string>& extra) {
  return mark_text(kHead + tail, extra);
}

}  // namespace

TEST_CASE("progress: or status: written with no value get their value after the colon", "[mark]") {
  CHECK(mark_tail("        progress:\n", {"20"}) == kHead + "        progress: 20\n" + kLog20);
  const std::string after = mark_tail(
      "        status:\n        progress: 10\n"
      "        updates: [{date: 2021-03-10, progress: 10}]\n",
      {"--status", "blocked"});
  CHECK(after.find("        status: blocked\n") != std::string::npos);
}

TEST_CASE("a quote inside a plain value in flow style is plain text", "[mark]") {
  const std::string after = mark_tail(
      "        progress: 10\n"
      "        updates: [{date: 2021-03-10, progress: 10, note: 5\" disk}]\n",
      {"20"});
  CHECK(after.find("updates: [{date: 2021-03-10, progress: 10, note: 5\" disk}, "
                   "{date: 2021-03-20, progress: 20}]\n") != std::string::npos);
}

TEST_CASE("a new update goes after a quoted note's continuation lines", "[mark]") {
  const std::string after = mark_tail(
      "        progress: 10\n"
      "        updates:\n"
      "          - date: 2021-03-10\n"
      "            progress: 10\n"
      "            note: \"Primera parte,\n"
      "        segunda parte\"\n",
      {"20"});
  CHECK(after.find("        segunda parte\"\n          - date: 2021-03-20\n") != std::string::npos);
}

TEST_CASE("a comment after an empty updates: key is kept", "[mark]") {
  const std::string after =
      mark_tail("        updates:  # none yet\n", {"20", "--note", "x \"y\": z"});
  CHECK(after.find("        updates:  # none yet\n          - date: 2021-03-20\n") !=
        std::string::npos);
  CHECK(after.find("            note: \"x \\\"y\\\": z\"\n") != std::string::npos);
}

// The dated entries a status change writes (issue 14).
const std::string kLogBlocked =
    "        updates:\n          - date: 2021-03-20\n            status: blocked\n";
const std::string kLogActive =
    "        updates:\n          - date: 2021-03-20\n            status: active\n";

TEST_CASE("an explicit null value (~, null) is replaced, not appended to", "[mark]") {
  CHECK(mark_tail("        progress: ~\n", {"20"}) == kHead + "        progress: 20\n" + kLog20);
  CHECK(mark_tail("        status: null\n", {"--status", "blocked"}) ==
        kHead + "        status: blocked\n" + kLogBlocked);
}

TEST_CASE("a key with no ':' on the last line is an error, not a null", "[mark]") {
  // yaml-cpp alone reads it as `progress:` (jbeder/yaml-cpp#819); mark
  // used to write after it and refuse its own result.
  TempDir s;
  const std::string text = kHead + "        progress\n";
  s.write("r.yaml", text);
  const Outcome v = plan_cmd({"validate", "r.yaml"}, s.path());
  CHECK(v.status == 1);
  CHECK(v.out.find("r.yaml:13:9: error: not valid YAML: the key 'progress' has no ':' after it "
                   "[yaml-syntax]") != std::string::npos);
  const Outcome m = plan_cmd({"mark", "1.1", "20", "--as-of", "2021-03-20", "r.yaml"}, s.path());
  CHECK(m.status == 1);
  CHECK(m.err.find("r.yaml:13:9: error: not valid YAML") != std::string::npos);
  CHECK(read_text(s.file("r.yaml")) == text);
}

TEST_CASE("a flow key written without a value gets ': value'", "[mark]") {
  CHECK(mark_text(flow_plan(", progress"), {"20"}) ==
        flow_plan(", progress: 20, updates: [{date: 2021-03-20, progress: 20}]"));
  // The status of 1.1 changes, and 1.2's id stays what it was.
  CHECK(mark_text(flow_plan(", status"), {"--status", "blocked"}) ==
        flow_plan(", status: blocked, updates: [{date: 2021-03-20, status: blocked}]"));
  CHECK(mark_text(flow_plan(", status, weight: 2"), {"--status", "none"}) ==
        flow_plan(", weight: 2, updates: [{date: 2021-03-20, status: active}]"));
  CHECK(mark_text(flow_plan(", updates"), {"20"}) ==
        flow_plan(", updates: [{date: 2021-03-20, progress: 20}], progress: 20"));
  CHECK(mark_text(flow_plan(", updates: ~"), {"20"}) ==
        flow_plan(", updates: [{date: 2021-03-20, progress: 20}], progress: 20"));
}

TEST_CASE("a '?' in a flow value is quoted: yaml-cpp ends plain text there", "[mark]") {
  const std::string after = mark_tail(
      "        progress: 10\n"
      "        updates: [{date: 2021-03-10, progress: 10}]\n",
      {"40", "--evidence", "https://example.org/doc?id=3"});
  CHECK(after.find(", {date: 2021-03-20, progress: 40, "
                   "evidence: \"https://example.org/doc?id=3\"}]\n") != std::string::npos);
  // In block style it stays plain.
  const std::string block = mark_tail("", {"40", "--evidence", "https://example.org/doc?id=3"});
  CHECK(block.find("            evidence: https://example.org/doc?id=3\n") != std::string::npos);
}

TEST_CASE("a new update goes after a flow update whose plain note goes on over lines", "[mark]") {
  const std::string after = mark_tail(
      "        progress: 10\n"
      "        updates:\n"
      "          - {date: 2021-03-10, progress: 10, note: Primera parte\n"
      "        y segunda parte}\n",
      {"20"});
  CHECK(after.find("        y segunda parte}\n          - {date: 2021-03-20, progress: 20}\n") !=
        std::string::npos);
}

TEST_CASE("a tab-indented comment after the last update stays before the new one", "[mark]") {
  // yaml-cpp accepts "\t# ..." after a line that ends in a comment, and
  // rejects it after a plain value: the new lines go after it.
  const std::string after = mark_tail(
      "        progress: 10\n"
      "        updates:\n"
      "          - date: 2021-03-10\n"
      "            progress: 10  # hecho\n"
      "\t# comentario con tab\n",
      {"20"});
  CHECK(after.find("            progress: 10  # hecho\n\t# comentario con tab\n"
                   "          - date: 2021-03-20\n            progress: 20\n") !=
        std::string::npos);
}

TEST_CASE("a refused result's diagnostics quote the changed text they point into", "[mark]") {
  // Removing the status line would leave the tab-indented comment after a
  // plain value, which yaml-cpp rejects: mark refuses, and the excerpt is
  // line 13 of the text it would have written, not of the file.
  TempDir s;
  const std::string text = kHead + "        status: blocked  # x\n\t# tab\n";
  s.write("r.yaml", text);
  const Outcome m =
      plan_cmd({"mark", "1.1", "--status", "none", "--as-of", "2021-03-20", "r.yaml"}, s.path());
  CHECK(m.status == 1);
  CHECK(m.err.find("r.yaml:13:1: error: not valid YAML") != std::string::npos);
  const size_t excerpt = m.err.find("   13 | ");
  REQUIRE(excerpt != std::string::npos);
  CHECK(m.err.substr(excerpt, m.err.find('\n', excerpt) - excerpt).find("# tab") !=
        std::string::npos);
  CHECK(m.err.find("status: blocked") == std::string::npos);
  CHECK(m.err.find("[invalid-result]") != std::string::npos);
  CHECK(read_text(s.file("r.yaml")) == text);
}

TEST_CASE("an explicit null on the line after its key is replaced or removed with it", "[mark]") {
  // Flow: "status:\n ~" cleared took only the key, and the "~" left behind
  // joined the end date ("2021-05 ~").
  CHECK(mark_text(kLinesHead + "      - {id: 1, title: A, start: 2021-03, end: 2021-05, status:\n"
                               "         ~}\n",
                  {"--status", "none"}) ==
        kLinesHead +
            "      - {id: 1, title: A, start: 2021-03, end: 2021-05, updates: [{date: 2021-03-20, "
            "status: active}]}\n");
  CHECK(mark_text(kLinesHead + "      - {id: 1, title: A, start: 2021-03, end: 2021-05, status:\n"
                               "         ~}\n",
                  {"--status", "blocked"}) ==
        kLinesHead +
            "      - {id: 1, title: A, start: 2021-03, end: 2021-05, status:\n"
            "         blocked, updates: [{date: 2021-03-20, status: blocked}]}\n");
  // Block: the null deeper than its key, past a comment line; the comment stays.
  CHECK(mark_tail("        progress:\n          # none yet\n          ~\n", {"20"}) ==
        kHead + "        progress:\n          # none yet\n          20\n" + kLog20);
  // Block: a status whose value is on the next line goes with that line.
  CHECK(mark_tail("        status:\n          blocked\n        progress: 0\n",
                  {"--status", "none"}) == kHead + "        progress: 0\n" + kLogActive);
}

TEST_CASE("a file ending inside a block scalar without a newline keeps the value", "[mark]") {
  // mark adds the missing line end before its lines; the '|' value then
  // ends in a line break, which text does not keep (load.h), so it reads
  // back the same.
  const std::string after = mark_tail("        product: |\n          Informe", {"20"});
  CHECK(after == kHead +
                     "        product: |\n          Informe\n"
                     "        progress: 20\n" +
                     kLog20);
  TempDir s;
  s.write("r.yaml", after);
  const Outcome o =
      plan_cmd({"show", "1.1", "--format", "json", "--as-of", "2021-03-20", "r.yaml"}, s.path());
  CHECK(o.out.find("\"product\": \"Informe\",") != std::string::npos);
}

TEST_CASE("a flow activity with a trailing comma gets its new keys after it", "[mark]") {
  // The space before the brace stays where it was.
  CHECK(mark_text(flow_plan(", "), {"20"}) ==
        flow_plan(", progress: 20, updates: [{date: 2021-03-20, progress: 20}] "));
}

TEST_CASE("a blank line holding a tab after the last key stays before the new lines", "[mark]") {
  // Like a tab-indented comment: yaml-cpp accepts it after a line that
  // ends in a comment, not after the plain value mark would put before it.
  const std::string after = mark_tail("        progress: 10  # p\n     \t\t\n", {"20"});
  CHECK(after == kHead + "        progress: 20  # p\n     \t\t\n" + kLog20);
}

TEST_CASE("new keys go after a block scalar, past a quoted value's low continuation", "[mark]") {
  // The quoted title's second line, at column 0, ended the scan of the
  // activity's lines early, and the block scalar's end was not known: the
  // new keys went between 'product: >' and its text.
  const std::string text = kLinesHead + "      - id: 1\n" +
                           "        title: \"A\n\"\n"
                           "        start: 2021-03\n"
                           "        end: 2021-05\n"
                           "        product: >\n"
                           "          Informe\n"
                           "          final";
  CHECK(mark_text(text, {"20"}) == text + "\n        progress: 20\n" + kLog20);
}

TEST_CASE("mark --value writes the indicator's value and the progress it stands for", "[mark]") {
  TempDir s;
  const std::string file =
      s.write("p.yaml", read_text(source("tests/e2e/plans/goals/metas-2021.yaml")));
  const std::string before = read_text(file);
  const Outcome o = plan_cmd({"mark", "1.1", "--value", "15", "--by", "EPC", "--date", "2021-08-20",
                              "--as-of", "2021-08-31", "p.yaml"},
                             s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK(o.out.find("60% → 75%") != std::string::npos);  // 15 of 20 talleres
  const auto [added, removed] = line_changes(before, read_text(file));
  CHECK(removed == std::vector<std::string>{"        progress: 60"});
  CHECK(added == std::vector<std::string>{"          - {date: 2021-08-20, value: 15, by: EPC}",
                                          "        progress: 75"});
  // Refused, byte-identical: no goal to measure against, and both a
  // progress and a value (a usage error).
  const std::string now = read_text(file);
  const Outcome no_goal = plan_cmd(
      {"mark", "1.2", "--value", "3", "--date", "2021-05-20", "--as-of", "2021-08-31", "p.yaml"},
      s.path());
  CHECK(no_goal.status == 1);
  CHECK(no_goal.err.find("[value-without-goal]") != std::string::npos);
  const Outcome both = plan_cmd({"mark", "1.1", "80", "--value", "16", "p.yaml"}, s.path());
  CHECK(both.status == 2);
  CHECK(both.err.find("[bad-option]") != std::string::npos);
  CHECK(read_text(file) == now);
}
