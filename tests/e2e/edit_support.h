// edit_support.h: what the tests of the commands that write a plan share:
// running the binary on a scratch file and comparing the text before and
// after, line by line.
#pragma once

#include <algorithm>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "runner.h"

namespace plan::e2e {

inline std::string source(const std::string& rel) {
  return std::string(PLAN_SOURCE_DIR) + "/" + rel;
}

inline Outcome plan_cmd(const std::vector<std::string>& args, const std::string& cwd,
                        const std::map<std::string, std::string>& env = {}) {
  return run(PLAN_BINARY, args, env, cwd);
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// How many times `needle` stands in `text` (overlapping ones too).
inline size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The lines that hold a comment, in order: an edit must keep them all.
inline std::vector<std::string> comments(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : lines_of(text)) {
    if (l.find('#') != std::string::npos)
      out.push_back(l);
  }
  return out;
}

// Lines of `after` not in `before`, and of `before` not in `after`, as
// multisets: for a change made of replacements and insertions, exactly
// the lines a reviewer sees in the diff.
inline std::pair<std::vector<std::string>, std::vector<std::string>> line_changes(
    const std::string& before, const std::string& after) {
  auto a = lines_of(before);
  auto b = lines_of(after);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(added));
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(removed));
  return {added, removed};
}

}  // namespace plan::e2e
