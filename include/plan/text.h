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

// Number of code points in text.
size_t count_chars(std::string_view text);

// Edit distance over code points (insert, delete, replace, swap two
// neighbours), case-insensitive for ASCII.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to word, if it is near enough to be a plausible
// typo (distance at most a third of the word's length, at least 1); "" when
// none is.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// YAML text scanning that the loader and the editor share (yaml-cpp gives
// where a value starts, not where it ends).
//
// The offset just after the quote that closes the quoted value opened at
// `open` ('"' with backslash escapes, '\'' with '' doubled), or npos.
size_t yaml_quote_end(std::string_view text, size_t open);
// The offset of the bracket that closes the flow collection opened at
// `open` ('[' or '{'), past quoted values and comments, or npos.
size_t yaml_flow_end(std::string_view text, size_t open);

// The key that starts at `key`: where it ends, and the offset of the ':'
// after it (npos when there is none). A quoted key ends at its closing
// quote (end is npos when it never closes); a plain one at a ':' followed
// by a blank or the line's end, at the end of its line, at a comment, and
// in flow at ',', '}' or ']'.
struct YamlKey {
  size_t end;
  size_t colon;
};
YamlKey yaml_key(std::string_view text, size_t key, bool flow);

// Lines, by the offset where they start: the start of the line after the
// one holding `off` (or the text's end); the spaces that indent a line
// (YAML indents with spaces only); whether it holds only spaces and tabs.
size_t next_line_start(std::string_view text, size_t off);
size_t line_indent(std::string_view text, size_t line_start);
bool is_blank_line(std::string_view text, size_t line_start);

// The text without the line breaks it ends with: a YAML block scalar
// (| or >) keeps one, which no title, name or note means.
std::string_view without_final_line_breaks(std::string_view text);

// "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view sep);

}  // namespace plan
