// term.cpp: terminal size, colour decision and display width.
#include "plan/term.h"

#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <vector>

#include "plan/text.h"

namespace plan {

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

Terminal detect_terminal(int fd, std::optional<int> width, ColorMode mode) {
  Terminal t;
  const bool tty = ::isatty(fd) == 1;
  if (width) {
    t.width = *width;
  } else {
    struct winsize ws {};
    if (tty && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
      t.width = ws.ws_col;
    } else if (const char* cols = std::getenv("COLUMNS")) {
      const int n = std::atoi(cols);
      if (n > 0)
        t.width = n;
    }
  }
  // Views need some room; a narrower terminal wraps rather than garbles.
  t.width = std::max(t.width, kMinWidth);
  const char* no_color = std::getenv("NO_COLOR");
  switch (mode) {
  case ColorMode::always:
    t.color = true;
    break;
  case ColorMode::never:
    t.color = false;
    break;
  case ColorMode::auto_:
    t.color = tty && (no_color == nullptr || *no_color == '\0');
    break;
  }
  return t;
}

namespace {

// Decodes one code point at i; invalid bytes count as one column each.
utf8proc_int32_t next_cp(std::string_view s, size_t* i) {
  utf8proc_int32_t cp = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data() + *i);
  utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(s.size() - *i), &cp);
  if (n <= 0) {
    cp = 0xFFFD;
    n = 1;
  }
  *i += static_cast<size_t>(n);
  return cp;
}

// The length of the CSI sequence (ESC [ ... final byte) at i, or 0.
size_t csi_length(std::string_view s, size_t i) {
  if (s[i] != '\x1b' || i + 1 >= s.size() || s[i + 1] != '[')
    return 0;
  size_t j = i + 2;
  while (j < s.size() && !(s[j] >= 0x40 && s[j] <= 0x7E)) ++j;
  return std::min(j + 1, s.size()) - i;
}

int cp_width(utf8proc_int32_t cp) {
  if (cp < 0x80)
    return cp >= 0x20 && cp != 0x7F ? 1 : 0;
  return utf8proc_charwidth(cp);
}

// What one_line folds into a space, and the blanks it and wrap skip.
bool breaks_line(char c) { return c == '\n' || c == '\r' || c == '\t'; }
bool is_blank(char c) { return c == ' ' || breaks_line(c); }
bool has_line_breaks(std::string_view text) {
  return std::any_of(text.begin(), text.end(), breaks_line);
}

}  // namespace

