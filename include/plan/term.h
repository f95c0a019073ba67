// term.h: the terminal: its width, whether to colour, and display width.
//
// Owns every decision about the output device (--width, the terminal's
// columns, --color, NO_COLOR, isatty) and the measure of text on screen:
// an accented letter is one column, an East Asian wide character two, a
// combining mark none. Renderers ask it; nothing else looks at the terminal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plan {

enum class ColorMode { auto_, always, never };

// The narrowest layout the views are designed for.
constexpr int kMinWidth = 40;

struct Terminal {
  int width = 80;
  bool color = false;
};

// width: --width if given, else the terminal's columns when fd is a
// terminal, else $COLUMNS, else 80; never below kMinWidth. color: always/never as asked; auto
// colours only a terminal, and never when NO_COLOR is set (non-empty).
Terminal detect_terminal(int fd, std::optional<int> width, ColorMode mode);

// Whether fd is a terminal (where a binary file must not be written).
bool is_terminal(int fd);

// Columns the text takes on a terminal, as one_line shows it; colour
// sequences take none.
int display_width(std::string_view text);

// Text for one line of a terminal view: each run of blanks holding a line
// break or a tab becomes one space, and the ends lose theirs (a title
// written over lines in YAML, or with a tab, stays on its row).
std::string one_line(std::string_view text);

// Text a person can see, for echoing names and values a program did not
// write (file names, values in messages, excerpts of a file): every
// control character becomes its one-column Unicode picture (ESC as ␛, tab
// as ␉, line feed as ␊, DEL as ␡), and C1 controls, bidirectional controls,
// noncharacters and bytes that are not UTF-8 become U+FFFD, so nothing
// reaches a terminal or a CI log that it would act on: no escape sequence,
// no forged line such as "::error ...", no reordered text.
std::string visible_text(std::string_view text);

// Text cut to at most width columns, ending in "…" when cut; one_line first.
// A cut never splits a character or a colour sequence, and closes what it
// leaves open: a colour gets its reset after the "…", a bidirectional
// embedding or isolate its PDF or PDI. Spaces, joiners and the direction
// marks LRM, RLM and ALM left just before the "…" are dropped: there they
// would act on the "…" and the column after it. Text that fits is returned
// as it is.
std::string truncate(std::string_view text, int width);

// Text padded with spaces to width columns (left-aligned, or right-aligned).
std::string pad_right(std::string_view text, int width);
std::string pad_left(std::string_view text, int width);

// SGR colour wrapping, a no-op when colour is off.
enum class Style { bold, dim, red, yellow, green, blue, cyan, magenta };
std::string paint(const Terminal& term, Style style, std::string_view text);

}  // namespace plan

namespace plan {

// Text broken at spaces into lines of at most width columns (a word longer
// than width gets a line of its own, cut with "…").
std::vector<std::string> wrap(std::string_view text, int width);

}  // namespace plan
