// render/export.cpp: CSV, Markdown, Mermaid and iCalendar.
#include "plan/render/export.h"

#include <algorithm>

#include "plan/address.h"
#include "plan/render/style.h"
#include "plan/render/table.h"
#include "plan/term.h"
#include "plan/version.h"

namespace plan {
namespace {

std::string iso(const Date& d) { return fmt::format("{}", d); }

// ---------------------------------------------------------------------------
// CSV (RFC 4180, with the separator chosen): a field with the separator, a
// quote or a line break is quoted, its quotes doubled.

std::string csv_quoted(std::string_view v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_field(std::string_view v, char sep) {
  const char specials[] = {sep, '"', '\r', '\n'};
  if (v.find_first_of(std::string_view(specials, sizeof specials)) == std::string_view::npos)
    return std::string(v);
  return csv_quoted(v);
}

std::string csv_row(const std::vector<std::string>& fields, char sep) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0)
      out += sep;
    out += fields[i];
  }
  return out + "\r\n";
}

struct CsvColumn {
  std::string_view code;  // the codes form's header
  Msg header;             // the sheet form's
};

constexpr CsvColumn kCsvColumns[] = {
    {"plan", Msg::csv_col_plan},
    {"id", Msg::csv_col_id},
    {"line", Msg::csv_col_line},
    {"line_title", Msg::csv_col_line_title},
    {"title", Msg::csv_col_title},
    {"lead", Msg::csv_col_lead},
    {"support", Msg::csv_col_support},
    {"start", Msg::csv_col_start},
    {"end", Msg::csv_col_end},
    {"product", Msg::csv_col_product},
    {"progress", Msg::csv_col_progress},
    {"expected", Msg::csv_col_expected},
    {"status", Msg::csv_col_status},
    {"signal", Msg::csv_col_signal},
    {"last_update", Msg::csv_col_last_update},
    {"last_note", Msg::csv_col_last_note},
    {"done_late_days", Msg::csv_col_done_late_days},
    {"done_on", Msg::csv_col_done_on},
    {"last_evidence", Msg::csv_col_last_evidence},
    {"last_by", Msg::csv_col_last_by},
    {"weight", Msg::csv_col_weight},
};

// How one form writes each kind of cell.
class CsvCellWriter {
 public:
  explicit CsvCellWriter(const CsvOptions& opts)
      : opts_(opts),
        sheet_(opts.form == CsvForm::sheet),
        decimal_comma_(sheet_ &&
                       (opts.sep == ';' || (opts.sep == '\t' && opts.lang == Language::es))) {}

  // A spreadsheet runs a cell that begins with = + - @ (or a tab or
  // carriage return before one) as a formula: OWASP's "CSV Injection"
  // advice is a leading single quote, inside quotes, so the cell is read as
  // text.
  std::string text(std::string_view v) const {
    if (opts_.cells == CsvCells::protect && !v.empty() &&
        std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos)
      return csv_quoted("'" + std::string(v));
    return field(v);
  }
  // plan's own values (addresses, numbers, dates, codes): never a formula.
  std::string field(std::string_view v) const { return csv_field(v, opts_.sep); }
  std::string percent(int v) const { return sheet_ ? fmt::format("{}%", v) : std::to_string(v); }
  std::string number(double v) const {
    std::string out = fmt::format("{}", v);
    if (decimal_comma_)
      std::replace(out.begin(), out.end(), '.', ',');
    return field(out);
  }
  std::string status(Status s) const {
    return field(sheet_ ? text_of(opts_.lang, status_word(s)) : status_code(s));
  }
  std::string signal(Signal s) const {
    if (!sheet_ || s == Signal::none)
      return field(signal_code(s));
    return field(text_of(opts_.lang, signal_word(s)));
  }
  std::string header() const {
    std::vector<std::string> names;
    for (const CsvColumn& c : kCsvColumns)
      names.push_back(field(sheet_ ? text_of(opts_.lang, c.header) : c.code));
    return csv_row(names, opts_.sep);
  }

 private:
  const CsvOptions& opts_;
  bool sheet_;
  bool decimal_comma_;
};

