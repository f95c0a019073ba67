// floor.cpp: the floor for `plan`'s speed: a bare yaml-cpp event parse of a
// file (YAML::Parser with an EventHandler that does nothing), reading the
// file the same way plan does. plan cannot beat this while it parses with
// yaml-cpp; bench/bench.py reports plan's times as ratios to it.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

class Nothing : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: plan_bench_floor FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::istringstream stream(text);
  try {
    YAML::Parser parser(stream);
    Nothing handler;
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const YAML::Exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
