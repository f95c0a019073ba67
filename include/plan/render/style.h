// render/style.h: how states look: colours, symbols and bars.
//
// Owns the visual vocabulary that every terminal view shares, so `list`,
// `status` and `timeline` agree: the colour of each status, the semáforo as
// a coloured dot plus a word (never colour alone), progress bars in
// Unicode eighth blocks or plain ASCII, and the words of an activity's
// status, which every view and export that words it takes from here.
#pragma once

#include <string>

#include "plan/derive.h"
#include "plan/term.h"

namespace plan {

Style status_style(Status s);

// "1 día" / "3 days".
std::string days_text(int days, Language lang);
// An activity's status in words: "terminada", or "terminada con retraso
// (16 días)" / "done late (16 days)" when it reached 100 after its end.
std::string status_text(const ActivityState& s, Language lang);
Style signal_style(Signal s);

// "● verde" (coloured when the terminal is); "-" when there is no signal.
std::string signal_text(const Terminal& term, Signal s, Language lang, bool ascii);

// A bar of `width` cells: progress filled (eighth-block precision), the
// rest shaded, and a marker at `expected` (both 0..100).
std::string progress_bar(const Terminal& term, double progress, double expected, int width,
                         bool ascii, Style fill);

}  // namespace plan
