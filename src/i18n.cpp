// i18n.cpp: the catalog table and dates in words.
#include "plan/i18n.h"

#include <array>

namespace plan {
namespace {

struct Entry {
  std::string_view code;
  std::string_view en;
  std::string_view es;
};

constexpr Entry kCatalog[] = {
#define PLAN_MSG(id, code, en, es) {code, en, es},
#include "plan/messages.def"
#undef PLAN_MSG
};

constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthsEs = {
    "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
constexpr std::array<std::string_view, 12> kAbbrEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 12> kAbbrEs = {"Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                                      "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"};

}  // namespace

std::string_view code_of(Msg msg) { return kCatalog[static_cast<size_t>(msg)].code; }

std::string_view text_of(Language lang, Msg msg) {
  const Entry& e = kCatalog[static_cast<size_t>(msg)];
  return lang == Language::es ? e.es : e.en;
}

std::vector<Msg> all_messages() {
  std::vector<Msg> out;
  for (size_t i = 0; i < std::size(kCatalog); ++i) {
    out.push_back(static_cast<Msg>(i));
  }
  return out;
}

constexpr char kWordMark = '\x01';

std::string word_arg(Msg word) { return kWordMark + std::to_string(static_cast<int>(word)); }

std::string tr(Language lang, Msg msg, const std::vector<std::string>& args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& a : args) {
    if (!a.empty() && a[0] == kWordMark) {
      store.push_back(std::string(text_of(lang, static_cast<Msg>(std::stoi(a.substr(1))))));
    } else {
      store.push_back(a);
    }
  }
  return fmt::vformat(text_of(lang, msg), store);
}

std::string_view month_name(Language lang, int month) {
  return (lang == Language::es ? kMonthsEs : kMonthsEn)[month - 1];
}

std::string_view month_abbr(Language lang, int month) {
  return (lang == Language::es ? kAbbrEs : kAbbrEn)[month - 1];
}

std::string long_date(Language lang, const Date& date) {
  if (lang == Language::es) {
    return fmt::format("{} de {} de {}", date.day, month_name(lang, date.month), date.year);
  }
  return fmt::format("{} {} {}", date.day, month_name(lang, date.month), date.year);
}

std::string month_year(Language lang, int year, int month) {
  if (lang == Language::es) {
    return fmt::format("{} de {}", month_name(lang, month), year);
  }
  return fmt::format("{} {}", month_name(lang, month), year);
}

std::optional<Language> parse_language(std::string_view text) {
  if (text == "es")
    return Language::es;
  if (text == "en")
    return Language::en;
  return std::nullopt;
}

std::string_view language_code(Language lang) { return lang == Language::es ? "es" : "en"; }

Language choose_language(std::optional<Language> flag, std::optional<Language> plan_language,
                         const char* locale_lang) {
  if (flag)
    return *flag;
  if (plan_language)
    return *plan_language;
  if (locale_lang != nullptr && std::string_view(locale_lang).substr(0, 2) == "es") {
    return Language::es;
  }
  return Language::en;
}

}  // namespace plan
