// render/report.cpp: the cut-off report in Markdown and HTML.
#include "plan/render/report.h"

#include <initializer_list>
#include <string_view>

#include "plan/address.h"
#include "plan/changes.h"
#include "plan/goal.h"
#include "plan/render/export.h"
#include "plan/render/status.h"
#include "plan/render/style.h"
#include "plan/render/table.h"
#include "plan/text.h"
#include "plan/version.h"

namespace plan {

namespace {

// One activity's figures at the cut-off.
struct Row {
  std::string id;
  std::string title;
  std::string product;  // the activity's product (the matrices' "meta o producto")
  std::string lead;
  std::string start;
  std::string end;
  int programmed;
  int executed;
  std::string compliance;  // "—" when nothing was programmed yet
  Signal signal;
  Status status;
  std::string status_text;  // "terminada con retraso (16 días)"
  bool cancelled = false;
  std::string note;
  std::string evidence;
  std::string verified;  // "40%" by the period's review; "" without one
};

// Activities due by the cut-off (ending on or before it, not cancelled at
// it) and how many of them were done on time, done late, or not done.
struct Due {
  int due = 0;
  int on_time = 0;
  int late = 0;
  int not_done = 0;
};

Due due_of(const PlanState& st) {
  Due d;
  for (const LineState& ls : st.lines) {
    for (const ActivityState& s : ls.activities) {
      if (s.end > st.as_of || s.status == Status::cancelled)
        continue;
      ++d.due;
      if (s.status != Status::done) {
        ++d.not_done;
      } else if (s.done_late > 0) {
        ++d.late;
      } else {
        ++d.on_time;
      }
    }
  }
  return d;
}

std::string due_text(const PlanState& st, Language lang) {
  const Due d = due_of(st);
  return tr(lang, Msg::report_due_counts, d.due, d.on_time, d.late, d.not_done);
}

std::vector<Row> rows_of(const PlanState& st, Language lang, const std::string& period) {
  std::vector<Row> rows;
  for (const LineState& ls : st.lines) {
    for (const ActivityState& s : ls.activities) {
      Row r;
      r.id = format_address(*s.line, *s.activity);
      r.title = s.activity->title.value;
      r.product = s.activity->product.value;
      r.lead = codes_text(lead_of(*s.line, *s.activity));
      r.start = fmt::format("{}", s.start);
      r.end = fmt::format("{}", s.end);
      r.programmed = round_percent(s.expected);
      r.executed = s.progress;
      // Cancelled work is left out of every average, and has no compliance.
      r.cancelled = s.status == Status::cancelled;
      r.compliance = s.expected > 0 && !r.cancelled
                         ? fmt::format("{}%", round_percent(s.progress / s.expected * 100))
                         : "—";
      r.signal = s.signal;
      r.status = s.status;
      r.status_text = status_text(s, lang);
      if (s.last_update != nullptr) {
        r.note = s.last_update->note.value;
        r.evidence = s.last_update->evidence.value;
      }
      const Review* review = period.empty() ? nullptr : review_for(*s.activity, period);
      if (review != nullptr)
        r.verified = fmt::format("{}%", review->verified.value);
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

std::string cutoff_text(const PlanState& st, const ReportOptions& o) {
  std::string text = long_date(o.lang, st.as_of);
  if (!o.period.empty())
    text += " (" + o.period + ")";
  return text;
}

// Title, entity, cut-off and overall progress.
std::string markdown_summary(const PlanState& st, const ReportOptions& o) {
  const Language lang = o.lang;
  const Plan& plan = *st.plan;
  std::string out = fmt::format("# {}: {}\n\n", text_of(lang, Msg::report_title),
                                markdown_cell(plan.title.value));
  if (!plan.entity.value.empty()) {
    out += fmt::format("- **{}:** {}\n", text_of(lang, Msg::label_entity),
                       markdown_cell(plan.entity.value));
  }
  out += fmt::format("- **{}:** {}\n", text_of(lang, Msg::report_cutoff), cutoff_text(st, o));
  out += fmt::format(
      "- **{}:** {}% ({}) · {}\n", text_of(lang, Msg::report_overall), round_percent(st.progress),
      tr(lang, Msg::expected_short, round_percent(st.expected)), markdown_signal(st.signal, lang));
  out += fmt::format("- **{}:** {}\n\n", text_of(lang, Msg::report_due), due_text(st, lang));
  return out;
}

std::string markdown_lines(const PlanState& st, Language lang) {
  std::string out = fmt::format("## {}\n\n", text_of(lang, Msg::report_by_line));
  out +=
      fmt::format("| {} | {} | {} | {} | {} |\n|--:|---|--:|--:|---|\n", text_of(lang, Msg::col_id),
                  text_of(lang, Msg::col_line), text_of(lang, Msg::col_programmed),
                  text_of(lang, Msg::col_executed), text_of(lang, Msg::col_signal));
  for (const LineState& ls : st.lines) {
    out += fmt::format("| {} | {} | {}% | {}% | {} |\n", ls.line->id.value,
                       markdown_cell(ls.line->title.value), round_percent(ls.expected),
                       round_percent(ls.progress), markdown_signal(ls.signal, lang));
  }
  return out;
}

// The activity table's columns: a "verified" one after "executed" when a
// review of the period verified any activity.
std::vector<Msg> activity_columns(bool verified) {
  std::vector<Msg> c = {Msg::col_id,    Msg::col_activity, Msg::col_product,    Msg::col_lead,
                        Msg::col_start, Msg::col_end,      Msg::col_programmed, Msg::col_executed};
  if (verified)
    c.push_back(Msg::col_verified);
  for (Msg m : {Msg::col_compliance, Msg::col_status, Msg::col_signal, Msg::col_last_note,
                Msg::col_evidence})
    c.push_back(m);
  return c;
}

bool any_verified(const std::vector<Row>& rows) {
  return std::any_of(rows.begin(), rows.end(), [](const Row& r) { return !r.verified.empty(); });
}

std::string markdown_activities(const PlanState& st, const ReportOptions& o) {
  const Language lang = o.lang;
  const std::vector<Row> rows = rows_of(st, lang, o.period);
  const bool verified = any_verified(rows);
  std::string out = fmt::format("\n## {}\n\n|", text_of(lang, Msg::report_activities));
  for (Msg m : activity_columns(verified)) out += fmt::format(" {} |", text_of(lang, m));
  out += verified ? "\n|---|---|---|---|---|---|--:|--:|--:|--:|---|---|---|---|\n"
                  : "\n|---|---|---|---|---|---|--:|--:|--:|---|---|---|---|\n";
  for (const Row& r : rows) {
    const std::string evidence = r.evidence.empty() ? "" : markdown_link("🔗", r.evidence);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {}% | {}% | ", r.id, markdown_cell(r.title),
                       markdown_cell(r.product), markdown_cell(r.lead), r.start, r.end,
                       r.programmed, r.executed);
    if (verified)
      out += r.verified + " | ";
    out += fmt::format("{} | {} | {} | {} | {} |\n", r.compliance, r.status_text,
                       markdown_signal(r.signal, lang), markdown_cell(r.note), evidence);
  }
  return out + "\n" + std::string(text_of(lang, Msg::report_compliance_note)) + "\n";
}

std::string markdown_attention(const PlanState& st, Language lang) {
  const auto attention = attention_list(st);
  std::string out =
      fmt::format("\n## {} ({})\n\n", text_of(lang, Msg::label_attention), attention.size());
  if (attention.empty())
    out += std::string(text_of(lang, Msg::label_nothing_late)) + "\n";
  for (const ActivityState* s : attention) {
    out += fmt::format("- **{}** {} — {} · {}", format_address(*s->line, *s->activity),
                       markdown_cell(s->activity->title.value),
                       markdown_cell(codes_text(lead_of(*s->line, *s->activity))),
                       tr(lang, Msg::ends_on, fmt::format("{}", s->end)));
    const int behind = round_percent(s->expected) - s->progress;
    if (behind > 0)
      out += " · " + tr(lang, Msg::points_behind, behind);
    if (s->days_late > 0)
      out += " · " + tr(lang, Msg::days_late, s->days_late);
    out += "\n";
  }
  return out;
}

}  // namespace

namespace {

// The period's changes, in words every format shares.
std::string percent_pair(int before, int after) { return fmt::format("{}% → {}%", before, after); }

std::string status_pair(Language lang, const StatusChange& c) {
  return fmt::format("{} → {}", text_of(lang, status_word(c.before)),
                     text_of(lang, status_word(c.after)));
}

std::string markdown_points(const PlanChanges& c, Language lang) {
  std::string out =
      fmt::format("| {} | {} | {} | {} | {} |\n|--:|---|--:|--:|--:|\n", text_of(lang, Msg::col_id),
                  text_of(lang, Msg::col_line), text_of(lang, Msg::col_before),
                  text_of(lang, Msg::col_after), text_of(lang, Msg::col_change));
  for (const LineChange& l : c.lines) {
    out += fmt::format("| {} | {} | {}% | {}% | {} |\n", l.line->id.value,
                       markdown_cell(l.line->title.value), round_percent(l.before),
                       round_percent(l.after), points_change_text(lang, l.before, l.after));
  }
  return out + fmt::format("| | **{}** | {}% | {}% | {} |\n", text_of(lang, Msg::label_plan),
                           round_percent(c.before), round_percent(c.after),
                           points_change_text(lang, c.before, c.after));
}

std::string markdown_updates(const PlanChanges& c, Language lang) {
  std::string out = fmt::format("\n### {}\n\n", tr(lang, Msg::changes_updates, c.updates.size()));
  if (c.updates.empty())
    return out + std::string(text_of(lang, Msg::changes_no_updates)) + "\n";
  out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|--:|---|---|---|\n",
                     text_of(lang, Msg::col_date), text_of(lang, Msg::col_id),
                     text_of(lang, Msg::col_activity), text_of(lang, Msg::col_progress),
                     text_of(lang, Msg::col_note), text_of(lang, Msg::col_evidence),
                     text_of(lang, Msg::col_by));
  for (const UpdateChange& u : c.updates) {
    const std::string& evidence = u.update->evidence.value;
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", u.date,
                       format_address(*u.line, *u.activity), markdown_cell(u.activity->title.value),
                       percent_pair(u.before, u.after), markdown_cell(u.update->note.value),
                       evidence.empty() ? "" : markdown_link("🔗", evidence),
                       markdown_cell(u.update->by.value));
  }
  return out;
}

std::string markdown_statuses(const PlanChanges& c, Language lang) {
  std::string out = fmt::format("\n### {}\n\n", tr(lang, Msg::changes_statuses, c.statuses.size()));
  if (c.statuses.empty())
    return out + std::string(text_of(lang, Msg::changes_no_statuses)) + "\n";
  out += fmt::format("| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
                     text_of(lang, Msg::col_date), text_of(lang, Msg::col_id),
                     text_of(lang, Msg::col_activity), text_of(lang, Msg::col_status),
                     text_of(lang, Msg::col_note), text_of(lang, Msg::col_by));
  for (const StatusChange& s : c.statuses) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", s.date,
                       format_address(*s.line, *s.activity), markdown_cell(s.activity->title.value),
                       status_pair(lang, s), markdown_cell(s.update->note.value),
                       markdown_cell(s.update->by.value));
  }
  return out;
}

