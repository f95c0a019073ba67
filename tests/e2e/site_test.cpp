// site_test.cpp: `plan site` end to end, in scratch directories (issue 18):
// the same history gives the same bytes (whatever the clock says when the
// as-of date is given), the refusals (a folder that is not a site, a file,
// a plan with errors) write nothing, a rebuild deletes only the files the
// previous build wrote and no longer makes, and a manifest cannot make it
// delete anything outside the site.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "edit_support.h"
#include "runner.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using plan::e2e::Outcome;
using plan::e2e::plan_cmd;
using plan::e2e::read_text;
using plan::e2e::source;
using plan::test::TempDir;

const std::string kPlan2021 = source("plans/participacion-2021.yaml");
const std::string kGoals = source("tests/e2e/plans/goals/metas-2021.yaml");

// Every regular file under dir, by its path relative to dir, with its bytes.
std::map<std::string, std::string> tree(const std::string& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir))
    return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file())
      out[fs::relative(e.path(), dir).string()] = read_text(e.path().string());
  }
  return out;
}

Outcome site(const std::vector<std::string>& args, const std::string& cwd,
             const std::map<std::string, std::string>& env = {}) {
  std::vector<std::string> all = {"site"};
  all.insert(all.end(), args.begin(), args.end());
  return plan_cmd(all, cwd, env);
}

}  // namespace

TEST_CASE("the same history gives the same bytes, whatever the clock", "[site]") {
  TempDir s;
  // 14 hours ahead of UTC and 12 behind: the clock's day differs.
  const Outcome a = site({"a", "--as-of", "2021-12-31", kPlan2021, kGoals}, s.path(),
                         {{"TZ", "Pacific/Kiritimati"}});
  const Outcome b =
      site({"b", "--as-of", "2021-12-31", kPlan2021, kGoals}, s.path(), {{"TZ", "Etc/GMT+12"}});
  INFO(a.err + b.err);
  REQUIRE(a.status == 0);
  REQUIRE(b.status == 0);
  const auto ta = tree(s.file("a"));
  const auto tb = tree(s.file("b"));
  CHECK(ta.size() > 60);
  CHECK(ta == tb);
  // Every cut-off of 2021 has ended by 31 December: seven reports.
  for (const char* period : {"T1", "T2", "T3", "T4", "C1", "C2", "C3"}) {
    CHECK(ta.count(std::string("participacion-2021/") + period + ".html") == 1);
  }
  CHECK(ta.count("participacion-2021/participacion-2021.csv") == 1);
  CHECK(ta.count("participacion-2021/participacion-2021-C1.json") == 1);
  CHECK(ta.count("participacion-2021/participacion-2021.ics") == 1);
  CHECK(ta.count("participacion-2021/activity-1-1.html") == 1);
  CHECK(ta.count(".plan-site") == 1);
  // The manifest lists every file, itself included.
  for (const auto& [path, bytes] : ta)
    CHECK(ta.at(".plan-site").find("\n" + path + "\n") != std::string::npos);
  // A rebuild in place changes nothing.
  const Outcome again = site({"a", "--as-of", "2021-12-31", kPlan2021, kGoals}, s.path());
  REQUIRE(again.status == 0);
  CHECK(tree(s.file("a")) == ta);
  // Without --stamp no page holds the day it was built; with it, each does.
  const std::string today = plan::e2e::local_day();
  for (const auto& [path, bytes] : ta) CHECK(bytes.find(today) == std::string::npos);
  const Outcome st =
      site({"c", "--stamp", "--lang", "en", "--as-of", "2021-12-31", kPlan2021}, s.path());
  REQUIRE(st.status == 0);
  const std::string index = read_text(s.file("c/participacion-2021/index.html"));
  CHECK(index.find("Generated on ") != std::string::npos);
  CHECK(index.find("<html lang=\"en\">") != std::string::npos);
  CHECK(read_text(s.file("a/participacion-2021/index.html")).find("<html lang=\"es\">") !=
        std::string::npos);
}

