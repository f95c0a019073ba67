// yaml/source.cpp: scanning YAML text for what yaml-cpp does not say.
#include "yaml/source.h"

#include <algorithm>
#include <cctype>

namespace plan::yaml {

namespace {

bool blank_char(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// In flow context a quote opens a quoted value only where a value can
// start (after '[', '{', ',' or ':'); elsewhere it is plain text, as in
// `note: 5" disk`.
bool starts_flow_value(std::string_view text, size_t open, size_t i) {
  while (i > open && is_space(text[i - 1])) --i;
  return i == open || std::string_view("[{,:").find(text[i - 1]) != std::string_view::npos;
}

}  // namespace

size_t quote_end(std::string_view text, size_t open) {
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

size_t flow_end(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '"' || c == '\'') && starts_flow_value(text, open, i)) {
      const size_t end = quote_end(text, i);
      if (end == std::string_view::npos)
        return end;
      i = end - 1;
    } else if (c == '#' && i > 0 && is_space(text[i - 1])) {
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

namespace {

// Where a plain key that starts at `key` ends: at a ':' followed by a
// blank or the line's end, at the end of its line, at a comment, and in
// flow at ',', '}' or ']'.
size_t plain_key_end(std::string_view text, size_t key, bool flow) {
  auto at = [&](size_t i) { return i < text.size() ? text[i] : '\0'; };
  auto ends_flow = [&](char c) { return flow && (c == ',' || c == '}' || c == ']'); };
  size_t i = key;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r' || ends_flow(c))
      break;
    if (c == '#' && i > key && blank_char(text[i - 1]))
      break;
    if (c != ':')
      continue;
    const char next = at(i + 1);
    if (blank_char(next) || next == '\n' || next == '\r' || next == '\0' || ends_flow(next))
      break;
  }
  return i;
}

}  // namespace

Key key_at(std::string_view text, size_t key, bool flow) {
  auto at = [&](size_t i) { return i < text.size() ? text[i] : '\0'; };
  size_t i = key;
  if (at(key) == '"' || at(key) == '\'') {
    i = quote_end(text, key);
    if (i == std::string_view::npos)
      return {i, i};
  } else {
    i = plain_key_end(text, key, flow);
  }
  size_t end = i;
  while (blank_char(at(i))) ++i;
  if (at(i) == ':')
    return {end, i};
  while (end > key && blank_char(text[end - 1])) --end;
  return {end, std::string_view::npos};
}

std::string_view plain_around(std::string_view text, size_t at) {
  size_t from = at;
  while (from > 0) {
    const char c = text[from - 1];
    if (c == ',' || c == '[' || c == '{' || c == '\n' ||
        (c == ':' && from < text.size() && (text[from] == ' ' || text[from] == '\t')))
      break;
    --from;
  }
  size_t to = text.find_first_of(",]}\r\n", at);
  if (to == std::string_view::npos)
    to = text.size();
  std::string_view v = text.substr(from, to - from);
  const size_t first = v.find_first_not_of(" \t");
  if (first == std::string_view::npos)
    return {};
  v.remove_prefix(first);
  return v.substr(0, v.find_last_not_of(" \t") + 1);
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
  while (i < text.size() && blank_char(text[i])) ++i;
  return i == text.size() || text[i] == '\n' || text[i] == '\r';
}

size_t directive_line(std::string_view text, size_t from, size_t to) {
  const std::string_view range = text.substr(0, std::min(to, text.size()));
  size_t line = from;
  while (line < range.size()) {
    // (`from` may be inside a line: its first column is before the range.)
    if (range[line] == '%' && (line == 0 || range[line - 1] == '\n'))
      return line;
    line = range.find('\n', line);
    if (line == std::string_view::npos)
      break;
    ++line;
  }
  return std::string_view::npos;
}

size_t prologue_end(std::string_view text, size_t from) {
  size_t line = from;
  while (line < text.size()) {
    const size_t content = line + line_indent(text, line);
    if (!is_blank_line(text, line) && text[content] != '#' && text[line] != '%')
      break;
    line = next_line_start(text, line);
  }
  return line;
}

std::string_view directive_text(std::string_view text, size_t line_start) {
  size_t end = text.find_first_of("\r\n", line_start);
  if (end == std::string_view::npos)
    end = text.size();
  // A comment starts at a '#' after a blank.
  for (size_t i = line_start + 1; i < end; ++i) {
    if (text[i] == '#' && blank_char(text[i - 1])) {
      end = i;
      break;
    }
  }
  while (end > line_start + 1 && blank_char(text[end - 1])) --end;
  return text.substr(line_start, end - line_start);
}

size_t block_scalar_end(std::string_view text, size_t at, size_t parent) {
  size_t digit = 0;
  for (size_t i = at + 1; i < text.size() && i < at + 3; ++i) {
    if (text[i] >= '1' && text[i] <= '9')
      digit = static_cast<size_t>(text[i] - '0');
  }
  size_t content = 0;  // the indentation of its lines
  size_t end = at + 1;
  for (size_t line = next_line_start(text, at); line < text.size();
       line = next_line_start(text, line)) {
    if (is_blank_line(text, line))
      continue;
    const size_t ind = line_indent(text, line);
    if (content == 0)
      content = digit != 0 ? parent + digit : ind;
    if (ind < content || ind <= parent)
      break;
    const size_t e = text.find('\n', line);
    end = e == std::string_view::npos ? text.size() : e;
  }
  return end;
}

// ---------------------------------------------------------------------------

Source::Source(const std::string& s) : s_(s) {
  const size_t nl = s.find('\n');
  eol_ = nl != std::string::npos && nl > 0 && s[nl - 1] == '\r' ? "\r\n" : "\n";
}

size_t Source::line_start(size_t off) const {
  if (off == 0)
    return 0;
  const size_t nl = s_.rfind('\n', off - 1);
  return nl == std::string::npos ? 0 : nl + 1;
}

size_t Source::line_end(size_t off) const {
  size_t nl = s_.find('\n', off);
  if (nl == std::string::npos)
    nl = s_.size();
  if (nl > off && s_[nl - 1] == '\r')
    --nl;
  return nl;
}

size_t Source::content(size_t ls) const {
  size_t i = ls;
  while (i < s_.size() && blank_char(s_[i])) ++i;
  return i;
}

bool Source::starts_line(size_t off) const {
  const size_t ls = line_start(off);
  return ls + static_cast<size_t>(indent(ls)) == off;
}

size_t Source::value_end(size_t off, bool flow) const {
  const char q = at(off);
  if (q == '"' || q == '\'') {
    const size_t end = quote_end(s_, off);
    return end == std::string::npos ? s_.size() : end;
  }
  size_t i = off;
  const size_t end = line_end(off);
  while (i < end) {
    const char c = s_[i];
    if (flow && (c == ',' || c == '}' || c == ']'))
      break;
    if (c == '#' && i > off && blank_char(s_[i - 1]))
      break;
    ++i;
  }
  while (i > off && blank_char(s_[i - 1])) --i;
  return i;
}

bool Source::block_scalar_at(size_t off, bool flow) const {
  return !flow && (at(off) == '|' || at(off) == '>');
}

size_t Source::header_end(size_t off) const {
  size_t i = off + 1;
  while (at(i) == '+' || at(i) == '-' || (at(i) >= '0' && at(i) <= '9')) ++i;
  return i;
}

size_t Source::block_scalar_end_of(size_t key, size_t off) const {
  return std::max(header_end(off), block_scalar_end(s_, off, static_cast<size_t>(column(key))));
}

size_t Source::trim_back(size_t end) const {
  while (end > 0 && is_space(s_[end - 1])) --end;
  return end;
}

size_t Source::flow_content_end(size_t open, size_t before) const {
  size_t last = open + 1;
  for (size_t i = open + 1; i < before && i < s_.size(); ++i) {
    const char c = s_[i];
    if (is_space(c))
      continue;
    if (c == '#' && is_space(s_[i - 1])) {
      i = line_end(i) - 1;
      continue;
    }
    size_t end = i + 1;  // just after this token
    if ((c == '"' || c == '\'') && starts_flow_value(s_, open, i)) {
      end = quote_end(s_, i);
    } else if (c == '[' || c == '{') {
      end = flow_end(s_, i);
      end = end == std::string::npos ? end : end + 1;
    }
    if (end == std::string::npos)
      break;  // never closed: a text the loader refuses
    last = end;
    i = end - 1;
  }
  return last;
}

Source::FlowTail Source::flow_tail(size_t open, size_t before) const {
  const size_t last = flow_content_end(open, std::min(before, flow_close(open)));
  const char c = s_[last - 1];
  return {last, c == '[' || c == '{', c == ',', c == ':'};
}

size_t Source::entry_dash(size_t key) const {
  size_t ls = line_start(key);
  if (!starts_line(key)) {
    size_t at = key;
    while (at > ls && s_[at] != '-') --at;
    return s_[at] == '-' ? at : std::string::npos;
  }
  while (ls > 0) {
    ls = line_start(ls - 1);
    if (is_blank(ls) || is_comment(ls))
      continue;
    const size_t dash = content(ls);
    size_t after = dash + 1;
    while (blank_char(at(after))) ++after;
    const bool alone = after == line_end(dash) || (at(after) == '#' && after > dash + 1);
    return at(dash) == '-' && alone ? dash : std::string::npos;
  }
  return std::string::npos;
}

Source::Span Source::flow_item(size_t open, size_t key, size_t value_end) const {
  const size_t from = flow_content_end(open, key);
  if (s_[from - 1] == ',' && line_start(key) < from)
    return {from - 1, value_end};
  // The first item, or one on a line of its own (with a comment perhaps
  // between it and the ',' before it, kept): it goes with the ',' after it,
  // past blanks, line ends and comments, and with the blanks after that
  // ',' unless a comment follows them. The last one on a line of its own
  // leaves the ',' before it as a trailing comma.
  size_t to = value_end;
  while (to < s_.size() && (is_space(s_[to]) || s_[to] == '#'))
    to = s_[to] == '#' ? line_end(to) : to + 1;
  Span span{key, value_end};
  if (at(to) == ',') {
    size_t after = to + 1;
    while (blank_char(at(after))) ++after;
    span.to = at(after) == '#' ? to + 1 : after;
  }
  // An item that was all its line holds takes the line with it.
  const size_t ls = line_start(key);
  if (starts_line(key) && line_start(span.to) == ls && content(span.to) == line_end(span.to))
    return {ls, next_line(span.to)};
  return span;
}

Source::AfterKey Source::after_key(size_t key, bool flow) const {
  const Key k = key_at(s_, key, flow);
  if (k.colon != std::string_view::npos)
    return {k.colon + 1, true};
  return {std::min(k.end, s_.size()), false};
}

// Past blanks, comments and line ends after a key's ':' to where its value
// starts; npos when a block key's value is nothing (the next content line
// is indented no deeper than the key).
size_t Source::explicit_null_start(size_t after_colon, int key_column, bool flow) const {
  size_t v = after_colon;
  for (;;) {
    while (blank_char(at(v))) ++v;
    if (at(v) == '#')
      v = line_end(v);
    if (at(v) != '\n' && at(v) != '\r')
      return v;
    v = next_line(v);
    if (!flow && !is_blank(v) && !is_comment(v) && indent(v) <= key_column)
      return std::string::npos;
  }
}

Source::NullValue Source::null_value(size_t key, bool flow) const {
  const AfterKey k = after_key(key, flow);
  const NullValue nothing{k.at, k.at, false};
  if (!k.colon)
    return nothing;
  const size_t v = explicit_null_start(k.at, column(key), flow);
  if (v == std::string::npos)
    return nothing;
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (s_.compare(v, word.size(), word) != 0)
      continue;
    const char after = at(v + word.size());
    if (blank_char(after) || after == '\n' || after == '\r' || after == '\0' ||
        (flow && (after == ',' || after == '}' || after == ']'))) {
      return {v, v + word.size(), true};
    }
  }
  return nothing;
}

}  // namespace plan::yaml
