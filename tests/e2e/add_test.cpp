// add_test.cpp: `plan add` end to end, on scratch copies of plan files,
// with mark's guarantees: the change is exactly the lines it must add, in
// the file's own style, comments stay, refusals leave the file
// byte-identical, concurrent writers all get recorded with distinct ids,
// and an interrupted write loses nothing.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "edit_support.h"
#include "runner.h"
#include "temp_dir.h"

namespace {

using plan::e2e::comments;
using plan::e2e::count;
using plan::e2e::line_changes;
using plan::e2e::lines_of;
using plan::e2e::Outcome;
using plan::e2e::plan_cmd;
using plan::e2e::read_text;
using plan::e2e::source;
using plan::test::TempDir;

bool validates(const TempDir& s, const std::string& file) {
  const Outcome o = plan_cmd({"validate", "--strict", "--as-of", "2021-12-31", file}, s.path());
  INFO(o.out << o.err);
  return o.status == 0;
}

const char* const kPlan2021 = "plans/participacion-2021.yaml";

}  // namespace

TEST_CASE("add activity adds exactly its lines at the end of the line, comments kept", "[add]") {
  TempDir s;
  const std::string file = s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(file);
  const Outcome o =
      plan_cmd({"add", "activity", "2", "--title", "Evaluar la caracterización: informe", "--start",
                "2021-11", "--end", "2021-12-15", "--product", "Informe de evaluación", "--lead",
                "OAPS", "--as-of", "2021-06-30", "p.yaml"},
               s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK(o.out == "Añadida 2.6 en p.yaml\n");
  CHECK(o.err.empty());
  const std::string after = read_text(file);
  const auto [added, removed] = line_changes(before, after);
  CHECK(removed.empty());
  CHECK(added == std::vector<std::string>{"        end: 2021-12-15", "        lead: [OAPS]",
                                          "        product: Informe de evaluación",
                                          "        progress: 0", "        start: 2021-11",
                                          "        title: \"Evaluar la caracterización: informe\"",
                                          "      - id: 6"});
  CHECK(comments(before) == comments(after));
  // Right after 2.5, before the blank line and line 3.
  CHECK(after.find("        end: 2021-11\n        progress: 0\n      - id: 6\n") !=
        std::string::npos);
  CHECK(after.find("        progress: 0\n\n  - id: 3\n") != std::string::npos);
  // Only added lines, in one place: the old text is the new one without them.
  const std::string chunk =
      "      - id: 6\n"
      "        title: \"Evaluar la caracterización: informe\"\n"
      "        start: 2021-11\n"
      "        end: 2021-12-15\n"
      "        product: Informe de evaluación\n"
      "        lead: [OAPS]\n"
      "        progress: 0\n";
  std::string rebuilt = after;
  REQUIRE(rebuilt.find(chunk) != std::string::npos);
  rebuilt.erase(rebuilt.find(chunk), chunk.size());
  CHECK(rebuilt == before);
  CHECK(validates(s, "p.yaml"));
  const Outcome shown = plan_cmd({"show", "2.6", "--lang", "en", "p.yaml"}, s.path());
  CHECK(shown.out.find("Evaluar la caracterización: informe") != std::string::npos);
}

TEST_CASE("add line goes after the last line, spaced like it, with the last line's lead", "[add]") {
  TempDir s;
  const std::string file = s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(file);
  Outcome o = plan_cmd({"add", "line", "--title", "Seguimiento de la política", "--lang", "en",
                        "--as-of", "2021-06-30", "p.yaml"},
                       s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK(o.out ==
        "Added line 6 in p.yaml\n"
        "  lead AM, OAPS, SG, as line 5's; --lead chooses another\n");
  const std::string after = read_text(file);
  CHECK(after.substr(0, before.size()) == before);
  CHECK(after.substr(before.size()) ==
        "\n"
        "  - id: 6\n"
        "    title: Seguimiento de la política\n"
        "    lead: [AM, OAPS, SG]\n"
        "    activities: []\n");
  CHECK(validates(s, "p.yaml"));
  // Its first activity turns the empty list into a block one, laid out as
  // the other lines' activities.
  o = plan_cmd({"add", "activity", "6", "--title", "Primer informe", "--start", "2021-07", "--end",
                "2021-08", "--as-of", "2021-06-30", "p.yaml"},
               s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK(o.out == "Añadida 6.1 en p.yaml\n");
  CHECK(read_text(file).substr(before.size()) ==
        "\n"
        "  - id: 6\n"
        "    title: Seguimiento de la política\n"
        "    lead: [AM, OAPS, SG]\n"
        "    activities:\n"
        "      - id: 1\n"
        "        title: Primer informe\n"
        "        start: 2021-07\n"
        "        end: 2021-08\n"
        "        progress: 0\n");
  CHECK(validates(s, "p.yaml"));
  // A line with its own lead, support, objective and product.
  o = plan_cmd(
      {"add", "line", "--title", "Otra", "--lead", "GAC", "--support", "EPC,GCI", "--objective",
       "Un objetivo", "--product", "Un producto", "--id", "9", "--as-of", "2021-06-30", "p.yaml"},
      s.path());
  REQUIRE(o.status == 0);
  CHECK(o.out == "Añadida la línea 9 en p.yaml\n");
  const std::string last = read_text(file);
  CHECK(last.substr(last.rfind("\n\n")) ==
        "\n\n"
        "  - id: 9\n"
        "    title: Otra\n"
        "    objective: Un objetivo\n"
        "    lead: [GAC]\n"
        "    support: [EPC, GCI]\n"
        "    product: Un producto\n"
        "    activities: []\n");
  CHECK(validates(s, "p.yaml"));
}

TEST_CASE("flow lines and activities get flow entries, quoted as their neighbours", "[add]") {
  TempDir s;
  const std::string text =
      "version: 1\n"
      "plan: {id: f, title: T, period: {start: 2021-01, end: 2021-12}}\n"
      "owners: {SG: {name: S}}\n"
      "lines:\n"
      "  - id: 1\n"
      "    title: 'L'\n"
      "    lead: [SG]\n"
      "    activities:\n"
      "      - {id: 1, title: 'A', start: 2021-01, end: 2021-03}  # kept\n"
      "  - {id: 2, title: M, lead: [SG], activities: [{id: 1, title: B, start: 2021-02, end: "
      "2021-04}]}  # also kept\n";
  const std::string file = s.write("f.yaml", text);
  REQUIRE(plan_cmd({"add", "activity", "1", "--title", "Nueva, con coma", "--start", "2021-04",
                    "--end", "2021-05", "--as-of", "2021-06-30", "f.yaml"},
                   s.path())
              .status == 0);
  REQUIRE(plan_cmd({"add", "activity", "2", "--title", "C", "--start", "2021-05", "--end",
                    "2021-06", "--lead", "SG", "--as-of", "2021-06-30", "f.yaml"},
                   s.path())
              .status == 0);
  REQUIRE(
      plan_cmd({"add", "line", "--title", "N: nueva", "--as-of", "2021-06-30", "f.yaml"}, s.path())
          .status == 0);
  CHECK(read_text(file) ==
        "version: 1\n"
        "plan: {id: f, title: T, period: {start: 2021-01, end: 2021-12}}\n"
        "owners: {SG: {name: S}}\n"
        "lines:\n"
        "  - id: 1\n"
        "    title: 'L'\n"
        "    lead: [SG]\n"
        "    activities:\n"
        "      - {id: 1, title: 'A', start: 2021-01, end: 2021-03}  # kept\n"
        "      - {id: 2, title: 'Nueva, con coma', start: 2021-04, end: 2021-05}\n"
        "  - {id: 2, title: M, lead: [SG], activities: [{id: 1, title: B, start: 2021-02, end: "
        "2021-04}, {id: 2, title: C, start: 2021-05, end: 2021-06, lead: [SG]}]}  # also kept\n"
        "  - {id: 3, title: \"N: nueva\", lead: [SG], activities: []}\n");
  CHECK(validates(s, "f.yaml"));
}

TEST_CASE("a block file's own layout: dashes at the keys, double quotes, block lists", "[add]") {
  TempDir s;
  const std::string text =
      "version: 1\r\n"
      "plan:\r\n"
      "  id: b\r\n"
      "  title: \"T\"\r\n"
      "  period:\r\n"
      "    start: 2021-01\r\n"
      "    end: 2021-12\r\n"
      "owners:\r\n"
      "  SG:\r\n"
      "    name: S\r\n"
      "lines:\r\n"
      "- id: 1\r\n"
      "  title: \"L\"\r\n"
      "  lead:\r\n"
      "  - SG\r\n"
      "  activities:\r\n"
      "  - id: 1\r\n"
      "    title: \"A\"\r\n"
      "    start: 2021-01\r\n"
      "    end: 2021-03\r\n"
      "    lead:\r\n"
      "    - SG\r\n"
      "# the end\r\n";
  const std::string file = s.write("b.yaml", text);
  Outcome o = plan_cmd({"add", "activity", "1", "--title", "B", "--start", "2021-04", "--end",
                        "2021-05", "--lead", "SG", "--as-of", "2021-06-30", "b.yaml"},
                       s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  o = plan_cmd({"add", "line", "--title", "M", "--as-of", "2021-06-30", "b.yaml"}, s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  const std::string tail = "    lead:\r\n    - SG\r\n# the end\r\n";
  CHECK(read_text(file) == text.substr(0, text.size() - tail.size()) +
                               "    lead:\r\n"
                               "    - SG\r\n"
                               "  - id: 2\r\n"
                               "    title: \"B\"\r\n"
                               "    start: 2021-04\r\n"
                               "    end: 2021-05\r\n"
                               "    lead:\r\n"
                               "    - SG\r\n"
                               // A comment at the lines' own indentation
                               // belongs to them: the new line follows it.
                               "# the end\r\n"
                               "- id: 2\r\n"
                               "  title: \"M\"\r\n"
                               "  lead:\r\n"
                               "  - SG\r\n"
                               "  activities: []\r\n");
  CHECK(validates(s, "b.yaml"));
}

TEST_CASE("every refusal leaves the file byte-identical", "[add]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(s.file("p.yaml"));
  struct Refusal {
    std::vector<std::string> args;
    int status;
    std::string says;
  };
  auto activity = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = {"add", "activity"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  const std::vector<Refusal> refusals = {
      {activity({"9", "--title", "X", "--start", "2021-03", "--end", "2021-04"}), 1,
       "las líneas del plan son: 1, 2, 3, 4, 5"},
      {activity({"2.3", "--title", "X", "--start", "2021-03", "--end", "2021-04"}), 1,
       "[bad-address]"},
      {activity({"2", "--title", "X", "--start", "2021-05", "--end", "2021-04"}), 1,
       "[date-order]"},
      {activity({"2", "--title", "X", "--start", "2021-05", "--end", "2022-01"}), 1,
       "[outside-period]"},
      {activity({"2", "--title", "X", "--start", "2020-12-31", "--end", "2021-01"}), 1,
       "[outside-period]"},
      {activity({"2", "--title", "X", "--start", "31/05/2021", "--end", "2021-06"}), 2,
       "AAAA-MM o AAAA-MM-DD"},
      {activity({"2", "--title", "X", "--start", "2021-02-30", "--end", "2021-06"}), 2,
       "[bad-option]"},
      {activity({"2", "--title", "X", "--start", "2021-03", "--end", "2021-04", "--lead", "EPX"}),
       1, "¿quiso decir 'EPC'"},
      {activity(
           {"2", "--title", "X", "--start", "2021-03", "--end", "2021-04", "--support", "ZZZ"}),
       1, "use uno de: SG, EPC"},
      {activity({"2", "--title", "  ", "--start", "2021-03", "--end", "2021-04"}), 1,
       "[empty-title]"},
      {activity({"2", "--title", "X", "--start", "2021-03", "--end", "2021-04", "--id", "3"}), 1,
       "siguiente libre, 6"},
      {activity({"2", "--title", "a\x1b[31m", "--start", "2021-03", "--end", "2021-04"}), 1,
       "[invalid-character]"},
      {{"add", "line", "--title", "X", "--id", "2"}, 1, "[duplicate-id]"},
      {{"add", "line", "--title", "X", "--id", "0"}, 2, "[bad-option]"},
      {{"add", "line", "--title", ""}, 1, "[empty-title]"},
      {{"add", "line", "--title", "X", "--lead", "SGX"}, 1, "[unknown-owner]"},
      {{"add", "line", "--title", "X", "--lang", "en", "--lead", "SGX"},
       1,
       "unknown owner 'SGX' for --lead"},
      {{"add", "line", "--title", "X", "--lang", "en", "--id", "2"},
       1,
       "the plan already has a line 2"},
      {{"add", "activity", "2", "--title", "X", "--start", "2021-03"}, 2, "--end is required"},
      {{"add", "line"}, 2, "--title is required"},
  };
  for (const Refusal& r : refusals) {
    std::vector<std::string> args = r.args;
    args.insert(args.end(), {"--as-of", "2021-06-30", "p.yaml"});
    const Outcome o = plan_cmd(args, s.path());
    INFO(args[1] << " " << (args.size() > 2 ? args[2] : "") << ": " << o.err);
    CHECK(o.status == r.status);
    CHECK(o.err.find(r.says) != std::string::npos);
    CHECK(o.out.empty());
    CHECK(read_text(s.file("p.yaml")) == before);
  }
  // `plan add` alone names neither.
  CHECK(plan_cmd({"add", "p.yaml"}, s.path()).status == 2);
  CHECK(read_text(s.file("p.yaml")) == before);
}

TEST_CASE("a plan that is already invalid gets nothing added", "[add]") {
  TempDir s;
  std::string text = read_text(source(kPlan2021));
  text.replace(text.find("support: [EPC]"), 14, "support: [EPX]");
  s.write("p.yaml", text);
  const Outcome o =
      plan_cmd({"add", "line", "--title", "X", "--as-of", "2021-06-30", "p.yaml"}, s.path());
  CHECK(o.status == 1);
  CHECK(o.err.find("[unknown-owner]") != std::string::npos);
  CHECK(o.err.find("[invalid-plan]") != std::string::npos);
  CHECK(read_text(s.file("p.yaml")) == text);
}

TEST_CASE("read-only files are refused", "[add]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(s.file("p.yaml"));
  ::chmod(s.file("p.yaml").c_str(), 0444);
  const Outcome o =
      plan_cmd({"add", "line", "--title", "X", "--as-of", "2021-06-30", "p.yaml"}, s.path());
  CHECK(o.status == 1);
  CHECK(o.err.find("[read-only]") != std::string::npos);
  ::chmod(s.file("p.yaml").c_str(), 0644);
  CHECK(read_text(s.file("p.yaml")) == before);
}

TEST_CASE("12 concurrent adds to one line are all recorded with distinct ids", "[add]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  constexpr int kWriters = 12;
  std::vector<std::thread> threads;
  std::vector<Outcome> outcomes(kWriters);
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      outcomes[i] =
          plan_cmd({"add", "activity", "2", "--title", "Tarea " + std::to_string(i), "--start",
                    "2021-09", "--end", "2021-10", "--as-of", "2021-06-30", "p.yaml"},
                   s.path());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> addresses;
  for (const Outcome& o : outcomes) {
    INFO(o.err);
    CHECK(o.status == 0);
    addresses.insert(o.out);
  }
  CHECK(addresses.size() == kWriters);
  for (int i = 6; i < 6 + kWriters; ++i)
    CHECK(addresses.count("Añadida 2." + std::to_string(i) + " en p.yaml\n") == 1);
  const std::string text = read_text(s.file("p.yaml"));
  for (int i = 0; i < kWriters; ++i)
    CHECK(count(text, "title: Tarea " + std::to_string(i) + "\n") == 1);
  for (int i = 6; i < 6 + kWriters; ++i)
    CHECK(count(text, "      - id: " + std::to_string(i) + "\n") == 1);
  CHECK(validates(s, "p.yaml"));
}

TEST_CASE("a crash between writing and renaming leaves the original intact", "[add]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(s.file("p.yaml"));
  const Outcome o = plan_cmd({"add", "line", "--title", "X", "--as-of", "2021-06-30", "p.yaml"},
                             s.path(), {{"PLAN_TEST_CRASH_BEFORE_RENAME", "1"}});
  CHECK(o.status == 128 + 9);  // killed, as a power cut would
  CHECK(read_text(s.file("p.yaml")) == before);
}

TEST_CASE("a dry run prints the diff of added lines and writes nothing", "[add]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(s.file("p.yaml"));
  const Outcome o = plan_cmd({"add", "activity", "1", "--title", "Yo", "--start", "2021-06",
                              "--end", "2021-07", "--dry-run", "--as-of", "2021-06-30", "p.yaml"},
                             s.path());
  CHECK(o.status == 0);
  CHECK(o.out.find("--- a/p.yaml\n+++ b/p.yaml\n@@ ") == 0);
  CHECK(o.out.find("\n+      - id: 3\n+        title: Yo\n+        start: 2021-06\n+        end: "
                   "2021-07\n+        progress: 0\n") != std::string::npos);
  for (const std::string& l : lines_of(o.out)) {
    CHECK((l.rfind("-", 0) != 0 || l.rfind("---", 0) == 0));
  }
  CHECK(o.err.find("simulación") != std::string::npos);
  CHECK(read_text(s.file("p.yaml")) == before);
}

TEST_CASE("with several plan files, add line asks which one", "[add]") {
  TempDir s;
  s.write("plans/a.yaml", read_text(source(kPlan2021)));
  std::string other = read_text(source(kPlan2021));
  other.replace(other.find("id: participacion-2021"), 22, "id: otro-2021");
  s.write("plans/b.yaml", other);
  Outcome o = plan_cmd({"add", "line", "--title", "X", "--lang", "en", "plans"}, s.path());
  CHECK(o.status == 2);
  CHECK(o.err.find("2 plan files are named") != std::string::npos);
  // An activity's line is found by its plan's id.
  o = plan_cmd({"add", "activity", "otro-2021:1", "--title", "Z", "--start", "2021-06", "--end",
                "2021-07", "--as-of", "2021-06-30", "plans"},
               s.path());
  INFO(o.err);
  CHECK(o.status == 0);
  CHECK(o.out == "Añadida 1.3 en plans/b.yaml\n");
  CHECK(read_text(s.file("plans/a.yaml")) == read_text(source(kPlan2021)));
}
