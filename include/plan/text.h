// text.h: UTF-8 checks and "did you mean" suggestions.
//
// Owns byte-level facts about text (is it UTF-8, which column is a byte in)
// and the nearest-name search behind hints. Display width on a terminal is
// term.h's business, not this file's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plan {

// Offset of the first byte that is not valid UTF-8, or npos.
size_t find_invalid_utf8(std::string_view text);
// The text with each byte that is not part of valid UTF-8 replaced by
// U+FFFD: for messages from libraries, which may cut a character in two.
std::string valid_utf8(std::string_view text);

// Characters no plan text may hold, because they act on the terminal,
// page or spreadsheet that shows the text instead of being shown: C0
// controls (but tab and line feed, and in a file's bytes the carriage
// return of CRLF), DEL, C1 controls (U+0080-U+009F), the bidirectional
// overrides and isolates of the "Trojan Source" attack (U+202A-U+202E,
// U+2066-U+2069), and Unicode's noncharacters (U+FDD0-U+FDEF, U+xFFFE,
// U+xFFFF), which YAML forbids.
enum class CharProblem { none, control, bidi, noncharacter };
struct BadChar {
  size_t offset = std::string_view::npos;  // npos: none found
  char32_t code = 0;
  CharProblem problem = CharProblem::none;
};
// The first such character of valid UTF-8 text; allow_cr lets a carriage
// return through (a file's line ends are checked apart).
BadChar find_bad_char(std::string_view text, bool allow_cr);

// Number of code points in text.
size_t count_chars(std::string_view text);

// Edit distance over code points (insert, delete, replace, swap two
// neighbours), case-insensitive for ASCII.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to word, if it is near enough to be a plausible
// typo (distance at most a third of the word's length, at least 1); "" when
// none is.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// The text without the line breaks it ends with: a YAML block scalar
// (| or >) keeps one, which no title, name or note means.
std::string_view without_final_line_breaks(std::string_view text);

// "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view sep);

}  // namespace plan
