// Tests of render/xlsx.h: a cell's text and the sheet names, one rule at a
// time. tests/export/check_xlsx.py reads whole workbooks back with openpyxl.
#include "plan/render/xlsx.h"

#include <catch2/catch.hpp>
#include <string>

using namespace plan;

TEST_CASE("xlsx_text keeps plan text, formulas included, as it is", "[xlsx]") {
  CHECK(xlsx_text("plain, ñandú 🎉") == "plain, ñandú 🎉");
  CHECK(xlsx_text("=HYPERLINK(\"x\")") == "=HYPERLINK(\"x\")");
  CHECK(xlsx_text("\ttab\nline") == "\ttab\nline");
  CHECK(xlsx_text("") == "");
}

TEST_CASE("xlsx_text drops what XML 1.0 forbids", "[xlsx]") {
  CHECK(xlsx_text(std::string("a\x01"
                              "b\x1f"
                              "c\x0b\x0c",
                              8)) == "abc");
  CHECK(xlsx_text(std::string("nul\0here", 8)) == "nulhere");
  CHECK(xlsx_text("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");  // U+FFFE, U+FFFF
  CHECK(xlsx_text("stray \x80 byte") == "stray  byte");
  CHECK(xlsx_text("crlf\r\nand cr\rend") == "crlf\nand cr\nend");
}

TEST_CASE("xlsx_text escapes a literal _xHHHH_, which Excel would decode", "[xlsx]") {
  CHECK(xlsx_text("_x0041_") == "_x005F_x0041_");
  CHECK(xlsx_text("a_x00e9_b _x12_ _xZZZZ_") == "a_x005F_x00e9_b _x12_ _xZZZZ_");
  CHECK(xlsx_text("_x005F_") == "_x005F_x005F_");
}

TEST_CASE("xlsx_text cuts at Excel's 32,767 characters a cell", "[xlsx]") {
  const std::string fits(32767, 'a');
  CHECK(xlsx_text(fits) == fits);
  const std::string cut = xlsx_text(std::string(40000, 'a'));
  CHECK(cut == std::string(32766, 'a') + "…");
  // An emoji is two UTF-16 units, as Excel counts.
  std::string emoji;
  for (int i = 0; i < 20000; ++i) emoji += "🎉";
  const std::string e = xlsx_text(emoji);
  CHECK(e.size() == 16383 * 4 + std::string("…").size());
  // Escapes take room too: the result still fits.
  std::string escapes;
  for (int i = 0; i < 5000; ++i) escapes += "_x0041_";
  CHECK(xlsx_text(escapes).size() <= 32767);
}

TEST_CASE("xlsx_sheet_names follow Excel's rules", "[xlsx]") {
  CHECK(xlsx_sheet_names({"participacion-2021"}, "Actualizaciones") ==
        std::vector<std::string>{"participacion-2021"});
  CHECK(xlsx_sheet_names({"a[b]:c*d?e/f\\g"}, "Updates") ==
        std::vector<std::string>{"a_b__c_d_e_f_g"});
  CHECK(xlsx_sheet_names({"'quoted'", "''", ""}, "Updates") ==
        std::vector<std::string>{"quoted", "plan", "plan (2)"});
  const std::string long_id = "plan-de-participacion-ciudadana-2021";
  CHECK(xlsx_sheet_names({long_id, long_id + "-b"}, "Updates") ==
        std::vector<std::string>{"plan-de-participacion-ciudadana",
                                 "plan-de-participacion-ciuda (2)"});
}

TEST_CASE("xlsx_sheet_names keep clear of the updates sheet and History", "[xlsx]") {
  CHECK(xlsx_sheet_names({"updates", "history"}, "Updates") ==
        std::vector<std::string>{"updates (2)", "history (2)"});
  CHECK(xlsx_sheet_names({"actualizaciones"}, "Actualizaciones") ==
        std::vector<std::string>{"actualizaciones (2)"});
  CHECK(xlsx_sheet_names({"updates"}, "Actualizaciones") == std::vector<std::string>{"updates"});
}
