// text_test.cpp: UTF-8 checks, edit distance and "did you mean" of text.h.
#include "plan/text.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plan {
namespace {

constexpr size_t npos = std::string_view::npos;

TEST_CASE("edit_distance counts single-character edits", "[text]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("flaw", "lawn") == 2);
  CHECK(edit_distance("owners", "owner") == 1);   // delete
  CHECK(edit_distance("lead", "leads") == 1);     // insert
  CHECK(edit_distance("status", "statos") == 1);  // replace
}

TEST_CASE("edit_distance counts a swap of neighbours as one edit", "[text]") {
  CHECK(edit_distance("titel", "title") == 1);
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("SGE", "SEG") == 1);
  // Not neighbours: two replacements.
  CHECK(edit_distance("abc", "cba") == 2);
}

TEST_CASE("edit_distance ignores ASCII case only", "[text]") {
  CHECK(edit_distance("TITLE", "title") == 0);
  CHECK(edit_distance("Epc", "EPC") == 0);
  CHECK(edit_distance("Planeación", "planeación") == 0);
  // Case folding is for ASCII: Á and á are different code points.
  CHECK(edit_distance("Áreas", "áreas") == 1);
}

TEST_CASE("edit_distance works over code points, not bytes", "[text]") {
  CHECK(edit_distance("Planeación", "Planeacion") == 1);  // ó is 2 bytes
  CHECK(edit_distance("Ñandú", "Nandu") == 2);
  CHECK(edit_distance("日本", "日本語") == 1);  // 3 bytes, one character
  CHECK(edit_distance("😀", "") == 1);
}

TEST_CASE("nearest finds a plausible typo", "[text]") {
  const std::vector<std::string> keys = {"id", "title", "entity", "period"};
  CHECK(nearest("titel", keys) == "title");
  CHECK(nearest("tittle", keys) == "title");
  CHECK(nearest("TITLE", keys) == "title");
  CHECK(nearest("perido", keys) == "period");
  CHECK(nearest("EPX", {"SG", "EPC"}) == "EPC");
  CHECK(nearest("bloqued", {"blocked", "cancelled"}) == "blocked");
}

TEST_CASE("nearest returns nothing when every candidate is too far", "[text]") {
  const std::vector<std::string> keys = {"id", "title", "entity", "period"};
  CHECK(nearest("colour", keys) == "");
  CHECK(nearest("xyz", keys) == "");
  CHECK(nearest("anything", {}) == "");
  // A 6-letter word may be 2 edits away, a 5-letter one only 1.
  CHECK(nearest("stotas", {"status"}) == "status");
  CHECK(nearest("stotw", {"statu"}) == "");
  // Short words still allow one edit.
  CHECK(nearest("SX", {"SG"}) == "SG");
  CHECK(nearest("XY", {"SG"}) == "");
}

TEST_CASE("nearest prefers the closest, then the first", "[text]") {
  CHECK(nearest("progres", {"process", "progress"}) == "progress");
  CHECK(nearest("abcd", {"abcx", "abcy"}) == "abcx");
  // An exact match wins over a near one.
  CHECK(nearest("leads", {"lead", "leads"}) == "leads");
}

TEST_CASE("find_invalid_utf8 accepts valid text", "[text]") {
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("plain ASCII\n") == npos);
  CHECK(find_invalid_utf8("Planeación") == npos);
  CHECK(find_invalid_utf8("日本") == npos);
  CHECK(find_invalid_utf8("€ 😀") == npos);
  CHECK(find_invalid_utf8("\xEF\xBB\xBF"
                          "bom") == npos);
}

TEST_CASE("find_invalid_utf8 finds the first bad byte", "[text]") {
  CHECK(find_invalid_utf8("ab\xFF"
                          "cd") == 2);
  CHECK(find_invalid_utf8("\x80") == 0);              // lone continuation
  CHECK(find_invalid_utf8("ñ\xFF") == 2);             // after a 2-byte char
  CHECK(find_invalid_utf8("Divulg\xE1r") == 6);       // Latin-1 á
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);          // overlong '/'
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);      // UTF-16 surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("ok \xFE") == 3);
}

