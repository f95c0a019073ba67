// render/table.cpp: `plan list` as a table.
#include "plan/render/table.h"

#include <algorithm>
#include <array>

#include "plan/address.h"
#include "plan/render/style.h"

namespace plan {

std::string codes_text(const OwnerList& list) {
  std::string out;
  for (const Text& c : list.codes) {
    if (!out.empty())
      out += ", ";
    out += c.value;
  }
  return out;
}

namespace {

struct Column {
  Msg header;
  bool right = false;
  int width = 0;
  bool shown = true;
};

enum Col { kId, kTitle, kLead, kStart, kEnd, kProgress, kExpected, kStatus, kSignal, kCols };

using Cells = std::array<std::string, kCols>;

// The activities' cells, with the status and signal that colour them.
struct Listing {
  std::vector<Cells> rows;
  std::vector<Status> statuses;
  std::vector<Signal> signals;
};

Listing listing_of(const PlanState& state, Language lang) {
  Listing l;
  for (const LineState& ls : state.lines) {
    for (const ActivityState& s : ls.activities) {
      l.rows.push_back(
          {format_address(*s.line, *s.activity), s.activity->title.value,
           codes_text(lead_of(*s.line, *s.activity)), fmt::format("{}", s.start),
           fmt::format("{}", s.end), fmt::format("{}%", s.progress),
           fmt::format("{}%", round_percent(s.expected)), status_text(s, lang),
           s.signal == Signal::none ? "-" : std::string(text_of(lang, signal_word(s.signal)))});
      l.statuses.push_back(s.status);
      l.signals.push_back(s.signal);
    }
  }
  return l;
}

using Columns = std::array<Column, kCols>;

// Each column as wide as its widest cell; the title takes what the others
// leave, and columns are dropped, least useful first, until it has room
// to be read.
Columns size_columns(const std::vector<Cells>& rows, Language lang, int width) {
  Columns cols = {{{Msg::col_id},
                   {Msg::col_activity},
                   {Msg::col_lead},
                   {Msg::col_start},
                   {Msg::col_end},
                   {Msg::col_progress, true},
                   {Msg::col_expected, true},
                   {Msg::col_status},
                   {Msg::col_signal}}};
  for (int c = 0; c < kCols; ++c) {
    cols[c].width = display_width(text_of(lang, cols[c].header));
    for (const auto& r : rows) cols[c].width = std::max(cols[c].width, display_width(r[c]));
  }
  cols[kLead].width = std::min(cols[kLead].width, 14);
  constexpr int kMinTitle = 24;
  const int gaps_per_col = 2;
  auto fixed = [&] {
    int w = 0;
    for (int c = 0; c < kCols; ++c) {
      if (c != kTitle && cols[c].shown)
        w += cols[c].width + gaps_per_col;
    }
    return w;
  };
  for (Col drop : {kSignal, kExpected, kStart, kLead, kEnd, kProgress}) {
    if (width - fixed() >= kMinTitle)
      break;
    cols[drop].shown = false;
  }
  const int natural_title = cols[kTitle].width;
  cols[kTitle].width = std::max(4, std::min(natural_title, width - fixed()));
  return cols;
}

// One row of the shown columns; status and signal, when given, colour
// their cells (the header has neither).
std::string table_row(const Columns& cols, const Terminal& term, const Cells& r,
                      const Status* status, const Signal* signal) {
  std::string line;
  for (int c = 0; c < kCols; ++c) {
    if (!cols[c].shown)
      continue;
    if (!line.empty())
      line += "  ";
    const std::string cut = truncate(r[c], cols[c].width);
    std::string text = cols[c].right ? pad_left(cut, cols[c].width) : pad_right(cut, cols[c].width);
    if (status != nullptr && c == kStatus)
      text = paint(term, status_style(*status), text);
    if (signal != nullptr && c == kSignal)
      text = paint(term, signal_style(*signal), text);
    line += text;
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

}  // namespace

std::string render_list_table(const PlanState& state, Language lang, const Terminal& term,
                              bool with_header) {
  const Listing listing = listing_of(state, lang);
  const Columns cols = size_columns(listing.rows, lang, term.width);
  std::string out;
  if (with_header) {
    out += paint(term, Style::bold,
                 truncate(fmt::format("{} — {}", state.plan->id.value, state.plan->title.value),
                          term.width)) +
           "\n";
  }
  Cells header;
  for (int c = 0; c < kCols; ++c) header[c] = std::string(text_of(lang, cols[c].header));
  out += paint(term, Style::bold, table_row(cols, term, header, nullptr, nullptr)) + "\n";
  for (size_t i = 0; i < listing.rows.size(); ++i) {
    out += table_row(cols, term, listing.rows[i], &listing.statuses[i], &listing.signals[i]) + "\n";
  }
  return out;
}

}  // namespace plan
