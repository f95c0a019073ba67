// render/report.h: the follow-up report published at each cut-off.
//
// Owns the report a planning or internal-control office publishes:
// quarters (T1..T4) and four-month periods (C1..C3) or any cut-off date,
// with overall and per-line progress against expected, one row per
// activity (programmed = expected at the cut-off, executed = progress from
// the updates dated on or before it, compliance = executed / programmed),
// the period's changes since the previous cut-off, and the attention
// list. Markdown, or a self-contained HTML page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plan/changes.h"
#include "plan/derive.h"
#include "plan/render/export.h"

namespace plan {

// The standard report, or the Oficina de Control Interno's follow-up
// matrix: one row per activity with its goal or product, the progress
// programmed, reported and verified by the period's review, compliance
// (verified / programmed) and the review's observations.
enum class ReportLayout { standard, oci };

struct ReportOptions {
  std::string period;  // "C1", or empty for a plain cut-off date
  Language lang = Language::es;
  ReportLayout layout = ReportLayout::standard;
  // The period's changes, shown after the progress by line; none: no
  // such section.
  const PlanChanges* changes = nullptr;
};

// state is the plan derived at the cut-off date.
std::string render_report_markdown(const PlanState& state, const ReportOptions& opts);
std::string render_report_html(const PlanState& state, const ReportOptions& opts);
// The standard report's sections as HTML (from its <h1> to the attention
// list), without the document around them: for `plan site`, which puts
// them in its own pages.
std::string render_report_html_body(const PlanState& state, const ReportOptions& opts);
// Plan text as HTML text or a quoted attribute value: & < > " ' escaped.
std::string html_escape(std::string_view text);
// An evidence reference as HTML: a link only for an http:// or https://
// address, any other text as text.
std::string evidence_html(const std::string& evidence, Language lang);
// A table cell with the semáforo as a dot and a word ("● verde"), never
// colour alone.
std::string signal_cell_html(Signal signal, Language lang);
// The OCI matrix's rows as CSV (the layout's table only), in csv's form.
std::string render_report_csv(const PlanState& state, const ReportOptions& opts,
                              const CsvOptions& csv);

}  // namespace plan