TEST_CASE("a folder that is not a site is refused unless --force", "[site]") {
  TempDir s;
  s.write("out/notes.txt", "mine\n");
  const Outcome o = site({"out", "--as-of", "2021-06-30", kPlan2021}, s.path());
  CHECK(o.status == 1);
  CHECK(o.err.find("--force") != std::string::npos);
  CHECK(o.err.find("[file-exists]") != std::string::npos);
  CHECK(tree(s.file("out")).size() == 1);
  // --force writes beside the file and never deletes it.
  const Outcome f = site({"out", "--force", "--as-of", "2021-06-30", kPlan2021}, s.path());
  INFO(f.err);
  REQUIRE(f.status == 0);
  CHECK(read_text(s.file("out/notes.txt")) == "mine\n");
  CHECK(fs::exists(s.file("out/participacion-2021/T2.html")));
  // A file that is not a folder.
  s.write("file", "x");
  const Outcome nf = site({"file", "--as-of", "2021-06-30", kPlan2021}, s.path());
  CHECK(nf.status == 1);
  CHECK(read_text(s.file("file")) == "x");
  // An empty folder is taken.
  fs::create_directory(s.file("empty"));
  CHECK(site({"empty", "--as-of", "2021-06-30", kPlan2021}, s.path()).status == 0);
}

TEST_CASE("a rebuild deletes only what the last build wrote", "[site]") {
  TempDir s;
  s.write("victim.txt", "outside\n");
  REQUIRE(site({"out", "--as-of", "2021-12-31", kPlan2021}, s.path()).status == 0);
  CHECK(fs::exists(s.file("out/participacion-2021/T4.html")));
  s.write("out/participacion-2021/extra.html", "added by hand\n");
  // Earlier as-of: T3, T4, C2 and C3 have not ended; their files go.
  const Outcome o = site({"out", "--as-of", "2021-07-15", kPlan2021}, s.path());
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK_FALSE(fs::exists(s.file("out/participacion-2021/T4.html")));
  CHECK_FALSE(fs::exists(s.file("out/participacion-2021/participacion-2021-C3.csv")));
  CHECK(fs::exists(s.file("out/participacion-2021/T2.html")));
  CHECK(read_text(s.file("out/participacion-2021/extra.html")) == "added by hand\n");
  // A manifest edited to name files outside the site deletes none of them.
  const std::string manifest = read_text(s.file("out/.plan-site"));
  s.write("out/.plan-site", manifest + "../victim.txt\n" + s.file("victim.txt") + "\n");
  REQUIRE(site({"out", "--as-of", "2021-07-15", kPlan2021}, s.path()).status == 0);
  CHECK(read_text(s.file("victim.txt")) == "outside\n");
}

TEST_CASE("a plan with errors gives no site, and its diagnostics", "[site]") {
  TempDir s;
  const Outcome o =
      site({"out", "--as-of", "2021-06-30", source("tests/e2e/plans/bad-owner.yaml")}, s.path());
  CHECK(o.status == 1);
  CHECK(o.err.find("bad-owner.yaml:") != std::string::npos);
  CHECK(o.err.find("[invalid-plan]") != std::string::npos);
  CHECK_FALSE(fs::exists(s.file("out")));
}

TEST_CASE("no cut-off ended yet, and hostile text stays text", "[site]") {
  TempDir s;
  REQUIRE(site({"early", "--as-of", "2021-02-15", kPlan2021}, s.path()).status == 0);
  const auto early = tree(s.file("early"));
  CHECK(early.count("participacion-2021/T1.html") == 0);
  CHECK(early.at("participacion-2021/index.html").find("Aún no ha terminado ningún corte.") !=
        std::string::npos);
  const Outcome h =
      site({"hostile", "--as-of", "2021-12-31", source("tests/export/hostile.yaml")}, s.path());
  INFO(h.err);
  REQUIRE(h.status == 0);
  for (const auto& [path, bytes] : tree(s.file("hostile"))) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html")
      continue;  // the downloads hold the plan's text as it is, as data
    INFO(path);
    CHECK(bytes.find("<script") == std::string::npos);
    CHECK(bytes.find("<img") == std::string::npos);
    CHECK(bytes.find("href=\"javascript") == std::string::npos);
  }
}
