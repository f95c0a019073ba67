// term_test.cpp: display width, truncation, wrapping and terminal detection.
#include "plan/term.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "plan/text.h"

namespace plan {
namespace {

// Sets (or unsets, with nullptr) an environment variable for one scope.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name))
      old_ = std::string(old);
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~EnvVar() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A file descriptor that is not a terminal.
class NotATerminal {
 public:
  NotATerminal() : fd_(::open("/dev/null", O_WRONLY)) { REQUIRE(fd_ >= 0); }
  ~NotATerminal() { ::close(fd_); }
  NotATerminal(const NotATerminal&) = delete;
  NotATerminal& operator=(const NotATerminal&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// A pseudo-terminal, so that the terminal branch can be tested without one.
class PseudoTerminal {
 public:
  explicit PseudoTerminal(unsigned short cols) {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0)
      return;
    const char* name = ::ptsname(master_);
    if (name == nullptr)
      return;
    slave_ = ::open(name, O_RDWR | O_NOCTTY);
    if (slave_ < 0)
      return;
    struct winsize ws {};
    ws.ws_col = cols;
    ws.ws_row = 24;
    ::ioctl(slave_, TIOCSWINSZ, &ws);
  }
  ~PseudoTerminal() {
    if (slave_ >= 0)
      ::close(slave_);
    if (master_ >= 0)
      ::close(master_);
  }
  PseudoTerminal(const PseudoTerminal&) = delete;
  PseudoTerminal& operator=(const PseudoTerminal&) = delete;
  bool ok() const { return slave_ >= 0 && ::isatty(slave_) == 1; }
  int fd() const { return slave_; }

 private:
  int master_ = -1;
  int slave_ = -1;
};

// --- display width
// -------------------------------------------------------------

TEST_CASE("display_width counts columns, not bytes", "[term]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("Planeación") == 10);
  CHECK(display_width("Ñandú") == 5);
  CHECK(display_width("日本") == 4);
  CHECK(display_width("日本 y Ñ") == 8);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute accent
  CHECK(display_width("…") == 1);
}

// --- truncate
// ------------------------------------------------------------------

TEST_CASE("truncate leaves text that fits alone", "[term]") {
  CHECK(truncate("Planeación", 10) == "Planeación");
  CHECK(truncate("Planeación", 40) == "Planeación");
  CHECK(truncate("", 5) == "");
}

TEST_CASE("truncate cuts to the width with an ellipsis", "[term]") {
  CHECK(truncate("Planeación", 9) == "Planeaci…");
  CHECK(truncate("Planeación", 5) == "Plan…");
  CHECK(truncate("Planeación", 1) == "…");
  CHECK(truncate("Planeación", 0) == "");
  // A space left before the ellipsis is dropped.
  CHECK(truncate("a b c d", 4) == "a b…");
  CHECK(truncate("ab cd", 4) == "ab…");
}

TEST_CASE("truncate never splits a character", "[term]") {
  // A wide character that does not fit is left out whole.
  CHECK(truncate("日本語", 4) == "日…");
  CHECK(truncate("日本語", 5) == "日本…");
  // A combining mark stays with its letter.
  CHECK(truncate("e\xCC\x81"
                 "e\xCC\x81"
                 "e\xCC\x81",
                 2) == "e\xCC\x81…");

  const std::string text = "Participación Ciudadana 日本語 Ñandú";
  for (int width = 1; width <= display_width(text); ++width) {
    const std::string cut = truncate(text, width);
    INFO("width " << width << ": '" << cut << "'");
    CHECK(display_width(cut) <= width);
    CHECK(find_invalid_utf8(cut) == std::string_view::npos);
    if (width < display_width(text)) {
      REQUIRE(cut.size() >= 3);
      CHECK(cut.substr(cut.size() - 3) == "…");
      CHECK(text.compare(0, cut.size() - 3, cut, 0, cut.size() - 3) == 0);
      // Nothing that would still have fitted was dropped, bar a space.
      CHECK(display_width(cut) >= width - 2);
    } else {
      CHECK(cut == text);
    }
  }
}

// --- truncate: colours and direction marks
// ------------------------------------------------------------

// What a terminal is left with after s: whether each escape sequence in it
// is whole (ESC [ digits and ';' ... m) and whether a colour is still on.
struct Escapes {
  bool whole = true;
  bool colour_on = false;
};

Escapes escapes_of(std::string_view s) {
  Escapes e;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\x1b')
      continue;
    size_t j = i + 1;
    if (j < s.size() && s[j] == '[')
      ++j;
    else
      e.whole = false;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';')) ++j;
    if (j >= s.size() || s[j] != 'm') {
      e.whole = false;
      continue;
    }
    const std::string_view params = s.substr(i + 2, j - i - 2);
    e.colour_on = !(params.empty() || params == "0");
    i = j;
  }
  return e;
}

