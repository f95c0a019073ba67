// review_test.cpp: `plan review` end to end, on scratch copies of plan
// files, with mark's guarantees: the change is exactly the lines it must
// be, comments stay, refusals leave the file byte-identical, concurrent
// reviewers all get recorded, and an interrupted write loses nothing.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <thread>

#include "edit_support.h"
#include "runner.h"
#include "temp_dir.h"

namespace {

using plan::e2e::comments;
using plan::e2e::line_changes;
using plan::e2e::lines_of;
using plan::e2e::Outcome;
using plan::e2e::plan_cmd;
using plan::e2e::read_text;
using plan::e2e::source;
using plan::test::TempDir;

const char* const kPlan2021 = "plans/participacion-2021.yaml";
const char* const kGoals = "tests/e2e/plans/goals/metas-2021.yaml";

}  // namespace

TEST_CASE("review adds exactly its lines to a block activity and keeps every comment", "[review]") {
  TempDir s;
  const std::string file = s.write("p.yaml", read_text(source(kPlan2021)));
  const std::string before = read_text(file);
  const Outcome o = plan_cmd(
      {"review", "1.1", "--period", "C1", "--verified", "0", "--by", "SG", "--note",
       "Sin soportes: pendiente", "--date", "2021-05-12", "--as-of", "2021-06-30", "p.yaml"},
      s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK(o.out ==
        "participacion-2021:1.1: revisión de C1 registrada, verificado 0% (reportado 0%)\n");
  const std::string after = read_text(file);
  const auto [added, removed] = line_changes(before, after);
  CHECK(removed.empty());
  CHECK(added == std::vector<std::string>{"            by: SG", "            date: 2021-05-12",
                                          "            note: \"Sin soportes: pendiente\"",
                                          "            verified: 0", "          - period: C1",
                                          "        reviews:"});
  CHECK(comments(before) == comments(after));
  CHECK(plan_cmd({"validate", "--strict", "--as-of", "2021-12-31", "p.yaml"}, s.path()).status ==
        0);
  // The review is the activity's last key, right after its progress.
  CHECK(after.find("        progress: 0\n        reviews:\n          - period: C1\n") !=
        std::string::npos);
}

TEST_CASE("review appends to a flow list of reviews in its style, and writes a value", "[review]") {
  TempDir s;
  const std::string file = s.write("p.yaml", read_text(source(kGoals)));
  const std::string before = read_text(file);
  Outcome o = plan_cmd({"review", "1.2", "--period", "C1", "--verified", "25", "--by", "OCI",
                        "--date", "2021-05-10", "--as-of", "2021-06-30", "p.yaml"},
                       s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  auto changes = line_changes(before, read_text(file));
  CHECK(changes.second.empty());
  CHECK(changes.first == std::vector<std::string>{
                             "          - {period: C1, date: 2021-05-10, by: OCI, verified: 25}"});
  // A value on an activity with a goal: the verified progress follows (40 of 120 = 33%).
  const std::string middle = read_text(file);
  o = plan_cmd({"review", "2.1", "--period", "T1", "--value", "40", "--by", "OCI", "--date",
                "2021-04-15", "--as-of", "2021-06-30", "p.yaml"},
               s.path());
  REQUIRE(o.status == 0);
  CHECK(o.out.find("verificado 33%") != std::string::npos);
  changes = line_changes(middle, read_text(file));
  CHECK(changes.second.empty());
  CHECK(changes.first == std::vector<std::string>{"            by: OCI",
                                                  "            date: 2021-04-15",
                                                  "            value: 40", "          - period: T1",
                                                  "        reviews:"});
}

TEST_CASE("every review refusal leaves the file byte-identical", "[review]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kGoals)));
  const std::string before = read_text(s.file("p.yaml"));
  struct Refusal {
    std::vector<std::string> args;
    int status;
    std::string says;
  };
  const std::vector<Refusal> refusals = {
      {{"1.1", "--period", "C1", "--verified", "30", "--by", "OCI", "--date", "2021-05-20"},
       1,
       "[duplicate-review]"},
      {{"1.2", "--period", "C1", "--verified", "20", "--by", "OCl", "--date", "2021-05-20"},
       1,
       "¿quiso decir 'OCI'"},
      {{"1.2", "--period", "C1", "--verified", "150", "--by", "OCI", "--date", "2021-05-20"},
       1,
       "[progress-range]"},
      {{"1.2", "--period", "C1", "--verified", "20", "--by", "OCI", "--date", "2021-04-20"},
       1,
       "[review-early]"},
      {{"1.2", "--period", "C1", "--value", "3", "--by", "OCI", "--date", "2021-05-20"},
       1,
       "[value-without-goal]"},
      {{"1.2", "--period", "C1", "--by", "OCI", "--date", "2021-05-20"}, 1, "[nothing-to-mark]"},
      {{"1.2", "--period", "C1", "--verified", "20", "--by", "OCI", "--note", "a\x1b[2Jb"},
       1,
       "[invalid-character]"},
      {{"1.9", "--period", "C1", "--verified", "20", "--by", "OCI"}, 1, "[unknown-address]"},
      {{"1.2", "--period", "Q1", "--verified", "20", "--by", "OCI"}, 2, "Q1"},
      {{"1.2", "--period", "C1", "--verified", "20", "--value", "3", "--by", "OCI"},
       2,
       "[option-conflict]"},
  };
  for (const Refusal& r : refusals) {
    std::vector<std::string> args = {"review"};
    args.insert(args.end(), r.args.begin(), r.args.end());
    for (const char* a : {"--as-of", "2021-06-30", "p.yaml"}) args.emplace_back(a);
    const Outcome o = plan_cmd(args, s.path());
    INFO(r.args[0] << " " << r.args[2] << ": " << o.err);
    CHECK(o.status == r.status);
    CHECK(o.err.find(r.says) != std::string::npos);
    CHECK(read_text(s.file("p.yaml")) == before);
  }
}

TEST_CASE("14 concurrent reviews on one file are all recorded", "[review]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kPlan2021)));
  const std::vector<std::string> addresses = {"1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5",
                                              "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "5.1"};
  std::vector<std::thread> threads;
  std::vector<int> statuses(addresses.size(), -1);
  for (size_t i = 0; i < addresses.size(); ++i) {
    threads.emplace_back([&, i] {
      statuses[i] = plan_cmd({"review", addresses[i], "--period", "T4", "--verified", "0", "--by",
                              "SG", "--note", "revisión " + std::to_string(i), "--date",
                              "2021-12-31", "--as-of", "2021-12-31", "p.yaml"},
                             s.path())
                        .status;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 0) == static_cast<long>(addresses.size()));
  const std::string text = read_text(s.file("p.yaml"));
  for (size_t i = 0; i < addresses.size(); ++i)
    CHECK(text.find("note: revisión " + std::to_string(i) + "\n") != std::string::npos);
  CHECK(plan_cmd({"validate", "--strict", "--as-of", "2021-12-31", "p.yaml"}, s.path()).status ==
        0);
}

TEST_CASE("a crash before the review's rename leaves the original intact", "[review]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kGoals)));
  const std::string before = read_text(s.file("p.yaml"));
  const Outcome o = plan_cmd({"review", "1.2", "--period", "C1", "--verified", "25", "--by", "OCI",
                              "--date", "2021-05-10", "--as-of", "2021-06-30", "p.yaml"},
                             s.path(), {{"PLAN_TEST_CRASH_BEFORE_RENAME", "1"}});
  CHECK(o.status == 128 + 9);
  CHECK(read_text(s.file("p.yaml")) == before);
}

TEST_CASE("a review dry run prints the diff and writes nothing", "[review]") {
  TempDir s;
  s.write("p.yaml", read_text(source(kGoals)));
  const std::string before = read_text(s.file("p.yaml"));
  const Outcome o =
      plan_cmd({"review", "1.2", "--period", "C1", "--verified", "25", "--by", "OCI", "--date",
                "2021-05-10", "--as-of", "2021-06-30", "--dry-run", "p.yaml"},
               s.path());
  CHECK(o.status == 0);
  CHECK(o.out.find("+          - {period: C1, date: 2021-05-10, by: OCI, verified: 25}") !=
        std::string::npos);
  CHECK(read_text(s.file("p.yaml")) == before);
}
