// import.h: a follow-up matrix (an .xlsx workbook or a .csv file) read
// into the text of a new plan file, as `plan import` writes it.
//
// Owns reading the spreadsheet (libzip and expat for .xlsx, iconv for a
// Windows-1252 CSV), finding the columns by their headers, reading each
// cell (dates, percentages, owners) and building the plan's YAML through
// the emitter `plan init --from` uses. It returns text and problems, each
// with its sheet, row and column; it never prints and never writes a file:
// the CLI (src/cli/import.cpp) validates, refuses and writes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/date.h"
#include "plan/i18n.h"
#include "plan/model.h"

namespace plan {

// One cell as the spreadsheet holds it. A CSV's cells are all text.
struct Cell {
  enum class Kind { empty, text, number };
  Kind kind = Kind::empty;
  std::string text;             // text cells, and a number's digits as written
  double number = 0;            // number cells
  bool date_format = false;     // the number's format is a date's
  bool percent_format = false;  // the number's format is a percentage's
};

struct MergedRange {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;  // from 1
};

struct Sheet {
  std::string name;
  std::vector<std::vector<Cell>> rows;  // rows[0] is row 1; rows may be short
  std::vector<MergedRange> merged;
  const Cell& at(int row, int col) const;  // from 1; an empty cell outside
};

struct Workbook {
  std::vector<Sheet> sheets;
  bool date1904 = false;  // serial numbers count from 1904-01-01 (old Mac Excel)
  std::string encoding;   // CSV: "UTF-8", "UTF-8 (BOM)" or "Windows-1252"
  char separator = 0;     // CSV: ';', ',' or '\t'
};

// Something the import could not read. row and col count from 1; 0 when
// the problem is not one cell's (a whole row, the file).
struct ImportProblem {
  std::string sheet;
  int row = 0;
  int col = 0;
  Msg message = Msg::import_bad_date;
  std::vector<std::string> args = {};
  std::optional<Msg> hint = std::nullopt;
  std::vector<std::string> hint_args = {};
  // "Hoja1!F7", "Hoja1!7" for a row, "Hoja1" for a sheet, "" for the file.
  std::string where() const;
};

// Limits on a workbook's parts, checked from the sizes the zip's directory
// declares before anything is inflated (and enforced while inflating, in
// case the directory lies): a zip bomb is refused, not unpacked.
struct ZipLimits {
  unsigned long long max_part = 64ull << 20;    // one part, uncompressed
  unsigned long long max_total = 256ull << 20;  // all parts read
  unsigned long long max_ratio = 200;           // uncompressed / compressed
  unsigned long long max_entries = 10000;
};

struct ReadResult {
  Workbook book;
  std::vector<ImportProblem> problems;  // any is fatal: the book is unusable
};

// Reads a .xlsx workbook: its sheets in order, shared strings, number
// formats (dates, percentages), merged ranges.
ReadResult read_xlsx(const std::string& path, const ZipLimits& limits = {});

// Reads CSV bytes: a UTF-8 BOM is dropped; bytes that are not UTF-8 are
// read as Windows-1252 (through iconv); the separator is the one of ';',
// ',' or tab that the first non-empty line has most of (outside quotes).
// The one sheet is named sheet_name.
ReadResult read_csv(std::string_view bytes, const std::string& sheet_name);

// ---------------------------------------------------------------------------
// Cell readers, public for their unit tests.

// "F7" for row 7, column 6; "AA1" for column 27.
std::string a1_ref(int row, int col);
// The column letters' number ("F" -> 6, "AA" -> 27); 0 if not letters.
int column_number(std::string_view letters);
// Parses "F7" into row and column; false if it is not a reference.
bool parse_a1(std::string_view ref, int* row, int* col);

// A header as compared: lower case, accents dropped, every run of
// characters that are not letters or digits one space, trimmed
// ("  Fecha de Finalización: " -> "fecha de finalizacion").
std::string normalize_header(std::string_view text);

// The columns plan import knows.
enum class Column {
  line,
  line_title,
  objective,
  id,
  title,
  lead,
  support,
  start,
  end,
  product,
  progress,
  weight
};
// The key --columns names it by (line, line_title, ..., weight).
std::string_view column_key(Column c);
std::optional<Column> column_of_key(std::string_view key);
// The column a header names, Spanish or English; none if it names none.
std::optional<Column> match_header(std::string_view header);

// An Excel serial day number as a date: 1 is 1900-01-01, and Excel's
// 29 February 1900 (60), which never was, is refused; with date1904, 0 is
// 1904-01-01. The fraction (time of day) is dropped.
std::optional<Date> excel_serial_date(double serial, bool date1904);

// A date cell: a number is a serial; text is YYYY-MM-DD (a time after it
// is dropped), DD/MM/YYYY or D/M/YYYY (day first, as Spanish writes it;
// '-' and '.' too), or YYYY-MM for a whole month.
std::optional<ParsedDate> read_date_cell(const Cell& cell, bool date1904);

// A progress cell as a whole percentage (rounded), or none if it is not
// one or not in 0..100. The rule: "45%" is 45; a number with a percent
// format is a fraction (0.45 -> 45); any other number or text below 1 with
// a fractional part ("0.45", "0,45", 0.45) is a fraction too; otherwise
// the number is the percentage ("45" -> 45, "1" -> 1). "1.0" is 100.
std::optional<int> read_percent_cell(const Cell& cell);

// A short owner code for a unit's name: the initials of its words but
// for short joining words (de, del, la, y, of, the...), in capitals without
// accents ("Oficina Asesora de Planeación Sectorial" -> "OAPS"); a single
// word gives its first four letters; a name already like a code
// ("SG", "OAPS-2") is kept.
std::string owner_code_for(std::string_view name);

// ---------------------------------------------------------------------------
// The import.

struct ImportOptions {
  std::string source;                     // the file as the user named it, for the comment
  std::string sheet;                      // "" = the first sheet with the needed headers
  std::map<Column, std::string> columns;  // --columns: the header to use
  const Plan* owners = nullptr;           // --owners: reuse its owners
  std::string owners_file;
  std::string id;     // "" = from the output file's name
  std::string title;  // "" = a title naming the source
  std::string output;
  std::optional<Language> lang;  // none: the headers' language
  bool partial = false;          // leave out what cannot be read
};

struct ImportResult {
  std::string text;  // the plan file ("" when nothing could be built)
  std::vector<ImportProblem> problems;
  int rows_read = 0;
  int lines_read = 0;
  int rows_left_out = 0;
  Language lang = Language::es;
  std::string sheet;  // the sheet read
};

// The plan the matrix describes. Every cell it cannot read is a problem;
// with options.partial, the rows that hold one are left out and the text
// holds the rest (the problems are still returned).
ImportResult import_plan(const Workbook& book, const ImportOptions& options);

}  // namespace plan
