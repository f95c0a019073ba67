// cli/error.cpp: the error printer.
#include "error.h"

#include <algorithm>
#include <array>
#include <iostream>
#include <string_view>

namespace plan::cli {

int exit_status_of(Msg msg) {
  // By code, so that every message of a kind (every bad-query) agrees.
  constexpr std::array<std::string_view, 6> kUsageCodes = {"bad-query",        "unknown-command",
                                                           "bad-range",        "ambiguous-argument",
                                                           "unexpected-error", "bad-option"};
  // CLI11's usage errors (usage_error.cpp, issue 17).
  constexpr std::array<std::string_view, 5> kCli11Codes = {
      "unknown-option", "extra-argument", "missing-argument", "bad-value", "option-conflict"};
  const std::string_view code = code_of(msg);
  const bool usage = std::find(kUsageCodes.begin(), kUsageCodes.end(), code) != kUsageCodes.end() ||
                     std::find(kCli11Codes.begin(), kCli11Codes.end(), code) != kCli11Codes.end();
  return usage ? kExitUsage : kExitPlan;
}

int print_error(const Context& ctx, const Plan* plan, const CliError& e,
                const ErrorExcerpt* excerpt) {
  const Language lang = ctx.lang_for(plan);
  std::string out =
      "plan: " + paint(ctx.err, Style::red, std::string(text_of(lang, Msg::word_error)) + ":") +
      " " + visible_text(tr(lang, e.msg, e.args));  // args may quote a file name or value
  if (!code_of(e.msg).empty())
    out += " [" + std::string(code_of(e.msg)) + "]";
  out += "\n";
  const std::string gutter = excerpt != nullptr ? excerpt->gutter : std::string(6, ' ');
  if (excerpt != nullptr)
    out += excerpt->lines;
  if (e.hint) {
    out += gutter + "= " + std::string(text_of(lang, Msg::word_hint)) + ": " +
           visible_text(tr(lang, *e.hint, e.hint_args)) + "\n";
  }
  std::cerr << out;
  return exit_status_of(e.msg);
}

}  // namespace plan::cli