std::string markdown_changes(const PlanChanges* c, Language lang) {
  if (c == nullptr)
    return "";
  std::string out =
      fmt::format("\n## {}\n\n{}\n\n", text_of(lang, Msg::changes_title),
                  tr(lang, Msg::changes_span, long_date(lang, c->from), long_date(lang, c->to)));
  if (c->empty())
    return out + std::string(text_of(lang, Msg::changes_nothing)) + "\n";
  return out + markdown_points(*c, lang) + markdown_updates(*c, lang) + markdown_statuses(*c, lang);
}

}  // namespace

namespace {
std::string oci_markdown(const PlanState& st, const ReportOptions& o);
}  // namespace

std::string render_report_markdown(const PlanState& st, const ReportOptions& o) {
  if (o.layout == ReportLayout::oci)
    return oci_markdown(st, o);
  return markdown_summary(st, o) + markdown_lines(st, o.lang) +
         markdown_changes(o.changes, o.lang) + markdown_activities(st, o) +
         markdown_attention(st, o.lang) + "\n" +
         tr(o.lang, Msg::report_generated, PLAN_VERSION, markdown_cell(st.plan->file)) + "\n";
}

std::string html_escape(std::string_view v) {
  std::string out;
  for (char c : v) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {
std::string html(std::string_view v) { return html_escape(v); }
}  // namespace

// Only web links become links; anything else is shown as text.
std::string evidence_html(const std::string& e, Language lang) {
  if (e.empty())
    return "";
  // A short link text keeps the table narrow; the address is its title.
  if (e.rfind("https://", 0) == 0 || e.rfind("http://", 0) == 0) {
    return "<a href=\"" + html(e) + "\" title=\"" + html(e) + "\">" +
           html(text_of(lang, Msg::report_link)) + "</a>";
  }
  return "<span class=\"path\">" + html(e) + "</span>";
}

std::string signal_cell_html(Signal s, Language lang) {
  if (s == Signal::none)
    return "<td class=\"signal none\">—</td>";
  return fmt::format("<td class=\"signal {}\">● {}</td>", signal_code(s),
                     html(text_of(lang, signal_word(s))));
}

namespace {
std::string signal_html(Signal s, Language lang) { return signal_cell_html(s, lang); }

// The page's one style sheet. The activity table has thirteen columns (fourteen
// with the period's verified progress) and must
// fit a 1200-pixel window and an A4 landscape page, as
// tests/export/check_report_layout.py measures in Chromium: figures, dates and signals never
// wrap, headers and status words wrap only between words, a product breaks
// inside a word only when a word alone is wider than the page lets the
// column be (its words set the column's least width), and any other
// text (titles, notes, owner lists, addresses) wraps where it must, inside a
// word if it has to, so that no column is wider than the page lets it be.
// The few minimum widths keep titles and notes readable and add up, with the
// unbreakable columns, to less than either page. On paper the rows do not
// split across pages, the header row repeats on each page, and an evidence
// link shows its address, which paper cannot hover.
constexpr std::string_view kStyle =
    "*{box-sizing:border-box}\n"
    "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;"
    "color:#1b1b1b;line-height:1.35;overflow-wrap:anywhere}\n"
    "table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.8rem}\n"
    "th,td{border:1px solid #ccc;padding:.25rem .25rem;text-align:left;vertical-align:top}\n"
    "th{background:#f2f2f2;overflow-wrap:normal}\n"
    "td.num,td.date{text-align:right}.id,.num,.date,.signal{white-space:nowrap}\n"
    "td.title{min-width:7.5rem}td.product{min-width:5.5rem;overflow-wrap:break-word}"
    "td.lead{min-width:3.5rem}td.note{min-width:5.5rem}td.status{overflow-wrap:normal}\n"
    ".path{word-break:break-all}\n"
    ".green{color:#1a7f37}.yellow{color:#9a6700}.red{color:#cf222e}.none{color:#777}\n"
    "dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem}"
    "dt{font-weight:600}dd{margin:0}\n"
    "@page{size:A4 landscape;margin:12mm 10mm}\n"
    "@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}"
    "h1{font-size:16pt}h2{font-size:13pt}table{font-size:8pt}"
    "thead{display:table-header-group}tr,li{break-inside:avoid}"
    "h1,h2{break-after:avoid}a{color:inherit}"
    "td.evidence a::after{content:\" \" attr(href);word-break:break-all}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

// The document's head with its style sheet, and the opening of its body.
std::string html_head(const PlanState& st, Language lang) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"" + std::string(language_code(lang)) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\">\n";
  // Self-contained: its one style sheet is inline, and nothing else loads or
  // runs, so a script that slipped past the escaping would not either.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}: {}</title>\n", html(text_of(lang, Msg::report_title)),
                     html(st.plan->title.value));
  return out + "<style>\n" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
}

