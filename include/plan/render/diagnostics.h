// render/diagnostics.h: diagnostics as text, JSON, or GitHub annotations.
//
// Owns how a diagnostic looks: "FILE:LINE:COL: error: MESSAGE [code]" with
// the source line and a caret under the fault, a JSON array, or workflow
// commands that GitHub shows on the pull request's lines. Returns strings;
// the CLI prints them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/term.h"

namespace plan {

// The language a diagnostic about a file is printed in.
using LanguageOf = std::function<Language(const std::string& file)>;
// The text of a file, for excerpts (nullptr when not at hand).
using SourceOf = std::function<const std::string*(const std::string& file)>;

std::string render_diagnostic_text(const Diagnostic& d, const std::string* source, Language lang,
                                   const Terminal& term);
std::string render_diagnostics_json(const std::vector<Diagnostic>& diags,
                                    const LanguageOf& lang_of);
std::string render_diagnostic_github(const Diagnostic& d, Language lang);

// The text of line `line` (1-based) of source, without its line end; the
// excerpt under a diagnostic.
std::string_view source_line(std::string_view source, const Pos& pos);

// One line of an excerpt and the caret line under it, without gutters: the
// caret marks `width` characters from column `col` (1-based), painted in
// `style`. Tabs show as one space, and a line wider than 120 columns as a
// window around the fault. Diagnostics use it under their source line,
// `plan filter` under the query.
struct ExcerptLines {
  std::string line;
  std::string caret;
};
ExcerptLines excerpt_lines(std::string_view line, int col, int width, Style style,
                           const Terminal& term);

}  // namespace plan
