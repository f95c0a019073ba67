// runner.h: runs the real `plan` binary for the end-to-end tests.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace plan::e2e {

struct Case {
  std::string name;
  std::vector<std::string> args;
  std::map<std::string, std::string> env;
  int status = 0;
  int max_width = 0;  // "width: N": no stdout line may be wider
  // "today: masked": the day the case ran (the binary's "today", from the
  // clock) is written <today> in its output, so a golden may show it.
  bool mask_today = false;
};

struct Outcome {
  std::string out;
  std::string err;
  int status = -1;
};

// Reads cases/<name>.case: "args: ...", "status: N", "env: K=V",
// "width: N" and "today: masked" lines.
Case read_case(const std::string& dir, const std::string& name);
std::vector<std::string> list_cases(const std::string& dir);

// Runs binary with args in cwd, with a clean environment (PATH, HOME,
// LANG=C.UTF-8) plus env, and no terminal: stdout and stderr are files.
Outcome run(const std::string& binary, const std::vector<std::string>& args,
            const std::map<std::string, std::string>& env, const std::string& cwd);

// text with each of days (YYYY-MM-DD) written <today>.
std::string mask_days(std::string text, const std::vector<std::string>& days);
// The local day now, as the binary reads its clock.
std::string local_day();

std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& text);

}  // namespace plan::e2e
