// diagnostic.cpp: making, ordering and counting diagnostics.
#include "plan/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace plan {

Diagnostic error_at(std::string file, Pos pos, int width, Msg message,
                    std::vector<std::string> args, std::optional<Msg> hint,
                    std::vector<std::string> hint_args) {
  Diagnostic d;
  d.file = std::move(file);
  d.pos = pos;
  d.width = std::max(1, width);
  d.message = message;
  d.args = std::move(args);
  d.hint = hint;
  d.hint_args = std::move(hint_args);
  return d;
}

void sort_diagnostics(std::vector<Diagnostic>* diags) {
  std::stable_sort(diags->begin(), diags->end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.pos.line, a.pos.col) < std::tie(b.file, b.pos.line, b.pos.col);
  });
}

size_t count_severity(const std::vector<Diagnostic>& diags, Severity s) {
  return static_cast<size_t>(std::count_if(diags.begin(), diags.end(),
                                           [s](const Diagnostic& d) { return d.severity == s; }));
}

bool has_errors(const std::vector<Diagnostic>& diags) {
  return count_severity(diags, Severity::error) > 0;
}

}  // namespace plan
