// diagnostic.h: what is wrong with a plan, and where.
//
// Owns the Diagnostic value that load and validate return. A diagnostic
// keeps its message as a catalog id plus arguments, so the CLI can print it
// in the language of the plan it is about; it is never printed here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plan/i18n.h"
#include "plan/model.h"

namespace plan {

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;
  Pos pos;        // unknown for a whole-file problem
  int width = 1;  // characters under the caret
  Severity severity = Severity::error;
  Msg message = Msg::yaml_syntax;
  std::vector<std::string> args;
  std::optional<Msg> hint;
  std::vector<std::string> hint_args;

  std::string_view code() const { return code_of(message); }
  std::string text(Language lang) const { return tr(lang, message, args); }
  std::string hint_text(Language lang) const {
    return hint ? tr(lang, *hint, hint_args) : std::string();
  }
};

// An error at pos in file, width characters wide (at least one).
Diagnostic error_at(std::string file, Pos pos, int width, Msg message,
                    std::vector<std::string> args, std::optional<Msg> hint = std::nullopt,
                    std::vector<std::string> hint_args = {});

// File, then line, then column order; stable for equal places.
void sort_diagnostics(std::vector<Diagnostic>* diags);
bool has_errors(const std::vector<Diagnostic>& diags);
size_t count_severity(const std::vector<Diagnostic>& diags, Severity s);

}  // namespace plan