TEST_CASE("find_invalid_utf8 finds truncated sequences", "[text]") {
  CHECK(find_invalid_utf8("abc\xC3") == 3);        // 2-byte lead at the end
  CHECK(find_invalid_utf8("\xE2\x82") == 0);       // € missing its last byte
  CHECK(find_invalid_utf8("x\xF0\x9F\x98") == 1);  // 😀 missing its last byte
  CHECK(find_invalid_utf8("\xE2\x82"
                          "A") == 0);  // cut short by ASCII
}

TEST_CASE("count_chars counts code points", "[text]") {
  CHECK(count_chars("") == 0);
  CHECK(count_chars("abc") == 3);
  CHECK(count_chars("Planeación") == 10);
  CHECK(count_chars("Ñandú") == 5);
  CHECK(count_chars("日本") == 2);
  CHECK(count_chars("😀") == 1);
  CHECK(count_chars("e\xCC\x81") == 2);  // e + combining acute: two code points
}

TEST_CASE("join puts the separator between items", "[text]") {
  CHECK(join({}, ", ") == "");
  CHECK(join({"a"}, ", ") == "a");
  CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(join({"SG", "EPC"}, " → ") == "SG → EPC");
}

}  // namespace
}  // namespace plan

namespace plan {

TEST_CASE("valid_utf8 replaces each stray byte with U+FFFD and keeps the rest", "[text]") {
  CHECK(valid_utf8("ñandú") == "ñandú");
  CHECK(valid_utf8("escape: \xC3") == "escape: \xEF\xBF\xBD");
  CHECK(valid_utf8("a\xFF"
                   "b\xF0\x9F"
                   "c") ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD\xEF\xBF\xBD"
        "c");
  CHECK(valid_utf8("") == "");
}

}  // namespace plan

namespace plan {
namespace {

TEST_CASE("find_bad_char finds what a terminal or page would act on", "[text]") {
  auto first = [](std::string_view text, bool allow_cr = false) {
    const BadChar c = find_bad_char(text, allow_cr);
    return std::make_pair(c.offset, static_cast<uint32_t>(c.code));
  };
  CHECK(first("plain text, tildes: áéíóú ñ, emoji 🎉, tab\tand\nline").first == npos);
  CHECK(first("a\x1b[2J") == std::make_pair(size_t{1}, uint32_t{0x1B}));
  CHECK(first("a\x7F") == std::make_pair(size_t{1}, uint32_t{0x7F}));
  CHECK(first("ab\xC2\x9B") == std::make_pair(size_t{2}, uint32_t{0x9B}));  // C1 CSI
  CHECK(first("a\r\n") == std::make_pair(size_t{1}, uint32_t{0x0D}));
  CHECK(first("a\r\n", true).first == npos);                                  // a file's CRLF
  CHECK(find_bad_char("x\xE2\x80\xAE", false).problem == CharProblem::bidi);  // U+202E
  CHECK(find_bad_char("x\xE2\x81\xA6", false).problem == CharProblem::bidi);  // U+2066
  CHECK(find_bad_char("\xEF\xBF\xBF", false).problem == CharProblem::noncharacter);  // U+FFFF
  CHECK(find_bad_char("\xEF\xB7\x90", false).problem == CharProblem::noncharacter);  // U+FDD0
  CHECK(find_bad_char("\xF0\x9F\xBF\xBE", false).problem == CharProblem::noncharacter);
  // Marks that only set a direction, and other format characters, are text.
  CHECK(first("\xE2\x80\x8F \xE2\x80\x8E \xE2\x80\x8B").first == npos);  // RLM LRM ZWSP
  CHECK(first("\xE2\x80\xA8").first == npos);  // LINE SEPARATOR: a break, not a control
}

}  // namespace
}  // namespace plan