// Title, entity, cut-off and overall progress.
std::string html_summary(const PlanState& st, const ReportOptions& o) {
  const Language lang = o.lang;
  const Plan& plan = *st.plan;
  std::string out = fmt::format("<h1>{}: {}</h1>\n<dl>\n", html(text_of(lang, Msg::report_title)),
                                html(plan.title.value));
  if (!plan.entity.value.empty()) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html(text_of(lang, Msg::label_entity)),
                       html(plan.entity.value));
  }
  out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html(text_of(lang, Msg::report_cutoff)),
                     html(cutoff_text(st, o)));
  out += fmt::format("<dt>{}</dt><dd>{}% ({}) <span class=\"{}\">● {}</span></dd>\n",
                     html(text_of(lang, Msg::report_overall)), round_percent(st.progress),
                     html(tr(lang, Msg::expected_short, round_percent(st.expected))),
                     st.signal == Signal::none ? "none" : std::string(signal_code(st.signal)),
                     st.signal == Signal::none ? "—" : html(text_of(lang, signal_word(st.signal))));
  out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html(text_of(lang, Msg::report_due)),
                     html(due_text(st, lang)));
  return out + "</dl>\n";
}

// A table's header row, in a thead so that print repeats it on every page.
std::string html_table_head(std::initializer_list<Msg> columns, Language lang) {
  std::string out = "<table>\n<thead><tr>";
  for (Msg m : columns) {
    out += "<th>" + html(text_of(lang, m)) + "</th>";
  }
  return out + "</tr></thead>\n<tbody>\n";
}

