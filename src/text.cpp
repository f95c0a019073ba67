// text.cpp: UTF-8 checks and edit distance.
#include "plan/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>

namespace plan {

size_t find_invalid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    if (p[i] < 0x80) {  // ASCII fast path: most plan text is ASCII
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n < 0)
      return i;
    i += static_cast<size_t>(n);
  }
  return std::string_view::npos;
}

namespace {

CharProblem problem_of(char32_t c, bool allow_cr) {
  if (c < 0x20)
    return c == '\t' || c == '\n' || (c == '\r' && allow_cr) ? CharProblem::none
                                                             : CharProblem::control;
  if (c == 0x7F || (c >= 0x80 && c <= 0x9F))
    return CharProblem::control;
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    return CharProblem::bidi;
  if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
    return CharProblem::noncharacter;
  return CharProblem::none;
}

}  // namespace

BadChar find_bad_char(std::string_view text, bool allow_cr) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = p[i];
    size_t n = 1;
    if (c >= 0x80) {
      utf8proc_int32_t cp = 0;
      const utf8proc_ssize_t got =
          utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
      if (got < 0) {  // not UTF-8: find_invalid_utf8's to report
        ++i;
        continue;
      }
      c = static_cast<char32_t>(cp);
      n = static_cast<size_t>(got);
    } else if (c >= 0x20 && c != 0x7F) {  // printable ASCII: most plan text
      ++i;
      continue;
    }
    const CharProblem problem = problem_of(c, allow_cr);
    if (problem != CharProblem::none)
      return BadChar{i, c, problem};
    i += n;
  }
  return BadChar{};
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  for (;;) {
    const size_t bad = find_invalid_utf8(text);
    if (bad == std::string_view::npos)
      break;
    out.append(text.substr(0, bad));
    out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    text.remove_prefix(bad + 1);
  }
  out.append(text);
  return out;
}

size_t count_chars(std::string_view text) {
  size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++n;
  }
  return n;
}

namespace {

std::vector<utf8proc_int32_t> code_points(std::string_view s) {
  std::vector<utf8proc_int32_t> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      cp = p[i];
      n = 1;
    }
    out.push_back(cp < 0x80 ? std::tolower(cp) : cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

}  // namespace

// Optimal string alignment distance: Levenshtein plus the swap of two
// neighbours ("titel" -> "title" is one edit), the commonest typing slip.
size_t edit_distance(std::string_view a, std::string_view b) {
  const auto x = code_points(a);
  const auto y = code_points(b);
  const size_t cols = y.size() + 1;
  std::vector<size_t> d((x.size() + 1) * cols);
  for (size_t i = 0; i <= x.size(); ++i) d[i * cols] = i;
  for (size_t j = 0; j <= y.size(); ++j) d[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      const size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      size_t best = std::min(
          {d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        best = std::min(best, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[x.size() * cols + y.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
  const size_t limit = std::max<size_t>(1, count_chars(word) / 3);
  std::string best;
  size_t best_distance = limit + 1;
  const size_t word_chars = count_chars(word);
  for (const std::string& c : candidates) {
    // The distance is at least the difference in length: skip early.
    const size_t c_chars = count_chars(c);
    const size_t gap = c_chars > word_chars ? c_chars - word_chars : word_chars - c_chars;
    if (gap > limit)
      continue;
    const size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string_view without_final_line_breaks(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += sep;
    out += items[i];
  }
  return out;
}

}  // namespace plan
