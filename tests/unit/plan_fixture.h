// plan_fixture.h: a small valid plan as text, shared by the unit tests.
//
// Tests build their failing cases from kMinimalPlan by appending lines, so
// that the line and column of every diagnostic can be read off the fixture:
// the base ends with activity 1.1, so appended text starts on line 18. At
// 8 spaces it adds keys to activity 1.1, at 6 spaces ("- id:") a new
// activity in line 1, at 4 spaces keys of line 1, at 2 spaces a new line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/load.h"

namespace plan::test {

// clang-format off
inline constexpr std::string_view kMinimalPlan =
    "version: 1\n"                                                   //  1
    "plan:\n"                                                        //  2
    "  id: demo\n"                                                   //  3
    "  title: Plan de prueba\n"                                      //  4
    "  period: {start: 2021-01, end: 2021-12}\n"                     //  5
    "owners:\n"                                                      //  6
    "  SG: {name: Secretaría General}\n"                             //  7
    "  EPC: {name: Equipo Participación Ciudadana, parent: SG}\n"    //  8
    "lines:\n"                                                       //  9
    "  - id: 1\n"                                                    // 10
    "    title: Apropiación de la política\n"                        // 11
    "    lead: [SG, EPC]\n"                                          // 12
    "    activities:\n"                                              // 13
    "      - id: 1\n"                                                // 14
    "        title: Divulgar la política\n"                          // 15
    "        start: 2021-03\n"                                       // 16
    "        end: 2021-05\n";                                        // 17
// clang-format on

inline constexpr int kMinimalPlanLines = 17;

inline std::string plan_with(std::string_view tail) {
  return std::string(kMinimalPlan) + std::string(tail);
}

// "LINE:COL code: message" for each diagnostic, for failure messages.
inline std::string describe(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const Diagnostic& d : diags) {
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " +
           std::string(d.code()) + ": " + d.text(Language::en) + "\n";
  }
  return out.empty() ? "(no diagnostics)" : out;
}

// The diagnostics with a given code.
inline std::vector<Diagnostic> with_code(const std::vector<Diagnostic>& diags,
                                         std::string_view code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : diags) {
    if (d.code() == code)
      out.push_back(d);
  }
  return out;
}

}  // namespace plan::test