// s without its colour sequences: what a person reads.
std::string without_sequences(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b') {
      i = s.find('m', i);
      if (i == std::string_view::npos)
        break;
      continue;
    }
    out += s[i];
  }
  return out;
}

const Terminal kColour{80, true};

// Cells as the views colour them: one style, nested styles, colour in the
// middle, colours side by side, wide and combining characters, right-to-left
// text with its marks.
std::vector<std::string> coloured_cells() {
  std::vector<std::string> cells;
  for (Style s : {Style::bold, Style::dim, Style::red, Style::yellow, Style::green, Style::blue,
                  Style::cyan, Style::magenta}) {
    cells.push_back(paint(kColour, s, "Planeación 日本 e\xCC\x81 ñ"));
  }
  cells.push_back("sin color " + paint(kColour, Style::red, "rojo") + " y después");
  cells.push_back(paint(kColour, Style::bold, paint(kColour, Style::red, "x y z w")));
  cells.push_back(paint(kColour, Style::red, "ab") + paint(kColour, Style::green, "cd") + "ef");
  cells.push_back(paint(kColour, Style::red, "ab ") + "  cdef");
  cells.push_back(paint(kColour, Style::cyan,
                        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8F " +
                            std::string("\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A")));
  cells.push_back(paint(kColour, Style::green, "👩‍💻 ok ✓ …"));
  return cells;
}

TEST_CASE("truncate keeps colour sequences whole and ends a coloured cut with the reset",
          "[term]") {
  for (const std::string& text : coloured_cells()) {
    const int full = display_width(text);
    for (int width = 1; width <= full + 1; ++width) {
      const std::string cut = truncate(text, width);
      INFO("'" << text << "' at width " << width << ": '" << cut << "'");
      CHECK(display_width(cut) <= width);
      CHECK(find_invalid_utf8(cut) == std::string_view::npos);
      const Escapes e = escapes_of(cut);
      CHECK(e.whole);
      CHECK_FALSE(e.colour_on);
      if (width >= full) {
        CHECK(cut == text);
        continue;
      }
      // What is read is the start of the text, then the ellipsis; a colour
      // begun in the cut is reset at its very end.
      const std::string seen = without_sequences(cut);
      REQUIRE(seen.size() >= 3);
      CHECK(seen.substr(seen.size() - 3) == "…");
      CHECK(without_sequences(text).compare(0, seen.size() - 3, seen, 0, seen.size() - 3) == 0);
      const size_t ellipsis = cut.rfind("…");
      if (escapes_of(cut.substr(0, ellipsis)).colour_on) {
        CHECK(cut.substr(ellipsis) == "…\x1b[0m");
      }
    }
  }
}

TEST_CASE("truncate cuts coloured text where the colour is", "[term]") {
  CHECK(truncate(paint(kColour, Style::red, "Planeación"), 5) == "\x1b[31mPlan…\x1b[0m");
  CHECK(truncate(paint(kColour, Style::red, "Planeación"), 1) == "\x1b[31m…\x1b[0m");
  CHECK(truncate(paint(kColour, Style::red, "Planeación"), 10) ==
        paint(kColour, Style::red, "Planeación"));
  // Nested: one reset ends both.
  CHECK(truncate(paint(kColour, Style::bold, paint(kColour, Style::red, "abcdef")), 3) ==
        "\x1b[1m\x1b[31mab…\x1b[0m");
  // The colour ended before the cut: no reset is added, none is lost.
  CHECK(truncate(paint(kColour, Style::red, "ab") + "cdef", 4) == "\x1b[31mab\x1b[0mc…");
  // A space dropped before the ellipsis keeps the reset after it.
  CHECK(truncate(paint(kColour, Style::red, "ab ") + "cdef", 4) == "\x1b[31mab\x1b[0m…");
  // A colour that starts after the cut is left out whole.
  CHECK(truncate("abc " + paint(kColour, Style::red, "def"), 4) == "abc…");
}

