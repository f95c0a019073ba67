// docs_test.cpp: the documentation lists every diagnostic code there is.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "plan/i18n.h"

TEST_CASE("docs/diagnostics.md lists every diagnostic code", "[docs]") {
  std::ifstream in(std::string(PLAN_SOURCE_DIR) + "/docs/diagnostics.md");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  int codes = 0;
  for (plan::Msg m : plan::all_messages()) {
    const std::string code(plan::code_of(m));
    if (code.empty())
      continue;
    ++codes;
    INFO("code " << code);
    CHECK(doc.find("`" + code + "`") != std::string::npos);
  }
  CHECK(codes >= 35);
}
