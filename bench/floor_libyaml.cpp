// floor_libyaml.cpp: the same do-nothing event parse as floor.cpp, with
// libyaml (Debian's libyaml-dev) instead of yaml-cpp: what a loader built
// on libyaml could reach, for comparison in bench/bench.py.
#include <yaml.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: plan_bench_floor_libyaml FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser))
    return 1;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  int status = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      std::cerr << (parser.problem ? parser.problem : "parse error") << "\n";
      status = 1;
      break;
    }
    const bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done)
      break;
  }
  yaml_parser_delete(&parser);
  return status;
}