// One activity's row, in kCsvColumns' order. Text from the plan file goes
// through text(), which protects it; what plan computes or checked (the
// address, line number, dates, percentages, status, signal, weight) cannot
// begin a formula and stays a value the spreadsheet reads as one.
std::string csv_activity(const PlanState& ps, const ActivityState& s, const CsvCellWriter& w,
                         char sep) {
  const Activity& a = *s.activity;
  const Update* last = s.last_update;
  const std::optional<Date> done =
      s.status == Status::done ? done_on(a, ps.as_of) : std::optional<Date>();
  return csv_row({w.text(ps.plan->id.value),
                  w.field(format_address(*s.line, a)),
                  std::to_string(s.line->id.value),
                  w.text(s.line->title.value),
                  w.text(a.title.value),
                  w.text(codes_text(lead_of(*s.line, a))),
                  w.text(codes_text(support_of(*s.line, a))),
                  iso(s.start),
                  iso(s.end),
                  w.text(a.product.value),
                  w.percent(s.progress),
                  w.percent(round_percent(s.expected)),
                  w.status(s.status),
                  w.signal(s.signal),
                  last != nullptr ? iso(last->date.date.last()) : "",
                  w.text(last != nullptr ? last->note.value : ""),
                  std::to_string(s.done_late),
                  done ? iso(*done) : "",
                  w.text(last != nullptr ? last->evidence.value : ""),
                  w.text(last != nullptr ? last->by.value : ""),
                  w.number(a.weight.value)},
                 sep);
}

}  // namespace

CsvOptions csv_defaults(CsvForm form, Language lang) {
  CsvOptions opts;
  opts.form = form;
  opts.lang = lang;
  const bool sheet = form == CsvForm::sheet;
  opts.sep = sheet && lang == Language::es ? ';' : ',';
  opts.bom = sheet;
  return opts;
}

std::string render_csv(const std::vector<PlanState>& states, const CsvOptions& opts) {
  const CsvCellWriter w(opts);
  std::string out = opts.bom ? "\xEF\xBB\xBF" : "";
  out += w.header();
  for (const PlanState& ps : states) {
    for (const LineState& ls : ps.lines) {
      for (const ActivityState& s : ls.activities) out += csv_activity(ps, s, w, opts.sep);
    }
  }
  return out;
}

std::vector<Msg> csv_sheet_headers() {
  std::vector<Msg> out;
  for (const CsvColumn& c : kCsvColumns) out.push_back(c.header);
  return out;
}

std::string csv_cell(std::string_view v, const CsvOptions& opts, bool from_plan) {
  const CsvCellWriter w(opts);
  return from_plan ? w.text(v) : w.field(v);
}

std::string csv_line(const std::vector<std::string>& cells, const CsvOptions& opts) {
  return csv_row(cells, opts.sep);
}

// ---------------------------------------------------------------------------
// Markdown (GitHub-flavoured tables).

namespace {

// What GFM takes for the end of an e-mail address's local part.
bool ends_email_local_part(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view(".+-_").find(c) != std::string_view::npos;
}

// Whether the character at i gets a backslash. Each ASCII punctuation mark
// that CommonMark or GFM reads as inline markup anywhere: emphasis, code,
// links and images, raw HTML and autolinks, entities, strikethrough, a
// cell's '|', a heading's closing '#', and '$', which GitHub and other
// renderers read as math. A first character that would open a block where
// the text starts a line: a list, quote, heading, setext underline or
// thematic break, an ordered list's "1." or "1)". And what makes GFM's
// extended autolinks: the ':' of "http://" and the '.' of "www.", so that
// text that looks like an address stays text too. '(' or '!' cannot make a
// link once '[' is escaped, so they stay as they are and the source stays
// readable.
bool markdown_escaped(std::string_view v, size_t i, size_t digits) {
  static constexpr std::string_view kInline = "\\`*_[]<>&~|#$";
  static constexpr std::string_view kBlockStart = "+-=>";
  const char c = v[i];
  if (kInline.find(c) != std::string_view::npos)
    return true;
  if (i == 0 && kBlockStart.find(c) != std::string_view::npos)
    return true;
  if (i == digits && i > 0 && (c == '.' || c == ')'))
    return true;
  if (c == ':' && v.compare(i + 1, 2, "//") == 0)
    return true;
  const auto lower = [&v](size_t at) { return static_cast<char>(v[at] | 0x20); };
  return c == '.' && i >= 3 && lower(i - 3) == 'w' && lower(i - 2) == 'w' && lower(i - 1) == 'w';
}

}  // namespace

