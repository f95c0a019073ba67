// mark_args_test.cpp: `plan mark` tells its words apart by their shape, not
// by the files in the current directory: run in a directory that holds
// files named `40` and `done`, the same command means the same thing.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "runner.h"

namespace {

using plan::e2e::Outcome;
using plan::e2e::read_text;
using plan::e2e::write_text;

// A fresh directory under /tmp with a copy of the 2021 plan as p.yaml and
// files named like progress values, removed when the test ends.
class Workdir {
 public:
  Workdir() {
    char tmpl[] = "/tmp/plan-mark-args-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    write_text(path("p.yaml"),
               read_text(std::string(PLAN_SOURCE_DIR) + "/plans/participacion-2021.yaml"));
    for (const char* name : {"40", "done", "+10"}) write_text(path(name), "not a plan\n");
  }
  ~Workdir() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  Workdir(const Workdir&) = delete;
  Workdir& operator=(const Workdir&) = delete;

  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  Outcome plan(std::vector<std::string> args) const {
    args.insert(args.end(), {"--as-of", "2021-06-30"});
    return plan::e2e::run(PLAN_BINARY, args, {}, dir_);
  }

 private:
  std::string dir_;
};

}  // namespace

TEST_CASE("a file named 40 does not make 40 a path", "[mark]") {
  const Workdir w;
  const Outcome o = w.plan({"mark", "2.3", "40", "p.yaml"});
  INFO(o.err);
  CHECK(o.status == 0);
  CHECK(o.out.find("0% → 40%") != std::string::npos);
  CHECK(read_text(w.path("40")) == "not a plan\n");
}

TEST_CASE("files named done and +10 do not change those words", "[mark]") {
  const Workdir w;
  Outcome o = w.plan({"mark", "2.3", "+10", "p.yaml"});
  INFO(o.err);
  CHECK(o.status == 0);
  CHECK(o.out.find("0% → 10%") != std::string::npos);
  o = w.plan({"mark", "2.3", "done", "p.yaml"});
  CHECK(o.status == 0);
  CHECK(o.out.find("10% → 100%") != std::string::npos);
}

TEST_CASE("a progress after the plan path is a usage error that reads no plan", "[mark]") {
  const Workdir w;
  const std::string before = read_text(w.path("p.yaml"));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"mark", "2.3", "p.yaml", "40"},
        std::vector<std::string>{"mark", "2.3", "40", "done", "p.yaml"}}) {
    const Outcome o = w.plan(args);
    INFO(o.err);
    CHECK(o.status == 2);
    CHECK(o.out.empty());
    CHECK(o.err.find("[ambiguous-argument]") != std::string::npos);
    CHECK(o.err.find("./") != std::string::npos);
    CHECK(read_text(w.path("p.yaml")) == before);
  }
}

TEST_CASE("a file named 40 is named as a path", "[mark]") {
  const Workdir w;
  // ./40 is a path: it is read as a plan (and is not one), never a progress.
  const Outcome o = w.plan({"mark", "2.3", "--note", "x", "./40"});
  CHECK(o.status == 1);
  CHECK(o.err.find("./40") != std::string::npos);
  CHECK(o.err.find("[bad-progress]") == std::string::npos);
}

TEST_CASE("a bare word first is a bad progress, whatever exists", "[mark]") {
  const Workdir w;
  std::filesystem::create_directory(w.path("plans"));
  const Outcome o = w.plan({"mark", "2.3", "plans", "p.yaml"});
  CHECK(o.status == 1);
  CHECK(o.err.find("[bad-progress]") != std::string::npos);
  CHECK(o.err.find("plans/ or ./plans") != std::string::npos);
}