int display_width(std::string_view text) {
  // Measured as truncate and the views show it: on one line.
  if (has_line_breaks(text))
    return display_width(one_line(text));
  int w = 0;
  size_t i = 0;
  while (i < text.size()) {
    // A colour sequence (ESC [ ... letter) takes no room on the screen.
    if (const size_t n = csi_length(text, i)) {
      i += n;
      continue;
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      w += cp_width(static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    w += cp_width(next_cp(text, &i));
  }
  return w;
}

namespace {

// One piece of a text being cut: a CSI sequence, or a character with the
// combining marks that follow it counted apart (each its own piece).
struct Piece {
  std::string_view bytes;
  bool sequence = false;
  char32_t code = 0;  // the character, when not a sequence
};

// The pieces of text that fit in width columns: every character up to the
// first that does not fit, and every sequence before it.
std::vector<Piece> pieces_within(std::string_view text, int width) {
  std::vector<Piece> out;
  int w = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = i;
    if (const size_t n = csi_length(text, i)) {
      out.push_back({text.substr(at, n), true});
      i += n;
      continue;
    }
    const utf8proc_int32_t cp = next_cp(text, &i);
    const int cw = cp_width(cp);
    if (w + cw > width)
      break;
    w += cw;
    out.push_back({text.substr(at, i - at), false, static_cast<char32_t>(cp)});
  }
  return out;
}

// What must not end a cut text, just before its "…": a space, and the
// zero-width marks and joiners that act on the character after them, which
// would then be the "…" and the column beside it. LRM, RLM and ALM are
// strong characters, not openers: they need no closing, but at the end of
// a cut they would set the direction of what follows instead of the text
// they were written for.
bool dangles_at_cut(char32_t c) {
  return c == ' ' || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F || c == 0x061C;
}

// Drops the characters that dangle at the end, keeping the sequences
// among them (a colour's reset).
void drop_dangling(std::vector<Piece>* kept) {
  auto it = kept->end();
  while (it != kept->begin()) {
    --it;
    if (it->sequence)
      continue;
    if (!dangles_at_cut(it->code))
      break;
    it = kept->erase(it);
  }
}

bool is_embedding(char32_t c) { return c >= 0x202A && c <= 0x202E && c != 0x202C; }
bool is_isolate(char32_t c) { return c >= 0x2066 && c <= 0x2068; }

// The bidirectional embeddings (LRE, RLE, LRO, RLO) and isolates (LRI, RLI,
// FSI) that c leaves open, innermost last, as the Unicode Bidirectional
// Algorithm pairs them: PDF closes the last embedding, PDI the last
// isolate and whatever was opened inside it.
void track_bidi(std::vector<char32_t>* open, char32_t c) {
  if (is_embedding(c) || is_isolate(c)) {
    open->push_back(c);
  } else if (c == 0x202C && !open->empty() && is_embedding(open->back())) {
    open->pop_back();
  } else if (c == 0x2069) {
    const auto isolate = std::find_if(open->rbegin(), open->rend(), is_isolate);
    if (isolate != open->rend())
      open->erase(std::next(isolate).base(), open->end());
  }
}

// The kept pieces, the ellipsis, and what closes what they left open: a
// PDF or PDI for each embedding or isolate, and a reset after a colour.
std::string close_cut(const std::vector<Piece>& kept) {
  std::string out;
  bool colour = false;
  std::vector<char32_t> bidi;
  for (const Piece& p : kept) {
    out.append(p.bytes);
    if (!p.sequence) {
      track_bidi(&bidi, p.code);
    } else if (p.bytes.back() == 'm') {
      colour = p.bytes != "\x1b[m" && p.bytes != "\x1b[0m";
    }
  }
  out += "…";
  for (auto it = bidi.rbegin(); it != bidi.rend(); ++it) {
    out += is_isolate(*it) ? "\xE2\x81\xA9" : "\xE2\x80\xAC";  // PDI, PDF
  }
  if (colour)
    out += "\x1b[0m";
  return out;
}

}  // namespace

std::string truncate(std::string_view text, int width) {
  if (width <= 0)
    return {};
  // What is cut to a width is one line: a line break or tab would break it.
  if (has_line_breaks(text))
    return truncate(one_line(text), width);
  if (display_width(text) <= width)
    return std::string(text);
  // Whole characters (and their combining marks) within width - 1, then the
  // ellipsis; a colour or direction the cut leaves open is closed after it.
  std::vector<Piece> kept = pieces_within(text, width - 1);
  drop_dangling(&kept);
  return close_cut(kept);
}

std::string pad_right(std::string_view text, int width) {
  std::string out(text);
  const int w = display_width(text);
  if (w < width)
    out.append(static_cast<size_t>(width - w), ' ');
  return out;
}

std::string pad_left(std::string_view text, int width) {
  const int w = display_width(text);
  std::string out;
  if (w < width)
    out.append(static_cast<size_t>(width - w), ' ');
  out += text;
  return out;
}

std::string paint(const Terminal& term, Style style, std::string_view text) {
  if (!term.color)
    return std::string(text);
  const char* code = "";
  switch (style) {
  case Style::bold:
    code = "1";
    break;
  case Style::dim:
    code = "2";
    break;
  case Style::red:
    code = "31";
    break;
  case Style::yellow:
    code = "33";
    break;
  case Style::green:
    code = "32";
    break;
  case Style::blue:
    code = "34";
    break;
  case Style::cyan:
    code = "36";
    break;
  case Style::magenta:
    code = "35";
    break;
  }
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

}  // namespace plan

namespace plan {

std::string one_line(std::string_view text) {
  if (!has_line_breaks(text))
    return std::string(text);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (!is_blank(text[i])) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    bool has_break = false;
    while (j < text.size() && is_blank(text[j])) has_break |= breaks_line(text[j++]);
    if (!has_break) {
      out.append(text.substr(i, j - i));  // spaces alone are kept as written
    } else if (i > 0 && j < text.size()) {
      out += ' ';
    }
    i = j;
  }
  return out;
}

std::vector<std::string> wrap(std::string_view text, int width) {
  std::vector<std::string> lines;
  std::string line;
  int line_w = 0;
  size_t i = 0;
  width = std::max(width, 1);
  while (i < text.size()) {
    while (i < text.size() && is_blank(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !is_blank(text[j])) ++j;
    if (j == i)
      break;
    std::string word(text.substr(i, j - i));
    i = j;
    int w = display_width(word);
    if (w > width) {
      word = truncate(word, width);
      w = display_width(word);
    }
    if (!line.empty() && line_w + 1 + w > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_w = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_w;
    }
    line += word;
    line_w += w;
  }
  if (!line.empty())
    lines.push_back(std::move(line));
  return lines;
}

namespace {

std::string utf8(char32_t c) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace

std::string visible_text(std::string_view text) {
  const std::string valid = valid_utf8(text);  // stray bytes become U+FFFD
  std::string_view rest = valid;
  std::string out;
  out.reserve(rest.size());
  // Tab and line feed pass find_bad_char (plan text may hold them); a
  // person must still see them.
  auto append = [&out](std::string_view ok) {
    for (char ch : ok) {
      if (ch == '\t' || ch == '\n') {
        out += utf8(0x2400 + static_cast<char32_t>(ch));
      } else {
        out += ch;
      }
    }
  };
  for (BadChar c = find_bad_char(rest, false); c.offset != std::string_view::npos;
       c = find_bad_char(rest, false)) {
    append(rest.substr(0, c.offset));
    out += utf8(c.code < 0x20 ? 0x2400 + c.code : c.code == 0x7F ? 0x2421 : 0xFFFD);
    rest.remove_prefix(c.offset + utf8(c.code).size());
  }
  append(rest);
  return out;
}

}  // namespace plan
