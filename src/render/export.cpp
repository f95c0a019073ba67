// render/export.cpp: CSV, Markdown, Mermaid and iCalendar.
#include "plan/render/export.h"

#include <algorithm>

#include "plan/address.h"
#include "plan/render/table.h"
#include "plan/term.h"
#include "plan/version.h"

namespace plan {
namespace {

std::string iso(const Date& d) { return fmt::format("{}", d); }

// ---------------------------------------------------------------------------
// CSV (RFC 4180): a field with a comma, quote or line break is quoted, its
// quotes doubled.

std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0)
      out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace

std::string render_csv(const std::vector<PlanState>& states, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  out +=
      csv_row({"plan", "id", "line", "line_title", "title", "lead", "support", "start", "end",
               "product", "progress", "expected", "status", "signal", "last_update", "last_note"});
  for (const PlanState& ps : states) {
    for (const LineState& ls : ps.lines) {
      for (const ActivityState& s : ls.activities) {
        const Activity& a = *s.activity;
        out += csv_row({ps.plan->id.value, format_address(*s.line, a),
                        std::to_string(s.line->id.value), s.line->title.value, a.title.value,
                        codes_text(lead_of(*s.line, a)), codes_text(support_of(*s.line, a)),
                        iso(s.start), iso(s.end), a.product.value, std::to_string(s.progress),
                        std::to_string(round_percent(s.expected)),
                        std::string(status_code(s.status)), std::string(signal_code(s.signal)),
                        s.last_update ? iso(s.last_update->date.date.last()) : "",
                        s.last_update ? s.last_update->note.value : ""});
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Markdown (GitHub-flavoured tables).

std::string markdown_cell(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
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
                      codes_text(lead_of(*s.line, *s.activity)), iso(s.start), iso(s.end),
                      s.progress, round_percent(s.expected), text_of(lang, status_word(s.status)),
                      markdown_signal(s.signal, lang));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Mermaid gantt.

namespace {

// Task names end at ':' and ';' and '#' starts a comment; keep them out.
std::string mermaid_text(std::string_view v, int max_width) {
  std::string out;
  for (char c : v) {
    if (c == ':' || c == ';') {
      out += ',';
    } else if (c == '#') {
      out += "n.";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return truncate(out, max_width);
}

}  // namespace

std::string render_mermaid(const PlanState& st, Language lang) {
  std::string out = "gantt\n";
  out += "    title " + mermaid_text(st.plan->title.value, 100) + "\n";
  out += "    dateFormat YYYY-MM-DD\n";
  // Month numbers: Mermaid names months in English only.
  out += "    axisFormat %Y-%m\n";
  for (const LineState& ls : st.lines) {
    out += fmt::format("    section {} {}\n", text_of(lang, Msg::label_line), ls.line->id.value);
    for (const ActivityState& s : ls.activities) {
      std::string tags;
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
      out +=
          fmt::format("    {} {} :{}a{}_{}, {}, {}\n", format_address(*s.line, *s.activity),
                      mermaid_text(s.activity->title.value, 60), tags, s.line->id.value,
                      s.activity->id.value, iso(s.start), iso(Date::from_days(s.end.days() + 1)));
    }
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
                            text_of(lang, status_word(s.status)));
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