// U+200E LRM, U+200F RLM, U+061C ALM: plan text may hold them.
constexpr std::string_view kLrm = "\xE2\x80\x8E";
constexpr std::string_view kRlm = "\xE2\x80\x8F";
constexpr std::string_view kAlm = "\xD8\x9C";

TEST_CASE("truncate leaves no direction mark before its ellipsis", "[term]") {
  const std::string shalom = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";  // 4 columns
  const std::string olam = "\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D";
  CHECK(truncate(shalom + std::string(kRlm) + " " + olam, 6) == shalom + "…");
  CHECK(truncate("abc" + std::string(kAlm) + "def", 4) == "abc…");
  CHECK(truncate("abc" + std::string(kLrm) + "\xE2\x80\x8D" + "def", 4) == "abc…");  // and ZWJ
  // A mark between two kept letters still acts on them, and stays.
  CHECK(truncate("a" + std::string(kRlm) + "bcd", 3) == "a" + std::string(kRlm) + "b…");
  // Text that fits is the author's, marks and all.
  CHECK(truncate("abc" + std::string(kRlm), 3) == "abc" + std::string(kRlm));

  const std::vector<std::string> texts = {
      shalom + std::string(kRlm) + "! " + olam + std::string(kRlm) + " 2021",
      "(" + std::string(kAlm) + "1) " + std::string(kLrm) + "abc " + std::string(kRlm) + "x",
      paint(kColour, Style::red, shalom + std::string(kRlm)) + " " + std::string(kLrm) + olam};
  for (const std::string& text : texts) {
    for (int width = 1; width < display_width(text); ++width) {
      const std::string cut = without_sequences(truncate(text, width));
      INFO("width " << width << ": '" << cut << "'");
      REQUIRE(cut.size() >= 3);
      const std::string before = cut.substr(0, cut.size() - 3);
      for (std::string_view mark : {kLrm, kRlm, kAlm, std::string_view(" ")}) {
        CHECK_FALSE((before.size() >= mark.size() &&
                     before.compare(before.size() - mark.size(), mark.size(), mark) == 0));
      }
    }
  }
}

// How many of each opener and closer s holds: LRE/RLE/LRO/RLO and PDF,
// LRI/RLI/FSI and PDI.
struct BidiCounts {
  int embeddings = 0, pdf = 0, isolates = 0, pdi = 0;
};

BidiCounts bidi_counts(std::string_view s) {
  BidiCounts c;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] != '\xE2')
      continue;
    const std::string_view three = s.substr(i, 3);
    for (std::string_view e : {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAD", "\xE2\x80\xAE"}) {
      c.embeddings += three == e ? 1 : 0;
    }
    for (std::string_view e : {"\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8"}) {
      c.isolates += three == e ? 1 : 0;
    }
    c.pdf += three == "\xE2\x80\xAC" ? 1 : 0;
    c.pdi += three == "\xE2\x81\xA9" ? 1 : 0;
  }
  return c;
}

TEST_CASE("truncate closes the embeddings and isolates it cuts into", "[term]") {
  // The loader refuses these (Trojan Source); truncate still never leaves
  // one open, whatever text it is given.
  const std::string rli = "\xE2\x81\xA7", pdi = "\xE2\x81\xA9";
  const std::string rle = "\xE2\x80\xAB", pdf = "\xE2\x80\xAC";
  CHECK(truncate("a" + rli + "bcdef" + pdi + "g", 4) == "a" + rli + "bc…" + pdi);
  CHECK(truncate(rle + "ab" + rli + "cd" + pdi + "ef" + pdf, 4) ==
        rle + "ab" + rli + "c…" + pdi + pdf);
  CHECK(truncate(rle + "ab" + pdf + "cdef", 4) == rle + "ab" + pdf + "c…");

  const std::vector<std::string> texts = {
      "a" + rli + "bcdef" + pdi + "g", rle + "ab" + rli + "cd" + pdi + "ef" + pdf + "gh",
      paint(kColour, Style::red, rli + "uno " + rle + "dos" + pdf + " tres" + pdi) + " cuatro"};
  for (const std::string& text : texts) {
    for (int width = 1; width <= display_width(text); ++width) {
      const std::string cut = truncate(text, width);
      INFO("width " << width << ": '" << cut << "'");
      const BidiCounts c = bidi_counts(cut);
      CHECK(c.embeddings == c.pdf);
      CHECK(c.isolates == c.pdi);
      CHECK_FALSE(escapes_of(cut).colour_on);
    }
  }
}