std::string html_lines(const PlanState& st, Language lang) {
  std::string out = fmt::format("<h2>{}</h2>\n", html(text_of(lang, Msg::report_by_line)));
  out += html_table_head(
      {Msg::col_id, Msg::col_line, Msg::col_programmed, Msg::col_executed, Msg::col_signal}, lang);
  for (const LineState& ls : st.lines) {
    out += fmt::format(
        "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}%</td><td "
        "class=\"num\">{}%</td>{}</tr>\n",
        ls.line->id.value, html(ls.line->title.value), round_percent(ls.expected),
        round_percent(ls.progress), signal_html(ls.signal, lang));
  }
  return out + "</tbody>\n</table>\n";
}

std::string html_activities(const PlanState& st, const ReportOptions& o) {
  const Language lang = o.lang;
  const std::vector<Row> rows = rows_of(st, lang, o.period);
  const bool verified = any_verified(rows);
  std::string out =
      fmt::format("<h2>{}</h2>\n<table>\n<thead><tr>", html(text_of(lang, Msg::report_activities)));
  for (Msg m : activity_columns(verified)) out += "<th>" + html(text_of(lang, m)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const Row& r : rows) {
    out += fmt::format(
        "<tr><td class=\"id\">{}</td><td class=\"title\">{}</td><td class=\"product\">{}</td>"
        "<td class=\"lead\">{}</td><td class=\"date\">{}</td><td class=\"date\">{}</td>"
        "<td class=\"num\">{}%</td><td class=\"num\">{}%</td>",
        r.id, html(r.title), html(r.product), html(r.lead), r.start, r.end, r.programmed,
        r.executed);
    if (verified)
      out += "<td class=\"num\">" + r.verified + "</td>";
    out += fmt::format(
        "<td class=\"num\">{}</td><td class=\"status\">{}</td>{}<td class=\"note\">{}</td>"
        "<td class=\"evidence\">{}</td></tr>\n",
        r.compliance, html(r.status_text), signal_html(r.signal, lang), html(r.note),
        evidence_html(r.evidence, lang));
  }
  return out + "</tbody>\n</table>\n<p>" + html(text_of(lang, Msg::report_compliance_note)) +
         "</p>\n";
}

