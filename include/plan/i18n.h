// i18n.h: the message catalog in Spanish and English, and dates in words.
//
// Owns every human-facing word (messages.def) and the rule that picks the
// output language. It formats text but never prints it.
#pragma once

#include <fmt/args.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/date.h"
#include "plan/model.h"

namespace plan {

enum class Msg : unsigned short {
#define PLAN_MSG(id, code, en, es) id,
#include "plan/messages.def"
#undef PLAN_MSG
};

// The stable diagnostic code of a message ("unknown-owner"), or "".
std::string_view code_of(Msg msg);
// The message's format string in a language.
std::string_view text_of(Language lang, Msg msg);
// Every message, for tests that check the catalog.
std::vector<Msg> all_messages();

// An argument that is itself a catalog word ("an activity"), translated
// along with the message it fills.
std::string word_arg(Msg word);

// The message with its {0}, {1}... filled from args.
std::string tr(Language lang, Msg msg, const std::vector<std::string>& args);

template <typename... Args>
std::string tr(Language lang, Msg msg, const Args&... args) {
  return fmt::format(fmt::runtime(text_of(lang, msg)), args...);
}

// "15 de abril de 2021" / "15 April 2021".
std::string long_date(Language lang, const Date& date);
// "abril de 2021" / "April 2021".
std::string month_year(Language lang, int year, int month);
// "abril" / "April"; "abr" / "Apr" (short forms, three letters).
std::string_view month_name(Language lang, int month);
std::string_view month_abbr(Language lang, int month);

std::optional<Language> parse_language(std::string_view text);
std::string_view language_code(Language lang);

// --lang, else the plan's `language`, else the locale (LANG starting with
// "es"), else English.
Language choose_language(std::optional<Language> flag, std::optional<Language> plan_language,
                         const char* locale_lang);

}  // namespace plan