// --- padding
// -------------------------------------------------------------------

TEST_CASE("pad_right and pad_left pad to display width", "[term]") {
  CHECK(pad_right("ñu", 4) == "ñu  ");
  CHECK(pad_left("ñu", 4) == "  ñu");
  CHECK(pad_right("日本", 6) == "日本  ");
  CHECK(pad_left("日本", 5) == " 日本");
  CHECK(pad_right("abc", 3) == "abc");
  CHECK(pad_left("toolong", 3) == "toolong");
  CHECK(pad_right("toolong", 3) == "toolong");
  CHECK(display_width(pad_right("Planeación", 15)) == 15);
}

// --- wrap
// ----------------------------------------------------------------------

TEST_CASE("wrap breaks at spaces within the width", "[term]") {
  const std::string text = "Divulgar la Política de Participación Ciudadana en el Ministerio";
  const auto lines = wrap(text, 20);
  CHECK(lines == std::vector<std::string>{"Divulgar la Política", "de Participación",
                                          "Ciudadana en el", "Ministerio"});
  // From the longest word's width on, no word is cut.
  for (int width = display_width("Participación"); width <= 70; ++width) {
    std::string joined;
    for (const std::string& line : wrap(text, width)) {
      INFO("width " << width << ": '" << line << "'");
      CHECK(display_width(line) <= width);
      CHECK_FALSE(line.empty());
      joined += (joined.empty() ? "" : " ") + line;
    }
    CHECK(joined == text);
  }
}

TEST_CASE("wrap gives a long word a line of its own, cut", "[term]") {
  CHECK(wrap("a verylongword b", 5) == std::vector<std::string>{"a", "very…", "b"});
  CHECK(wrap("日本語 日本語 日本", 7) == std::vector<std::string>{"日本語", "日本語", "日本"});
}

TEST_CASE("wrap treats newlines and runs of spaces as one break", "[term]") {
  CHECK(wrap("uno  dos\ntres", 40) == std::vector<std::string>{"uno dos tres"});
  CHECK(wrap("", 10).empty());
  CHECK(wrap("   ", 10).empty());
}

TEST_CASE("wrap treats tabs and carriage returns as blanks too", "[term]") {
  CHECK(wrap("uno\tdos\r\ntres", 40) == std::vector<std::string>{"uno dos tres"});
}

TEST_CASE("one_line folds line breaks and tabs into one space", "[term]") {
  CHECK(one_line("Un título\ndoblado") == "Un título doblado");
  CHECK(one_line("Primera línea\n  sangrada\r\nÚltima\n") == "Primera línea sangrada Última");
  CHECK(one_line("Producto\tcon\ttabs") == "Producto con tabs");
  CHECK(one_line("\n  al principio") == "al principio");
  // Text without breaks stays as written, double spaces too.
  CHECK(one_line("dos  espacios ") == "dos  espacios ");
  CHECK(one_line("") == "");
}

TEST_CASE("display_width and truncate see text as one_line shows it", "[term]") {
  CHECK(display_width("Un título\ndoblado") == 17);
  CHECK(truncate("Un título\ndoblado", 40) == "Un título doblado");
  CHECK(truncate("Un título\ndoblado", 10) == "Un título…");
  CHECK(truncate("a\tb", 3) == "a b");
}

// --- colour
// --------------------------------------------------------------------

TEST_CASE("paint wraps text in SGR codes only when colour is on", "[term]") {
  const Terminal off{80, false};
  const Terminal on{80, true};
  CHECK(paint(off, Style::red, "late") == "late");
  CHECK(paint(on, Style::red, "late") == "\x1b[31mlate\x1b[0m");
  CHECK(paint(on, Style::green, "ok") == "\x1b[32mok\x1b[0m");
  CHECK(paint(on, Style::bold, "B") == "\x1b[1mB\x1b[0m");
}