std::string html_attention(const PlanState& st, Language lang) {
  const auto attention = attention_list(st);
  std::string out = fmt::format("<h2>{} ({})</h2>\n", html(text_of(lang, Msg::label_attention)),
                                attention.size());
  if (attention.empty())
    return out + "<p>" + html(text_of(lang, Msg::label_nothing_late)) + "</p>\n";
  out += "<ul>\n";
  for (const ActivityState* s : attention) {
    std::string item = fmt::format(
        "<strong>{}</strong> {} — {} · {}", format_address(*s->line, *s->activity),
        html(s->activity->title.value), html(codes_text(lead_of(*s->line, *s->activity))),
        html(tr(lang, Msg::ends_on, fmt::format("{}", s->end))));
    const int behind = round_percent(s->expected) - s->progress;
    if (behind > 0)
      item += " · " + html(tr(lang, Msg::points_behind, behind));
    if (s->days_late > 0)
      item += " · " + html(tr(lang, Msg::days_late, s->days_late));
    out += "<li>" + item + "</li>\n";
  }
  return out + "</ul>\n";
}

}  // namespace

namespace {

// A table of the period's changes: its heading, and its rows or a line
// saying there are none.
std::string html_change_table(const std::string& heading, std::initializer_list<Msg> columns,
                              const std::string& rows, Msg none, Language lang) {
  std::string out = "<h3>" + html(heading) + "</h3>\n";
  if (rows.empty())
    return out + "<p>" + html(text_of(lang, none)) + "</p>\n";
  return out + html_table_head(columns, lang) + rows + "</tbody>\n</table>\n";
}

std::string html_points(const PlanChanges& c, Language lang) {
  std::string out = html_table_head(
      {Msg::col_id, Msg::col_line, Msg::col_before, Msg::col_after, Msg::col_change}, lang);
  auto row = [&](const std::string& id, const std::string& title, double before, double after) {
    return fmt::format(
        "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}%</td><td "
        "class=\"num\">{}%</td><td class=\"num\">{}</td></tr>\n",
        id, title, round_percent(before), round_percent(after),
        html(points_change_text(lang, before, after)));
  };
  for (const LineChange& l : c.lines) {
    out += row(std::to_string(l.line->id.value), html(l.line->title.value), l.before, l.after);
  }
  out +=
      row("", "<strong>" + html(text_of(lang, Msg::label_plan)) + "</strong>", c.before, c.after);
  return out + "</tbody>\n</table>\n";
}

std::string html_updates(const PlanChanges& c, Language lang) {
  std::string rows;
  for (const UpdateChange& u : c.updates) {
    rows += fmt::format(
        "<tr><td class=\"date\">{}</td><td class=\"id\">{}</td><td class=\"title\">{}</td><td "
        "class=\"num\">{}</td><td class=\"note\">{}</td><td class=\"evidence\">{}</td><td "
        "class=\"lead\">{}</td></tr>\n",
        u.date, format_address(*u.line, *u.activity), html(u.activity->title.value),
        html(percent_pair(u.before, u.after)), html(u.update->note.value),
        evidence_html(u.update->evidence.value, lang), html(u.update->by.value));
  }
  return html_change_table(tr(lang, Msg::changes_updates, c.updates.size()),
                           {Msg::col_date, Msg::col_id, Msg::col_activity, Msg::col_progress,
                            Msg::col_note, Msg::col_evidence, Msg::col_by},
                           rows, Msg::changes_no_updates, lang);
}

std::string html_statuses(const PlanChanges& c, Language lang) {
  std::string rows;
  for (const StatusChange& s : c.statuses) {
    rows += fmt::format(
        "<tr><td class=\"date\">{}</td><td class=\"id\">{}</td><td class=\"title\">{}</td><td "
        "class=\"status\">{}</td><td class=\"note\">{}</td><td class=\"lead\">{}</td></tr>\n",
        s.date, format_address(*s.line, *s.activity), html(s.activity->title.value),
        html(status_pair(lang, s)), html(s.update->note.value), html(s.update->by.value));
  }
  return html_change_table(
      tr(lang, Msg::changes_statuses, c.statuses.size()),
      {Msg::col_date, Msg::col_id, Msg::col_activity, Msg::col_status, Msg::col_note, Msg::col_by},
      rows, Msg::changes_no_statuses, lang);
}

std::string html_changes(const PlanChanges* c, Language lang) {
  if (c == nullptr)
    return "";
  std::string out = fmt::format(
      "<h2>{}</h2>\n<p>{}</p>\n", html(text_of(lang, Msg::changes_title)),
      html(tr(lang, Msg::changes_span, long_date(lang, c->from), long_date(lang, c->to))));
  if (c->empty())
    return out + "<p>" + html(text_of(lang, Msg::changes_nothing)) + "</p>\n";
  return out + html_points(*c, lang) + html_updates(*c, lang) + html_statuses(*c, lang);
}

}  // namespace