// Plan text is shown as text, never read as markup (see markdown_escaped).
// Leading blanks are dropped: four spaces at the start of a line would open
// a code block, and a cell or heading trims them anyway. Line breaks and
// tabs become spaces: a value with blank lines cannot end a table or start a
// heading. An e-mail address is recognised by GFM (and GitHub) in the text
// after escapes are read, so no backslash keeps it from becoming a mailto:
// link; an invisible word joiner (U+2060) before its '@' does.
std::string markdown_cell(std::string_view text) {
  const std::string_view v = text.substr(std::min(text.find_first_not_of(" \t\r\n"), text.size()));
  const size_t digits = std::min(v.find_first_not_of("0123456789"), v.size());
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (markdown_escaped(v, i, digits))
      out += '\\';
    if (c == '@' && i > 0 && ends_email_local_part(v[i - 1]))
      out += "\xE2\x81\xA0";  // U+2060 WORD JOINER
    out += c;
  }
  return out;
}

namespace {

// Bytes that would end or break a link destination, or a table cell, as
// %XX; a UTF-8 character's bytes each. A destination's entity references are
// decoded (cmark-gfm does so even after a backslash), so '&' is written
// "&amp;": "&copy;" in a URL stays those six characters.
std::string link_destination(std::string_view url) {
  static constexpr std::string_view kBreaks = "()<>\"\\|`";
  std::string out;
  for (char c : url) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b >= 0x7F || kBreaks.find(c) != std::string_view::npos) {
      out += fmt::format("%{:02X}", b);
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

// Only web links become links, as in the HTML report; anything else
// (a path, a javascript: address) is shown as text.
std::string markdown_link(std::string_view text, std::string_view url) {
  if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0)
    return fmt::format("[{}]({})", text, link_destination(url));
  return markdown_cell(url);
}

namespace {

std::string signal_symbol(Signal s) {
  switch (s) {
  case Signal::green:
    return "🟢";
  case Signal::yellow:
    return "🟡";
  case Signal::red:
    return "🔴";
  default:
    return "⚪";
  }
}

}  // namespace

std::string markdown_signal(Signal s, Language lang) {
  if (s == Signal::none)
    return "—";
  return signal_symbol(s) + " " + std::string(text_of(lang, signal_word(s)));
}

std::string render_markdown(const PlanState& st, Language lang) {
  const Plan& plan = *st.plan;
  std::string out = fmt::format("# {}\n\n", markdown_cell(plan.title.value));
  if (!plan.entity.value.empty())
    out += markdown_cell(plan.entity.value) + "  \n";
  out += fmt::format(
      "{}: {} · {}: {}% ({}) · {}\n", text_of(lang, Msg::label_as_of), long_date(lang, st.as_of),
      text_of(lang, Msg::label_plan_progress), round_percent(st.progress),
      tr(lang, Msg::expected_short, round_percent(st.expected)), markdown_signal(st.signal, lang));
  for (const LineState& ls : st.lines) {
    out += fmt::format("\n## {} {} — {}\n\n", text_of(lang, Msg::label_line), ls.line->id.value,
                       markdown_cell(ls.line->title.value));
    out += fmt::format("{}: {}% ({}) · {}\n\n", text_of(lang, Msg::label_progress),
                       round_percent(ls.progress),
                       tr(lang, Msg::expected_short, round_percent(ls.expected)),
                       markdown_signal(ls.signal, lang));
    out +=
        fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", text_of(lang, Msg::col_id),
                    text_of(lang, Msg::col_activity), text_of(lang, Msg::col_lead),
                    text_of(lang, Msg::col_start), text_of(lang, Msg::col_end),
                    text_of(lang, Msg::col_progress), text_of(lang, Msg::col_expected),
                    text_of(lang, Msg::col_status), text_of(lang, Msg::col_signal));
    out += "|---|---|---|---|---|--:|--:|---|---|\n";
    for (const ActivityState& s : ls.activities) {
      out +=
          fmt::format("| {} | {} | {} | {} | {} | {}% | {}% | {} | {} |\n",
                      format_address(*s.line, *s.activity), markdown_cell(s.activity->title.value),
                      markdown_cell(codes_text(lead_of(*s.line, *s.activity))), iso(s.start),
                      iso(s.end), s.progress, round_percent(s.expected), status_text(s, lang),
                      markdown_signal(s.signal, lang));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Mermaid gantt.

namespace {

// Mermaid reads ':' and ';' as the end of a task name, '#' and '%' as the
// start of a comment, and "%%{" anywhere as a directive; it decodes "#58;"
// (any "#NNN;") back to the character when it draws the chart. So each such
// character is written as its entity, '#' itself too. '<', '>' and '&' keep
// labels from being read as HTML; U+FB02 and U+00B6 open the placeholders
// Mermaid uses for entities, so they are encoded as well.
std::string mermaid_text(std::string_view v, int max_width) {
  const std::string cut = truncate(v, max_width);
  std::string out;
  for (size_t i = 0; i < cut.size(); ++i) {
    const char c = cut[i];
    if (std::string_view(":;#%<>\"&").find(c) != std::string_view::npos) {
      out += fmt::format("#{};", static_cast<int>(c));
    } else if (cut.compare(i, 3, "\xEF\xAC\x82") == 0) {  // U+FB02
      out += "#64258;";
      i += 2;
    } else if (cut.compare(i, 2, "\xC2\xB6") == 0) {  // U+00B6
      out += "#182;";
      i += 1;
    } else {
      out += c;
    }
  }
  return out;
}

// The chart's dates: the first start and the day after the last end (Mermaid's
// end is exclusive); empty when the plan has no activity.
struct ChartSpan {
  bool empty = true;
  Date first;
  Date after_last;
};

ChartSpan chart_span(const PlanState& st) {
  ChartSpan span;
  for (const LineState& ls : st.lines) {
    for (const ActivityState& s : ls.activities) {
      const Date after = Date::from_days(s.end.days() + 1);
      if (span.empty || s.start < span.first)
        span.first = s.start;
      if (span.empty || span.after_last < after)
        span.after_last = after;
      span.empty = false;
    }
  }
  return span;
}

// A tick a month for a year's plan, a quarter up to four and a half years,
// a year beyond: about a dozen labels whatever the span. Mermaid's
// tickInterval (10.3 and later) counts in months at most, so a year is 12.
std::string_view tick_interval(const ChartSpan& span) {
  const int months = span.empty ? 0
                                : (span.after_last.year - span.first.year) * 12 +
                                      span.after_last.month - span.first.month;
  if (months <= 18)
    return "1month";
  if (months <= 54)
    return "3month";
  return "12month";
}

// The as-of date as a vertical line, instead of Mermaid's "today" (the
// clock of whoever views the chart). `vert` is a task type from Mermaid
// 11.7 on (GitHub draws with 11.17); an older Mermaid (GitLab's 10.7) reads
// "vert" as the task's id and draws a zero-length task named with the date,
// so the chart stays valid there. Left out when the date is outside the
// chart, where the line would stretch the axis for years.
std::string mermaid_as_of(const PlanState& st, const ChartSpan& span, Language lang) {
  if (span.empty || st.as_of < span.first || span.after_last < st.as_of)
    return "";
  const std::string name = fmt::format("{} {}", text_of(lang, Msg::label_as_of), iso(st.as_of));
  return fmt::format("    {} :vert, {}, 0d\n", mermaid_text(name, 60), iso(st.as_of));
}

// A section is named by its line's title; a title with nothing to show
// keeps the "Line N" it had before, since Mermaid needs a name. Mermaid
// merges sections of the same name into one (one label for both), so a
// name already used gets the line's number: "Fortalecer la participac… (3)".
std::string mermaid_section(const LineState& ls, Language lang, std::vector<std::string>* used) {
  constexpr int kWidth = 40;
  const Line& line = *ls.line;
  std::string name = truncate(line.title.value, kWidth);
  if (name.empty())
    name = fmt::format("{} {}", text_of(lang, Msg::label_line), line.id.value);
  if (std::find(used->begin(), used->end(), name) != used->end()) {
    const std::string suffix = fmt::format(" ({})", line.id.value);
    name = truncate(line.title.value, kWidth - static_cast<int>(suffix.size())) + suffix;
  }
  used->push_back(name);
  return "    section " + mermaid_text(name, kWidth) + "\n";
}

std::string mermaid_task(const ActivityState& s) {
  std::string_view tags;
  switch (s.status) {
  case Status::done:
    tags = "done, ";
    break;
  case Status::in_progress:
    tags = "active, ";
    break;
  case Status::late:
  case Status::blocked:
    tags = "crit, ";
    break;
  default:
    break;
  }
  // Mermaid's end date is exclusive: the task runs to the day before.
  return fmt::format("    {} {} :{}a{}_{}, {}, {}\n", format_address(*s.line, *s.activity),
                     mermaid_text(s.activity->title.value, 60), tags, s.line->id.value,
                     s.activity->id.value, iso(s.start), iso(Date::from_days(s.end.days() + 1)));
}

}  // namespace

std::string render_mermaid(const PlanState& st, Language lang) {
  const ChartSpan span = chart_span(st);
  std::string out = "gantt\n";
  out += "    title " + mermaid_text(st.plan->title.value, 100) + "\n";
  out += "    dateFormat YYYY-MM-DD\n";
  // Month numbers: Mermaid names months in English only.
  out += "    axisFormat %Y-%m\n";
  out += fmt::format("    tickInterval {}\n", tick_interval(span));
  out += "    todayMarker off\n";
  out += mermaid_as_of(st, span, lang);
  std::vector<std::string> sections;
  for (const LineState& ls : st.lines) {
    out += mermaid_section(ls, lang, &sections);
    for (const ActivityState& s : ls.activities) out += mermaid_task(s);
  }
  return out;
}

// ---------------------------------------------------------------------------
// iCalendar (RFC 5545).

std::string ics_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case ';':
      out += "\\;";
      break;
    case ',':
      out += "\\,";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      break;
    default:
      out += c;
    }
  }
  return out;
}

