// import_test.cpp: the cell readers of import.h (references, headers,
// dates, percentages, owner codes) and the CSV reader.
#include "plan/import.h"

#include <catch2/catch.hpp>
#include <string>

namespace plan {
namespace {

Cell number(double v, bool percent = false) {
  Cell c;
  c.kind = Cell::Kind::number;
  c.number = v;
  c.percent_format = percent;
  return c;
}

Cell text(std::string t) {
  Cell c;
  c.kind = Cell::Kind::text;
  c.text = std::move(t);
  return c;
}

std::string iso(const std::optional<ParsedDate>& d) {
  if (!d)
    return "none";
  if (d->precision == DatePrecision::month)
    return fmt::format("{:04}-{:02}", d->year, d->month);
  return fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
}

TEST_CASE("A1 references", "[import]") {
  CHECK(a1_ref(7, 6) == "F7");
  CHECK(a1_ref(1, 26) == "Z1");
  CHECK(a1_ref(1, 27) == "AA1");
  CHECK(a1_ref(3, 702) == "ZZ3");
  CHECK(a1_ref(3, 703) == "AAA3");
  CHECK(column_number("F") == 6);
  CHECK(column_number("aa") == 27);
  CHECK(column_number("") == 0);
  CHECK(column_number("A1") == 0);
  int row = 0, col = 0;
  REQUIRE(parse_a1("AB12", &row, &col));
  CHECK((row == 12 && col == 28));
  CHECK_FALSE(parse_a1("12", &row, &col));
  CHECK_FALSE(parse_a1("A", &row, &col));
  CHECK_FALSE(parse_a1("A0", &row, &col));
  CHECK_FALSE(parse_a1("A1B", &row, &col));
}

TEST_CASE("headers are found in Spanish or English, whatever their case and accents", "[import]") {
  CHECK(normalize_header("  Fecha de Finalización: ") == "fecha de finalizacion");
  CHECK(normalize_header("% AVANCE") == "avance");
  CHECK(match_header("Línea") == Column::line);
  CHECK(match_header("LINEA ESTRATÉGICA") == Column::line);
  CHECK(match_header("Nombre de la línea") == Column::line_title);
  CHECK(match_header("Actividad") == Column::title);
  CHECK(match_header("Activity") == Column::title);
  CHECK(match_header("title") == Column::title);  // plan export --codes
  CHECK(match_header("line_title") == Column::line_title);
  CHECK(match_header("Responsable") == Column::lead);
  CHECK(match_header("Líder") == Column::lead);
  CHECK(match_header("Apoyo") == Column::support);
  CHECK(match_header("Fecha inicio") == Column::start);
  CHECK(match_header("Start date") == Column::start);
  CHECK(match_header("Fecha fin") == Column::end);
  CHECK(match_header("Producto/Meta") == Column::product);
  CHECK(match_header("Meta") == Column::product);
  CHECK(match_header("Avance") == Column::progress);
  CHECK(match_header("Progress") == Column::progress);
  CHECK(match_header("Peso") == Column::weight);
  CHECK_FALSE(match_header("Avance esperado"));
  CHECK_FALSE(match_header("Semáforo"));
  CHECK_FALSE(match_header(""));
  CHECK(column_of_key("line_title") == Column::line_title);
  CHECK_FALSE(column_of_key("titulo"));
}

TEST_CASE("Excel serial numbers, with the 1900 leap-year bug", "[import]") {
  CHECK(fmt::format("{}", *excel_serial_date(1, false)) == "1900-01-01");
  CHECK(fmt::format("{}", *excel_serial_date(59, false)) == "1900-02-28");
  CHECK_FALSE(excel_serial_date(60, false));  // 29 February 1900 never was
  CHECK(fmt::format("{}", *excel_serial_date(61, false)) == "1900-03-01");
  CHECK(fmt::format("{}", *excel_serial_date(44256, false)) == "2021-03-01");
  CHECK(fmt::format("{}", *excel_serial_date(44256.75, false)) == "2021-03-01");
  CHECK(fmt::format("{}", *excel_serial_date(0, true)) == "1904-01-01");
  CHECK(fmt::format("{}", *excel_serial_date(42794, true)) == "2021-03-01");
  CHECK_FALSE(excel_serial_date(-1, false));
  CHECK_FALSE(excel_serial_date(0, false));
}

TEST_CASE("date cells: serials and text", "[import]") {
  CHECK(iso(read_date_cell(number(44316), false)) == "2021-04-30");
  CHECK(iso(read_date_cell(text("2021-04-30"), false)) == "2021-04-30");
  CHECK(iso(read_date_cell(text(" 2021-04-30 00:00:00"), false)) == "2021-04-30");
  CHECK(iso(read_date_cell(text("2021-04"), false)) == "2021-04");
  CHECK(iso(read_date_cell(text("30/04/2021"), false)) == "2021-04-30");
  CHECK(iso(read_date_cell(text("1/4/2021"), false)) == "2021-04-01");
  CHECK(iso(read_date_cell(text("01-04-2021"), false)) == "2021-04-01");
  CHECK(iso(read_date_cell(text("01.04.2021"), false)) == "2021-04-01");
  CHECK(iso(read_date_cell(text("44316"), false)) == "2021-04-30");
  CHECK(iso(read_date_cell(text("31/02/2021"), false)) == "none");
  CHECK(iso(read_date_cell(text("04/30/2021"), false)) == "none");  // day first
  CHECK(iso(read_date_cell(text("2021"), false)) == "none");
  CHECK(iso(read_date_cell(text("abril"), false)) == "none");
  CHECK(iso(read_date_cell(text("2021-13-01"), false)) == "none");
}

TEST_CASE("percentages: 45%, 0.45 and 45", "[import]") {
  CHECK(read_percent_cell(text("45%")) == 45);
  CHECK(read_percent_cell(text("45 %")) == 45);
  CHECK(read_percent_cell(text("45,5%")) == 46);
  CHECK(read_percent_cell(text("0.45")) == 45);
  CHECK(read_percent_cell(text("0,45")) == 45);
  CHECK(read_percent_cell(text("45")) == 45);
  CHECK(read_percent_cell(text("1")) == 1);
  CHECK(read_percent_cell(text("1.0")) == 100);
  CHECK(read_percent_cell(text("100%")) == 100);
  CHECK(read_percent_cell(number(0.45, true)) == 45);
  CHECK(read_percent_cell(number(1, true)) == 100);
  CHECK(read_percent_cell(number(0.45)) == 45);
  CHECK(read_percent_cell(number(45)) == 45);
  CHECK(read_percent_cell(number(0)) == 0);
  CHECK_FALSE(read_percent_cell(text("145")));
  CHECK_FALSE(read_percent_cell(text("-5%")));
  CHECK_FALSE(read_percent_cell(text("mucho")));
  CHECK_FALSE(read_percent_cell(text("1.2.3")));
  CHECK_FALSE(read_percent_cell(number(1.5, true)));
}

TEST_CASE("owner codes from names", "[import]") {
  CHECK(owner_code_for("Secretaría General") == "SG");
  CHECK(owner_code_for("Oficina Asesora de Planeación Sectorial") == "OAPS");
  CHECK(owner_code_for("Equipo de Gestión del Conocimiento e Innovación") == "EGCI");
  CHECK(owner_code_for("Ministry of the Interior") == "MI");
  CHECK(owner_code_for("Planeación") == "PLAN");
  CHECK(owner_code_for("SG") == "SG");
  CHECK(owner_code_for("OAPS-2") == "OAPS-2");
  CHECK(owner_code_for("¿?") == "OWNER");
}

TEST_CASE("CSV: separators, BOM, Windows-1252, quotes", "[import]") {
  ReadResult r = read_csv(
      "\xEF\xBB\xBF"
      "a;b\r\n\"x;\"\"y\"\"\";'=1+1\r\n",
      "s");
  REQUIRE(r.problems.empty());
  CHECK(r.book.encoding == "UTF-8 (BOM)");
  CHECK(r.book.separator == ';');
  const Sheet& s = r.book.sheets.at(0);
  CHECK(s.at(1, 1).text == "a");
  CHECK(s.at(2, 1).text == "x;\"y\"");
  CHECK(s.at(2, 2).text == "=1+1");  // plan export's protection undone
  CHECK(s.at(3, 1).kind == Cell::Kind::empty);
  r = read_csv("L\xEDnea,b\n1,2\n", "s");
  REQUIRE(r.problems.empty());
  CHECK(r.book.encoding == "Windows-1252");
  CHECK(r.book.separator == ',');
  CHECK(r.book.sheets.at(0).at(1, 1).text == "Línea");
  r = read_csv("a\tb\n", "s");
  CHECK(r.book.separator == '\t');
  r = read_csv("\x81\x8D", "s");  // bytes Windows-1252 leaves undefined
  CHECK(r.problems.size() == 1);
}

}  // namespace
}  // namespace plan