// ---------------------------------------------------------------------------
// The OCI's follow-up matrix.

namespace {

struct OciRow {
  std::string line;
  std::string id;
  std::string title;
  std::string goal;  // "Talleres realizados: 20 talleres", else the product
  std::string owner;
  std::string due;
  int programmed = 0;
  int reported = 0;
  std::string evidence;  // the last update's on or before the cut-off
  std::string verified;  // "20%", or "" without a review of the period
  std::string compliance;
  std::string observations;
  std::string reviewer;
};

constexpr Msg kOciColumns[] = {
    Msg::col_line,      Msg::col_id,           Msg::oci_col_activity,   Msg::oci_col_goal,
    Msg::oci_col_owner, Msg::oci_col_due,      Msg::oci_col_programmed, Msg::oci_col_reported,
    Msg::col_evidence,  Msg::oci_col_verified, Msg::oci_col_compliance, Msg::oci_col_observations};

std::string goal_or_product(const Activity& a, Language lang) {
  const Goal& g = *a.goal;
  if (!g.present)
    return a.product.value;
  return tr(lang, Msg::goal_text, g.indicator.value, fmt::format("{}", g.target.value),
            g.unit.value, goal_kind_word(g.kind));
}

OciRow oci_row(const ActivityState& s, const ReportOptions& o) {
  const Activity& a = *s.activity;
  OciRow r;
  r.line = s.line->title.value;
  r.id = format_address(*s.line, a);
  r.title = a.title.value;
  r.goal = goal_or_product(a, o.lang);
  r.owner = codes_text(lead_of(*s.line, a));
  r.due = fmt::format("{}", s.end);
  r.programmed = round_percent(s.expected);
  r.reported = s.progress;
  if (s.last_update != nullptr)
    r.evidence = s.last_update->evidence.value;
  const Review* review = o.period.empty() ? nullptr : review_for(a, o.period);
  r.compliance = "—";
  if (review != nullptr) {
    r.verified = fmt::format("{}%", review->verified.value);
    r.observations = review->note.value;
    r.reviewer = review->by.value;
    if (s.expected > 0 && s.status != Status::cancelled)
      r.compliance = fmt::format("{}%", round_percent(review->verified.value / s.expected * 100));
  }
  return r;
}

std::vector<OciRow> oci_rows(const PlanState& st, const ReportOptions& o) {
  std::vector<OciRow> rows;
  for (const LineState& ls : st.lines) {
    for (const ActivityState& s : ls.activities) rows.push_back(oci_row(s, o));
  }
  return rows;
}

// "3 of 14 activities, by OCI": how many rows the period's reviews cover.
std::string reviewed_text(const std::vector<OciRow>& rows, Language lang) {
  std::vector<std::string> by;
  int reviewed = 0;
  for (const OciRow& r : rows) {
    if (r.verified.empty())
      continue;
    ++reviewed;
    if (std::find(by.begin(), by.end(), r.reviewer) == by.end())
      by.push_back(r.reviewer);
  }
  return tr(lang, Msg::oci_reviewed_count, reviewed, rows.size(),
            by.empty() ? std::string("—") : join(by, ", "));
}

std::string oci_markdown(const PlanState& st, const ReportOptions& o) {
  const Language lang = o.lang;
  const auto rows = oci_rows(st, o);
  std::string out = fmt::format("# {}: {}\n\n", text_of(lang, Msg::oci_title),
                                markdown_cell(st.plan->title.value));
  if (!st.plan->entity.value.empty()) {
    out += fmt::format("**{}:** {}  \n", text_of(lang, Msg::label_entity),
                       markdown_cell(st.plan->entity.value));
  }
  out += fmt::format("**{}:** {}  \n", text_of(lang, Msg::report_cutoff), cutoff_text(st, o));
  out += fmt::format("**{}:** {}\n\n|", text_of(lang, Msg::oci_reviewed),
                     markdown_cell(reviewed_text(rows, lang)));
  for (Msg m : kOciColumns) out += fmt::format(" {} |", text_of(lang, m));
  out += "\n|---|---|---|---|---|---|--:|--:|---|--:|--:|---|\n";
  for (const OciRow& r : rows) {
    const std::string evidence = r.evidence.empty() ? "" : markdown_link("🔗", r.evidence);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {}% | {}% | {} | {} | {} | {} |\n",
                       markdown_cell(r.line), r.id, markdown_cell(r.title), markdown_cell(r.goal),
                       markdown_cell(r.owner), r.due, r.programmed, r.reported, evidence,
                       r.verified, r.compliance, markdown_cell(r.observations));
  }
  return out + "\n" + std::string(text_of(lang, Msg::oci_compliance_note)) + "\n\n" +
         tr(lang, Msg::report_generated, PLAN_VERSION, markdown_cell(st.plan->file)) + "\n";
}