// --- detect_terminal
// -----------------------------------------------------------

TEST_CASE("detect_terminal: an explicit width and colour mode win", "[term]") {
  const NotATerminal null;
  const Terminal never = detect_terminal(null.fd(), 100, ColorMode::never);
  CHECK(never.width == 100);
  CHECK_FALSE(never.color);
  const Terminal always = detect_terminal(null.fd(), 42, ColorMode::always);
  CHECK(always.width == 42);
  CHECK(always.color);
  // always wins over NO_COLOR: the user asked for it.
  const EnvVar no_color("NO_COLOR", "1");
  CHECK(detect_terminal(null.fd(), 42, ColorMode::always).color);
}

TEST_CASE("detect_terminal: no colour on auto when not a terminal", "[term]") {
  const NotATerminal null;
  {
    const EnvVar no_color("NO_COLOR", "1");
    CHECK_FALSE(detect_terminal(null.fd(), 80, ColorMode::auto_).color);
  }
  {
    const EnvVar no_color("NO_COLOR", nullptr);
    CHECK_FALSE(detect_terminal(null.fd(), 80, ColorMode::auto_).color);
  }
}

TEST_CASE("detect_terminal: the width of a non-terminal is $COLUMNS or 80", "[term]") {
  const NotATerminal null;
  {
    const EnvVar columns("COLUMNS", "132");
    CHECK(detect_terminal(null.fd(), std::nullopt, ColorMode::never).width == 132);
    CHECK(detect_terminal(null.fd(), 60, ColorMode::never).width == 60);
  }
  {
    const EnvVar columns("COLUMNS", "wide");
    CHECK(detect_terminal(null.fd(), std::nullopt, ColorMode::never).width == 80);
  }
  {
    const EnvVar columns("COLUMNS", nullptr);
    CHECK(detect_terminal(null.fd(), std::nullopt, ColorMode::never).width == 80);
  }
}

TEST_CASE("detect_terminal: a terminal colours on auto unless NO_COLOR", "[term]") {
  const PseudoTerminal pty(123);
  REQUIRE(pty.ok());
  const EnvVar columns("COLUMNS", "50");
  {
    const EnvVar no_color("NO_COLOR", nullptr);
    const Terminal t = detect_terminal(pty.fd(), std::nullopt, ColorMode::auto_);
    CHECK(t.color);
    CHECK(t.width == 123);  // the terminal's own columns beat $COLUMNS
    CHECK_FALSE(detect_terminal(pty.fd(), std::nullopt, ColorMode::never).color);
    CHECK(detect_terminal(pty.fd(), 70, ColorMode::auto_).width == 70);
  }
  {
    const EnvVar no_color("NO_COLOR", "1");
    CHECK_FALSE(detect_terminal(pty.fd(), std::nullopt, ColorMode::auto_).color);
  }
  {
    // An empty NO_COLOR does not count.
    const EnvVar no_color("NO_COLOR", "");
    CHECK(detect_terminal(pty.fd(), std::nullopt, ColorMode::auto_).color);
  }
}

}  // namespace
}  // namespace plan

namespace plan {
namespace {

TEST_CASE("visible_text shows what a terminal or CI log would act on", "[term]") {
  CHECK(visible_text("plain título 🎉") == "plain título 🎉");
  CHECK(visible_text("a\x1b[31mb") == "a\xE2\x90\x9B[31mb");        // ␛
  CHECK(visible_text("x\ty\nz") == "x\xE2\x90\x89y\xE2\x90\x8Az");  // ␉ ␊
  CHECK(visible_text("del\x7F") == "del\xE2\x90\xA1");              // ␡
  CHECK(visible_text("c1\xC2\x9B!") == "c1\xEF\xBF\xBD!");          // U+FFFD
  CHECK(visible_text("rtl\xE2\x80\xAEx") == "rtl\xEF\xBF\xBDx");
  CHECK(visible_text("bad\xFF byte") == "bad\xEF\xBF\xBD byte");
  // Every control shows as one column, so a caret under it lines up.
  CHECK(display_width(visible_text("\t\x1b\x01")) == 3);
  // No line of the output can start with what the text holds.
  CHECK(visible_text("a\n::error file=x::forged").find('\n') == std::string::npos);
}

}  // namespace
}  // namespace plan
