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

size_t yaml_quote_end(std::string_view text, size_t open) {
  const char q = text[open];
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return std::string_view::npos;
}

namespace {

// In flow context a quote opens a quoted value only where a value can
// start (after '[', '{', ',' or ':'); elsewhere it is plain text, as in
// `note: 5" disk`.
bool starts_flow_value(std::string_view text, size_t open, size_t i) {
  while (i > open && std::isspace(static_cast<unsigned char>(text[i - 1]))) --i;
  return i == open || std::string_view("[{,:").find(text[i - 1]) != std::string_view::npos;
}

}  // namespace

size_t yaml_flow_end(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '"' || c == '\'') && starts_flow_value(text, open, i)) {
      const size_t end = yaml_quote_end(text, i);
      if (end == std::string_view::npos)
        return end;
      i = end - 1;
    } else if (c == '#' && i > 0 && std::isspace(static_cast<unsigned char>(text[i - 1]))) {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0)
        return i;
    }
  }
  return std::string_view::npos;
}

YamlKey yaml_key(std::string_view text, size_t key, bool flow) {
  auto at = [&](size_t i) { return i < text.size() ? text[i] : '\0'; };
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  auto ends_flow = [&](char c) { return flow && (c == ',' || c == '}' || c == ']'); };
  size_t i = key;
  if (at(key) == '"' || at(key) == '\'') {
    i = yaml_quote_end(text, key);
    if (i == std::string_view::npos)
      return {i, i};
  } else {
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\n' || c == '\r' || ends_flow(c))
        break;
      if (c == '#' && i > key && blank(text[i - 1]))
        break;
      if (c != ':')
        continue;
      const char next = at(i + 1);
      if (blank(next) || next == '\n' || next == '\r' || next == '\0' || ends_flow(next))
        break;
    }
  }
  size_t end = i;
  while (blank(at(i))) ++i;
  if (at(i) == ':')
    return {end, i};
  while (end > key && blank(text[end - 1])) --end;
  return {end, std::string_view::npos};
}

size_t next_line_start(std::string_view text, size_t off) {
  const size_t nl = text.find('\n', off);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

size_t line_indent(std::string_view text, size_t line_start) {
  size_t i = line_start;
  while (i < text.size() && text[i] == ' ') ++i;
  return i - line_start;
}

bool is_blank_line(std::string_view text, size_t line_start) {
  size_t i = line_start;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i == text.size() || text[i] == '\n' || text[i] == '\r';
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
