// render/export.h: the plan for other tools: CSV, Markdown, Mermaid, iCalendar.
//
// Owns the formats `plan export` writes (JSON is render/json.h's):
// RFC 4180 CSV with a documented column order, GitHub-flavoured Markdown
// tables per line, a Mermaid gantt chart, and an RFC 5545 calendar with one
// all-day event per activity. Each output depends only on the plans and the
// as-of date, so it can be committed and diffed.
#pragma once

#include <string>
#include <vector>

#include "plan/derive.h"

namespace plan {

// Columns: plan, id, line, line_title, title, lead, support, start, end,
// product, progress, expected, status, signal, last_update, last_note.
// CRLF line ends; bom prefixes a UTF-8 BOM for spreadsheet programs.
// With CsvCells::protect, a text cell from the plan that a spreadsheet would
// run as a formula (it begins with = + - @, a tab or a carriage return) is
// written quoted with a leading "'"; CsvCells::raw writes it as it is, for
// programs that read the CSV as data.
enum class CsvCells { protect, raw };
std::string render_csv(const std::vector<PlanState>& states, bool bom,
                       CsvCells cells = CsvCells::protect);

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
