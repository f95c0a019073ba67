// render/style.cpp: colours, the semáforo and progress bars.
#include "plan/render/style.h"

#include <algorithm>
#include <cmath>

namespace plan {

Style status_style(Status s) {
  switch (s) {
  case Status::done:
    return Style::green;
  case Status::late:
    return Style::red;
  case Status::blocked:
    return Style::magenta;
  case Status::in_progress:
    return Style::cyan;
  default:
    return Style::dim;
  }
}

std::string days_text(int days, Language lang) {
  if (days == 1)
    return std::string(text_of(lang, Msg::day_count_one));
  return tr(lang, Msg::day_count, days);
}

std::string status_text(const ActivityState& s, Language lang) {
  if (s.status == Status::done && s.done_late > 0)
    return tr(lang, Msg::status_done_late, days_text(s.done_late, lang));
  return std::string(text_of(lang, status_word(s.status)));
}

Style signal_style(Signal s) {
  switch (s) {
  case Signal::green:
    return Style::green;
  case Signal::yellow:
    return Style::yellow;
  case Signal::red:
    return Style::red;
  default:
    return Style::dim;
  }
}

std::string signal_text(const Terminal& term, Signal s, Language lang, bool ascii) {
  if (s == Signal::none)
    return "-";
  const std::string dot = ascii ? "*" : "●";
  return paint(term, signal_style(s), dot + " " + std::string(text_of(lang, signal_word(s))));
}

std::string progress_bar(const Terminal& term, double progress, double expected, int width,
                         bool ascii, Style fill) {
  static const char* const kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  width = std::max(width, 1);
  const int eighths =
      static_cast<int>(std::lround(std::clamp(progress, 0.0, 100.0) / 100.0 * width * 8));
  const int full = eighths / 8;
  const int part = ascii ? 0 : eighths % 8;
  // The expected point: the cell where expected progress ends.
  const int mark =
      std::clamp(static_cast<int>(std::lround(expected / 100.0 * width)) - 1, -1, width - 1);
  std::string done;
  std::string rest;
  for (int i = 0; i < width; ++i) {
    std::string cell;
    if (i < full) {
      cell = ascii ? "#" : "█";
    } else if (i == full && part > 0) {
      cell = kEighths[part];
    } else if (i == mark && expected > 0) {
      cell = ascii ? "|" : "│";
    } else {
      cell = ascii ? "." : "░";
    }
    (i < full || (i == full && part > 0) ? done : rest) += cell;
  }
  return paint(term, fill, done) + paint(term, Style::dim, rest);
}

}  // namespace plan
