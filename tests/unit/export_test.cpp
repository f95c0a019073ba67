// Tests of render/export.h: the escaping of plan text in Markdown and CSV.
// tests/export/check_hostile.py reads whole exports back with cmark-gfm and
// Python's csv; these pin the rules one character at a time.
#include "plan/render/export.h"

#include <catch2/catch.hpp>
#include <string>

using namespace plan;

namespace {

const std::string kWordJoiner = "\xE2\x81\xA0";  // U+2060

}  // namespace

TEST_CASE("markdown_cell escapes inline markup and raw HTML", "[export]") {
  CHECK(markdown_cell("plain text, ñandú (1)!") == "plain text, ñandú (1)!");
  CHECK(markdown_cell("**b** _i_ `c` ~~s~~") == "\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~");
  CHECK(markdown_cell("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
  CHECK(markdown_cell("<b> &amp; a|b # h \\") == "\\<b\\> \\&amp; a\\|b \\# h \\\\");
}

TEST_CASE("markdown_cell escapes every '$', which GitHub reads as math", "[export]") {
  CHECK(markdown_cell("$x^2$") == "\\$x^2\\$");
  CHECK(markdown_cell("$$y$$ costs $5") == "\\$\\$y\\$\\$ costs \\$5");
  CHECK(markdown_cell("\\$") == "\\\\\\$");
}

TEST_CASE("markdown_cell escapes what opens a block only where the text starts", "[export]") {
  CHECK(markdown_cell("- a - b") == "\\- a - b");
  CHECK(markdown_cell("+ a") == "\\+ a");
  CHECK(markdown_cell("=== a") == "\\=== a");
  CHECK(markdown_cell("> a > b") == "\\> a \\> b");
  CHECK(markdown_cell("1. a 2. b") == "1\\. a 2. b");
  CHECK(markdown_cell("12) a") == "12\\) a");
  CHECK(markdown_cell("a-b") == "a-b");
}

TEST_CASE("markdown_cell drops leading blanks and keeps the text on one line", "[export]") {
  // Four spaces at the start of a line would open a code block.
  CHECK(markdown_cell("    code?") == "code?");
  CHECK(markdown_cell(" \t\n - a") == "\\- a");
  CHECK(markdown_cell("a\n\n# b\tc\r\n") == "a  \\# b c  ");
}

TEST_CASE("markdown_cell keeps GFM from making links of addresses in the text", "[export]") {
  // Extended autolinks: "www." and "scheme://" are broken by a backslash.
  CHECK(markdown_cell("see www.example.org") == "see www\\.example.org");
  CHECK(markdown_cell("WWW.example.org") == "WWW\\.example.org");
  CHECK(markdown_cell("http://x.org https://y.org ftp://z.org") ==
        "http\\://x.org https\\://y.org ftp\\://z.org");
  CHECK(markdown_cell("a: b, c:d") == "a: b, c:d");
  // An e-mail address is found after escapes are read: a word joiner
  // before its '@' keeps it text.
  CHECK(markdown_cell("x.y@example.org") == "x.y" + kWordJoiner + "@example.org");
  CHECK(markdown_cell("mailto:a_b@c.org") == "mailto:a\\_b" + kWordJoiner + "@c.org");
  // An '@' that follows no address character is left alone.
  CHECK(markdown_cell("@SUM(1) a @ b") == "@SUM(1) a @ b");
}

TEST_CASE("markdown_link makes links of http(s) addresses only", "[export]") {
  CHECK(markdown_link("🔗", "https://example.org/a b(c)") ==
        "[🔗](https://example.org/a%20b%28c%29)");
  CHECK(markdown_link("🔗", "javascript:alert(1)") == "javascript:alert(1)");
  CHECK(markdown_link("🔗", "www.example.org/a") == "www\\.example.org/a");
  CHECK(markdown_link("🔗", "x@example.org") == "x" + kWordJoiner + "@example.org");
}
