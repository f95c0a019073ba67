// render/xlsx.h: the follow-up matrix as an Excel workbook.
//
// Owns `plan export --format xlsx`, written by libxlsxwriter: one sheet per
// plan with the columns and header words of the CSV for people
// (render/export.h's CsvForm::sheet) from row 1 and one activity a row from
// row 2, then a last sheet with the updates log ("Actualizaciones" /
// "Updates"). Dates are Excel dates, percentages numbers from 0 to 1 shown
// as percent, the semáforo a coloured cell that also holds its word. Text
// from the plan is always written as a string, never a formula. The bytes
// depend only on the plans and the as-of date (the document's creation
// time is the as-of date), so two exports can be compared byte for byte.
// It never prints; libxlsxwriter writes only to a named file, so the
// workbook is made in a temporary file and read back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plan/derive.h"

namespace plan {

struct XlsxResult {
  std::string bytes;  // the .xlsx file
  std::string error;  // empty when it was made; else why not
};

XlsxResult render_xlsx(const std::vector<PlanState>& states, Language lang);

// The updates sheet's name, last in the workbook.
std::string_view xlsx_updates_sheet(Language lang);

// Plan text as a cell holds it: without the characters XML 1.0 forbids (the
// C0 controls but tab and line feed, U+FFFE, U+FFFF), a carriage return
// read as a line break, "_xHHHH_" written "_x005F_xHHHH_" (Excel reads
// "_xHHHH_" in a cell as an escaped character), and cut with "…" at
// Excel's 32,767 characters a cell.
std::string xlsx_text(std::string_view text);

// Sheet names for the plan ids, by Excel's rules: at most 31 characters,
// none of []:*?/\, not starting or ending with an apostrophe, not empty,
// and unique ignoring case, also against `reserved` (the updates sheet's
// name) and Excel's own "History"; a name already taken gets " (2)",
// " (3)"... within the 31.
std::vector<std::string> xlsx_sheet_names(const std::vector<std::string>& ids,
                                          std::string_view reserved);

}  // namespace plan
