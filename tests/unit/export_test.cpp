// Tests of render/export.h: the escaping of plan text in Markdown and CSV,
// and the CSV's forms, separators and decimal marks.
// tests/export/check_hostile.py reads whole exports back with cmark-gfm and
// Python's csv; these pin the rules one character at a time.
#include "plan/render/export.h"

#include <catch2/catch.hpp>
#include <string>

#include "plan/derive.h"
#include "plan/load.h"
#include "plan_fixture.h"

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

// ---------------------------------------------------------------------------
// CSV for Excel (issue 16): the forms, separators and decimal marks.

namespace {

// The minimal plan with activity 1.1 given `keys` (at 8 spaces), at its end.
std::string csv_of(std::string_view keys, const CsvOptions& opts) {
  const LoadResult r = load_plan_text("t.yaml", test::plan_with(keys));
  REQUIRE(r.complete);
  return render_csv({derive_plan(r.plan, Date{2021, 6, 30})}, opts);
}

// The second line (the activity's row), without its CRLF.
std::string row_of(const std::string& csv) {
  const size_t start = csv.find("\r\n") + 2;
  return csv.substr(start, csv.find("\r\n", start) - start);
}

CsvOptions with_sep(CsvOptions opts, char sep) {
  opts.sep = sep;
  return opts;
}

}  // namespace

TEST_CASE("csv_defaults: Excel's separator for the language, a BOM for people", "[export][csv]") {
  const CsvOptions es = csv_defaults(CsvForm::sheet, Language::es);
  CHECK((es.sep == ';' && es.bom && es.lang == Language::es));
  const CsvOptions en = csv_defaults(CsvForm::sheet, Language::en);
  CHECK((en.sep == ',' && en.bom));
  const CsvOptions codes = csv_defaults(CsvForm::codes, Language::es);
  CHECK((codes.sep == ',' && !codes.bom));
}

TEST_CASE("csv quotes a cell that holds the separator in use", "[export][csv]") {
  const std::string keys = "        product: \"a;b\"\n        progress: 10\n";
  const CsvOptions es = csv_defaults(CsvForm::sheet, Language::es);
  CHECK(row_of(csv_of(keys, es)).find(";\"a;b\";") != std::string::npos);
  CHECK(row_of(csv_of(keys, with_sep(es, ','))).find(",a;b,") != std::string::npos);
  const std::string comma = "        product: \"a, b\"\n";
  CHECK(row_of(csv_of(comma, es)).find(";a, b;") != std::string::npos);
  CHECK(row_of(csv_of(comma, with_sep(es, ','))).find(",\"a, b\",") != std::string::npos);
  CHECK(row_of(csv_of(comma, with_sep(es, '\t'))).find("\ta, b\t") != std::string::npos);
}

TEST_CASE("csv weight: a decimal comma where cells are separated by ';'", "[export][csv]") {
  const std::string keys = "        weight: 1.5\n";
  const auto last = [&keys](const CsvOptions& opts) {
    const std::string row = row_of(csv_of(keys, opts));
    return row.substr(row.find_last_of(std::string(1, opts.sep)) + 1);
  };
  const CsvOptions es = csv_defaults(CsvForm::sheet, Language::es);
  const CsvOptions en = csv_defaults(CsvForm::sheet, Language::en);
  CHECK(last(es) == "1,5");
  CHECK(last(with_sep(es, '\t')) == "1,5");
  CHECK(last(with_sep(es, ',')) == "1.5");
  CHECK(last(en) == "1.5");
  CHECK(last(with_sep(en, ';')) == "1,5");
  CHECK(last(with_sep(en, '\t')) == "1.5");
  CHECK(last(with_sep(csv_defaults(CsvForm::codes, Language::es), ';')) == "1.5");
}

TEST_CASE("csv sheet form: words and percentages; codes form: codes and numbers", "[export][csv]") {
  // 2021-03-01..2021-05-31 at 2021-06-30: late, red; 40 of 100 expected.
  const std::string keys = "        progress: 40\n";
  const std::string es = row_of(csv_of(keys, csv_defaults(CsvForm::sheet, Language::es)));
  CHECK(es.find(";40%;100%;atrasada;rojo;") != std::string::npos);
  const std::string en = row_of(csv_of(keys, csv_defaults(CsvForm::sheet, Language::en)));
  CHECK(en.find(",40%,100%,late,red,") != std::string::npos);
  const std::string codes = row_of(csv_of(keys, csv_defaults(CsvForm::codes, Language::es)));
  CHECK(codes.find(",40,100,late,red,") != std::string::npos);
  const std::string header = csv_of(keys, csv_defaults(CsvForm::sheet, Language::es));
  CHECK(header.rfind("\xEF\xBB\xBFPlan;ID;L\xC3\xADnea;", 0) == 0);
}
