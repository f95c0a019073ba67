// load.h: plan file text -> model, with the place of every key and value.
//
// Owns reading plan files and directories and turning YAML into the model
// through yaml-cpp's event parser (no node tree: it costs time and memory
// and cannot see duplicate keys). It reports problems of form (bytes, YAML
// syntax, unknown or duplicate keys, wrong types, unreadable dates) as
// diagnostics; the meaning of a well-formed plan is validate.h's business.
// It never prints, and no exception leaves it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/model.h"

namespace plan {

struct LoadResult {
  Plan plan;
  std::vector<Diagnostic> diagnostics;
  // False when loading stopped early (unreadable file, bad bytes, broken
  // YAML): the model is then partial and must not be validated or used.
  bool complete = false;

  bool ok() const { return complete && !has_errors(diagnostics); }
};

// Collections nested deeper than this are refused: a plan needs 7 levels.
constexpr int kMaxDepth = 64;

// Loads a plan from text already in memory; file names it in diagnostics.
LoadResult load_plan_text(std::string file, std::string text);

// Reads and loads one file.
LoadResult load_plan_file(const std::string& path);

// Expands each path: a file stays itself, a directory gives its *.yaml and
// *.yml files, recursively, in name order. Paths that do not exist or hold
// no plan are reported in diagnostics.
std::vector<std::string> find_plan_files(const std::vector<std::string>& paths,
                                         std::vector<Diagnostic>* diagnostics);

}  // namespace plan