// Lines longer than 75 octets continue on the next line after CRLF and a
// space; a UTF-8 character is never split.
std::string ics_fold(std::string_view line) {
  std::string out;
  size_t at = 0;
  size_t limit = 75;
  while (line.size() - at > limit) {
    size_t cut = at + limit;
    while (cut > at && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(at, cut - at);
    out += "\r\n ";
    at = cut;
    limit = 74;  // the leading space counts
  }
  out += line.substr(at);
  return out + "\r\n";
}

std::string render_ics(const std::vector<PlanState>& states, Language lang) {
  auto compact = [](const Date& d) {
    return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day);
  };
  std::string out;
  out += ics_fold("BEGIN:VCALENDAR");
  out += ics_fold("VERSION:2.0");
  out += ics_fold(std::string("PRODID:-//plan//plan ") + PLAN_VERSION + "//" +
                  (lang == Language::es ? "ES" : "EN"));
  out += ics_fold("CALSCALE:GREGORIAN");
  if (states.size() == 1)
    out += ics_fold("X-WR-CALNAME:" + ics_escape(states.front().plan->title.value));
  for (const PlanState& ps : states) {
    const Plan& plan = *ps.plan;
    for (const LineState& ls : ps.lines) {
      for (const ActivityState& s : ls.activities) {
        const Activity& a = *s.activity;
        const std::string addr = format_address(*s.line, a);
        std::string desc =
            fmt::format("{}: {}", text_of(lang, Msg::ics_lead), codes_text(lead_of(*s.line, a)));
        if (!support_of(*s.line, a).codes.empty()) {
          desc += fmt::format("\n{}: {}", text_of(lang, Msg::col_support),
                              codes_text(support_of(*s.line, a)));
        }
        if (!a.product.value.empty()) {
          desc += fmt::format("\n{}: {}", text_of(lang, Msg::col_product), a.product.value);
        }
        desc += fmt::format("\n{}: {}% · {}", text_of(lang, Msg::col_progress), s.progress,
                            status_text(s, lang));
        out += ics_fold("BEGIN:VEVENT");
        out += ics_fold(fmt::format("UID:{}-{}@plan", plan.id.value, addr));
        // DTSTAMP is required; the as-of date keeps the file reproducible.
        out += ics_fold("DTSTAMP:" + compact(ps.as_of) + "T000000Z");
        out += ics_fold("DTSTART;VALUE=DATE:" + compact(s.start));
        out += ics_fold("DTEND;VALUE=DATE:" + compact(Date::from_days(s.end.days() + 1)));
        out += ics_fold("SUMMARY:" + ics_escape(addr + " " + a.title.value));
        out += ics_fold("DESCRIPTION:" + ics_escape(desc));
        out += ics_fold("CATEGORIES:" + ics_escape(std::string(status_code(s.status))));
        out += ics_fold("END:VEVENT");
      }
    }
  }
  out += ics_fold("END:VCALENDAR");
  return out;
}

}  // namespace plan