std::string oci_html(const PlanState& st, const ReportOptions& o) {
  const Language lang = o.lang;
  const auto rows = oci_rows(st, o);
  std::string out = html_head(st, lang);
  out += fmt::format("<h1>{}: {}</h1>\n<dl>\n", html(text_of(lang, Msg::oci_title)),
                     html(st.plan->title.value));
  if (!st.plan->entity.value.empty()) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html(text_of(lang, Msg::label_entity)),
                       html(st.plan->entity.value));
  }
  out += fmt::format("<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n</dl>\n",
                     html(text_of(lang, Msg::report_cutoff)), html(cutoff_text(st, o)),
                     html(text_of(lang, Msg::oci_reviewed)), html(reviewed_text(rows, lang)));
  out += "<table>\n<thead><tr>";
  for (Msg m : kOciColumns) out += "<th>" + html(text_of(lang, m)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const OciRow& r : rows) {
    out += fmt::format(
        "<tr><td class=\"lead\">{}</td><td class=\"id\">{}</td><td class=\"title\">{}</td>"
        "<td class=\"product\">{}</td><td class=\"lead\">{}</td><td class=\"date\">{}</td>"
        "<td class=\"num\">{}%</td><td class=\"num\">{}%</td><td class=\"evidence\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"note\">{}</td></tr>\n",
        html(r.line), r.id, html(r.title), html(r.goal), html(r.owner), r.due, r.programmed,
        r.reported, evidence_html(r.evidence, lang), r.verified, r.compliance,
        html(r.observations));
  }
  return out + "</tbody>\n</table>\n<p>" + html(text_of(lang, Msg::oci_compliance_note)) +
         "</p>\n<footer><p>" + html(tr(lang, Msg::report_generated, PLAN_VERSION, st.plan->file)) +
         "</p></footer>\n</body>\n</html>\n";
}

}  // namespace

