// End-to-end tests: each tests/e2e/cases/NAME.case runs the real binary in
// tests/e2e and compares stdout and stderr with golden/NAME.stdout and
// golden/NAME.stderr, and the exit status with the case's "status:".
// PLAN_UPDATE_GOLDEN=1 rewrites the golden files instead: do it on purpose,
// then read the diff.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

#include "plan/term.h"
#include "runner.h"

namespace {

std::string g_case;  // --case NAME; empty runs every case

void check_case(const std::string& name) {
  using namespace plan::e2e;
  const std::string dir = PLAN_E2E_DIR;
  const Case c = read_case(dir, name);
  const std::string day_before = local_day();
  Outcome o = run(PLAN_BINARY, c.args, c.env, dir);
  if (c.mask_today) {
    // Both days, should the run cross midnight.
    const std::vector<std::string> days = {day_before, local_day()};
    o.out = mask_days(o.out, days);
    o.err = mask_days(o.err, days);
  }
  const std::string out_path = dir + "/golden/" + name + ".stdout";
  const std::string err_path = dir + "/golden/" + name + ".stderr";
  const char* update = std::getenv("PLAN_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_text(out_path, o.out);
    write_text(err_path, o.err);
  }
  INFO("case " << name);
  CHECK(o.status == c.status);
  if (c.max_width > 0) {
    std::istringstream lines(o.out);
    std::string line;
    while (std::getline(lines, line)) {
      INFO("line: " << line);
      CHECK(plan::display_width(line) <= c.max_width);
    }
  }
  CHECK(o.out == read_text(out_path));
  CHECK(o.err == read_text(err_path));
}

}  // namespace

TEST_CASE("plan binary matches golden output", "[e2e]") {
  const auto names =
      g_case.empty() ? plan::e2e::list_cases(PLAN_E2E_DIR) : std::vector<std::string>{g_case};
  REQUIRE(!names.empty());
  for (const std::string& name : names) {
    DYNAMIC_SECTION(name) { check_case(name); }
  }
}

int main(int argc, char* argv[]) {
  Catch::Session session;
  using namespace Catch::clara;
  auto cli = session.cli() | Opt(g_case, "name")["--case"]("run one case of tests/e2e/cases");
  session.cli(cli);
  const int rc = session.applyCommandLine(argc, argv);
  if (rc != 0)
    return rc;
  return session.run();
}
