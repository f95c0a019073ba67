// render/diagnostics.cpp: compiler-style excerpts, JSON and GitHub output.
#include "plan/render/diagnostics.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "json_text.h"
#include "plan/text.h"

namespace plan {

std::string_view source_line(std::string_view source, const Pos& pos) {
  size_t start = 0;
  if (pos.offset >= 0 && static_cast<size_t>(pos.offset) <= source.size()) {
    start = source.rfind(
        '\n', pos.offset == 0 ? std::string_view::npos : static_cast<size_t>(pos.offset) - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    if (pos.offset == 0)
      start = 0;
  } else {
    for (int line = 1; line < pos.line && start < source.size(); ++line) {
      const size_t nl = source.find('\n', start);
      if (nl == std::string_view::npos)
        return {};
      start = nl + 1;
    }
  }
  if (start == 0 && source.compare(0, 3, "\xEF\xBB\xBF") == 0)
    start = 3;
  size_t end = source.find('\n', start);
  if (end == std::string_view::npos)
    end = source.size();
  if (end > start && source[end - 1] == '\r')
    --end;
  return source.substr(start, end - start);
}

namespace {

// The first `chars` characters of s.
std::string_view prefix_chars(std::string_view s, int chars) {
  size_t i = 0;
  int n = 0;
  while (i < s.size() && n < chars) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++n;
  }
  return s.substr(0, i);
}

Msg severity_word(Severity s) { return s == Severity::error ? Msg::word_error : Msg::word_warning; }

}  // namespace

ExcerptLines excerpt_lines(std::string_view text, int col, int width, Style style,
                           const Terminal& term) {
  // A file's line as a person can see it: a tab would shift the caret by a
  // terminal-dependent amount and hide what "tab" errors point at, and a
  // control character would act on the terminal; visible_text shows each
  // as one column, so the caret lines up.
  std::string line = visible_text(text);
  // A very long line (minified, or hostile) is shown as a window around
  // the fault, so the excerpt stays readable and the output small.
  constexpr int kContext = 40;
  constexpr int kMaxLine = 120;
  if (display_width(line) > kMaxLine) {
    if (col > kContext) {
      // Count what is cut before cutting: the view points into line.
      const std::string_view cut = prefix_chars(line, col - 1 - kContext / 2);
      const size_t cut_bytes = cut.size();
      const int cut_chars = static_cast<int>(count_chars(cut));
      line = "…" + line.substr(cut_bytes);
      col = col - cut_chars + 1;
    }
    line = truncate(line, kMaxLine);
  }
  const std::string_view before = prefix_chars(line, col - 1);
  std::string caret = std::string(display_width(before), ' ') +
                      paint(term, style, std::string(static_cast<size_t>(width), '^'));
  return ExcerptLines{std::move(line), std::move(caret)};
}

std::string render_diagnostic_text(const Diagnostic& d, const std::string* source, Language lang,
                                   const Terminal& term) {
  const Style sev_style = d.severity == Severity::error ? Style::red : Style::yellow;
  // The file name and the message may quote what the file holds.
  std::string where = visible_text(d.file);
  if (d.pos.known())
    where += fmt::format(":{}:{}", d.pos.line, d.pos.col);
  std::string out = fmt::format(
      "{}: {} {} [{}]\n", paint(term, Style::bold, where),
      paint(term, sev_style, std::string(text_of(lang, severity_word(d.severity))) + ":"),
      paint(term, Style::bold, visible_text(d.text(lang))), d.code());
  const std::string gutter(6, ' ');
  if (d.pos.known() && source != nullptr) {
    const ExcerptLines x =
        excerpt_lines(source_line(*source, d.pos), d.pos.col, d.width, sev_style, term);
    out += fmt::format("{} | {}\n", pad_left(std::to_string(d.pos.line), 5), x.line);
    out += fmt::format("{}| {}\n", gutter, x.caret);
  }
  if (d.hint) {
    out += fmt::format("{}= {}: {}\n", gutter, text_of(lang, Msg::word_hint),
                       visible_text(d.hint_text(lang)));
  }
  return out;
}

std::string render_diagnostics_json(const std::vector<Diagnostic>& diags,
                                    const LanguageOf& lang_of) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diags) {
    const Language lang = lang_of(d.file);
    nlohmann::ordered_json j;
    j["file"] = d.file;
    j["line"] = d.pos.known() ? nlohmann::ordered_json(d.pos.line) : nullptr;
    j["column"] = d.pos.known() ? nlohmann::ordered_json(d.pos.col) : nullptr;
    j["severity"] = d.severity == Severity::error ? "error" : "warning";
    j["code"] = d.code();
    j["message"] = d.text(lang);
    j["hint"] = d.hint ? nlohmann::ordered_json(d.hint_text(lang)) : nullptr;
    arr.push_back(std::move(j));
  }
  return json_text(arr) + "\n";
}

namespace {

// GitHub's workflow-command escaping: data escapes %, CR and LF; property
// values also ':' and ','.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    switch (c) {
    case ':':
      out += "%3A";
      break;
    case ',':
      out += "%2C";
      break;
    default:
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_diagnostic_github(const Diagnostic& d, Language lang) {
  std::string props = "file=" + escape_property(visible_text(d.file));
  if (d.pos.known()) {
    props += fmt::format(",line={},col={}", d.pos.line, d.pos.col);
  }
  props += ",title=" + escape_property(d.code());
  std::string message = visible_text(d.text(lang));
  if (d.hint)
    message += " — " + visible_text(d.hint_text(lang));
  return fmt::format("::{} {}::{}\n", d.severity == Severity::error ? "error" : "warning", props,
                     escape_data(message));
}

}  // namespace plan