std::string render_report_csv(const PlanState& st, const ReportOptions& o, const CsvOptions& csv) {
  std::string out = csv.bom ? "\xEF\xBB\xBF" : "";
  std::vector<std::string> cells;
  for (Msg m : kOciColumns) cells.push_back(csv_cell(text_of(o.lang, m), csv, false));
  out += csv_line(cells, csv);
  for (const OciRow& r : oci_rows(st, o)) {
    out += csv_line(
        {csv_cell(r.line, csv, true), csv_cell(r.id, csv, false), csv_cell(r.title, csv, true),
         csv_cell(r.goal, csv, true), csv_cell(r.owner, csv, true), csv_cell(r.due, csv, false),
         csv_cell(fmt::format("{}%", r.programmed), csv, false),
         csv_cell(fmt::format("{}%", r.reported), csv, false), csv_cell(r.evidence, csv, true),
         csv_cell(r.verified, csv, false),
         csv_cell(r.compliance == "—" ? "" : r.compliance, csv, false),
         csv_cell(r.observations, csv, true)},
        csv);
  }
  return out;
}

std::string render_report_html_body(const PlanState& st, const ReportOptions& o) {
  return html_summary(st, o) + html_lines(st, o.lang) + html_changes(o.changes, o.lang) +
         html_activities(st, o) + html_attention(st, o.lang);
}

std::string render_report_html(const PlanState& st, const ReportOptions& o) {
  if (o.layout == ReportLayout::oci)
    return oci_html(st, o);
  return html_head(st, o.lang) + render_report_html_body(st, o) + "<footer><p>" +
         html(tr(o.lang, Msg::report_generated, PLAN_VERSION, st.plan->file)) +
         "</p></footer>\n</body>\n</html>\n";
}

}  // namespace plan
