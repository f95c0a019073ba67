// render/export.h: the plan for other tools: CSV, Markdown, Mermaid, iCalendar.
//
// Owns the formats `plan export` writes (JSON is render/json.h's):
// RFC 4180 CSV with a documented column order, GitHub-flavoured Markdown
// tables per line, a Mermaid gantt chart, and an RFC 5545 calendar with one
// all-day event per activity. Each output depends only on the plans and the
// as-of date, so it can be committed and diffed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plan/derive.h"

namespace plan {

// Columns, in this order (new ones are added at the end, so that readers
// that take columns by position keep working): plan, id, line, line_title,
// title, lead, support, start, end, product, progress, expected, status,
// signal, last_update, last_note, done_late_days, done_on, last_evidence,
// last_by, weight. The last_* columns are the last update's on or before
// the as-of date. CRLF line ends.
//
// With CsvCells::protect, a text cell from the plan that a spreadsheet would
// run as a formula (it begins with = + - @, a tab or a carriage return) is
// written quoted with a leading "'"; CsvCells::raw writes it as it is, for
// programs that read the CSV as data.
enum class CsvCells { protect, raw };

// Who reads the CSV. CsvForm::sheet is for people in a spreadsheet: headers
// and the status and semáforo words in `lang` ("Avance", "en curso",
// "amarillo"), percentages as "45%", which Excel reads as a percentage in
// any locale, and a fractional weight with a decimal comma where the
// separator is ';' (the locales whose list separator is ';' write decimals
// with ','; a tab follows the language). CsvForm::codes is the stable form
// for programs: the snake_case column names above, status and signal codes
// ("in-progress", "yellow"), whole numbers for percentages, '.' decimals.
enum class CsvForm { sheet, codes };

struct CsvOptions {
  CsvForm form = CsvForm::codes;
  Language lang = Language::en;
  char sep = ',';  // ';', ',' or '\t'
  bool bom = false;
  CsvCells cells = CsvCells::protect;
};

// What each form writes unless told otherwise: a Spanish sheet is what
// Spanish-locale Excel opens as columns (';'), an English sheet what
// English-locale Excel does (','); both start with a UTF-8 BOM, without
// which Excel reads the file as Windows-1252 and garbles every accent. The
// codes form keeps ',' and no BOM.
CsvOptions csv_defaults(CsvForm form, Language lang);

std::string render_csv(const std::vector<PlanState>& states, const CsvOptions& opts);

// The sheet form's headers, in column order (the workbook's too, xlsx.h).
std::vector<Msg> csv_sheet_headers();

// One CSV cell as render_csv writes it: a text from the plan protected as
// opts.cells says, any other value only quoted where it must be.
std::string csv_cell(std::string_view v, const CsvOptions& opts, bool from_plan);
// The cells joined by opts.sep, with a CRLF.
std::string csv_line(const std::vector<std::string>& cells, const CsvOptions& opts);

std::string render_markdown(const PlanState& state, Language lang);

std::string render_mermaid(const PlanState& state, Language lang);

// One VEVENT per activity; UIDs are stable (plan id and address).
std::string render_ics(const std::vector<PlanState>& states, Language lang);

// Plan text for GitHub-flavoured Markdown, shown as text wherever it stands
// (a table cell, a heading, a list item, the start of a line): every ASCII
// punctuation mark that could start markup, raw HTML, math ('$') or an
// extended autolink ("http://", "www.") is backslash-escaped, an e-mail
// address gets a word joiner (U+2060) before its '@' so that it is not made
// a mailto: link, leading blanks are dropped (four would open a code
// block), and line breaks and tabs become spaces, so it stays on its line
// and in its cell.
std::string markdown_cell(std::string_view text);
// [text](url) for an http:// or https:// url, percent-encoding what would
// end the destination or the table cell; any other url as escaped text.
std::string markdown_link(std::string_view text, std::string_view url);
// "🟢 verde"; "—" without a signal.
std::string markdown_signal(Signal signal, Language lang);

// RFC 5545 text escaping and line folding at 75 octets, exposed for tests.
std::string ics_escape(std::string_view text);
std::string ics_fold(std::string_view line);

}  // namespace plan
