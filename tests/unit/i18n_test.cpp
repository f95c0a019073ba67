// i18n_test.cpp: the message catalog, dates in words and the output language.
#include "plan/i18n.h"

#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"

namespace plan {
namespace {

// The {N} placeholders of a format string; "" in *error when the string has a
// brace that is not part of one.
std::set<int> placeholders(std::string_view text, std::string* error) {
  std::set<int> out;
  for (size_t i = 0; i < text.size(); ++i) {
    // fmt writes a literal brace twice.
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      ++i;
      continue;
    }
    if (text[i] == '}') {
      *error = "stray '}'";
      return out;
    }
    if (text[i] != '{')
      continue;
    const size_t close = text.find('}', i);
    if (close == std::string_view::npos || close == i + 1) {
      *error = "'{' without an index";
      return out;
    }
    const std::string_view index = text.substr(i + 1, close - i - 1);
    if (index.find_first_not_of("0123456789") != std::string_view::npos) {
      *error = "'{" + std::string(index) + "}' is not {N}";
      return out;
    }
    out.insert(std::stoi(std::string(index)));
    i = close;
  }
  return out;
}

// Number of entries in messages.def, counted independently of i18n.cpp.
constexpr size_t kCatalogSize = 0
#define PLAN_MSG(id, code, en, es) +1
#include "plan/messages.def"
#undef PLAN_MSG
    ;

TEST_CASE("all_messages lists every catalog entry in order", "[i18n]") {
  const std::vector<Msg> all = all_messages();
  REQUIRE(all.size() == kCatalogSize);
  CHECK(kCatalogSize > 100);
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(static_cast<size_t>(all[i]) == i);
  }
}

TEST_CASE("every message has both languages with the same placeholders", "[i18n]") {
  for (Msg m : all_messages()) {
    const std::string_view en = text_of(Language::en, m);
    const std::string_view es = text_of(Language::es, m);
    INFO("message #" << static_cast<int>(m) << ": en '" << en << "' es '" << es << "'");
    CHECK_FALSE(en.empty());
    CHECK_FALSE(es.empty());
    std::string en_error;
    std::string es_error;
    const std::set<int> en_args = placeholders(en, &en_error);
    const std::set<int> es_args = placeholders(es, &es_error);
    CHECK(en_error == "");
    CHECK(es_error == "");
    CHECK(en_args == es_args);
    // Placeholders are numbered from 0 without gaps, and the texts format.
    const std::vector<std::string> args(en_args.size(), "x");
    if (!en_args.empty()) {
      CHECK(*en_args.rbegin() == static_cast<int>(en_args.size()) - 1);
    }
    CHECK_NOTHROW(tr(Language::en, m, args));
    CHECK_NOTHROW(tr(Language::es, m, args));
  }
}

TEST_CASE("every diagnostic code is lower-case words joined by '-'", "[i18n]") {
  const std::regex pattern("^[a-z]+(-[a-z0-9]+)*$");
  int with_code = 0;
  for (Msg m : all_messages()) {
    const std::string code(code_of(m));
    if (code.empty())
      continue;
    ++with_code;
    INFO("code '" << code << "' of message #" << static_cast<int>(m));
    CHECK(std::regex_match(code, pattern));
  }
  CHECK(with_code >= 35);
}

TEST_CASE("code_of gives the stable code, or nothing", "[i18n]") {
  CHECK(code_of(Msg::unknown_owner) == "unknown-owner");
  CHECK(code_of(Msg::duplicate_key) == "duplicate-key");
  CHECK(code_of(Msg::expected_integer) == "wrong-type");
  CHECK(code_of(Msg::expected_list) == "wrong-type");
  CHECK(code_of(Msg::empty_activity_lead) == "empty-lead");
  CHECK(code_of(Msg::hint_did_you_mean) == "");
  CHECK(code_of(Msg::col_id) == "");
}

TEST_CASE("tr fills placeholders in each language", "[i18n]") {
  CHECK(tr(Language::en, Msg::unknown_owner, std::vector<std::string>{"XX"}) ==
        "unknown owner 'XX'");
  CHECK(tr(Language::es, Msg::unknown_owner, std::vector<std::string>{"XX"}) ==
        "responsable desconocido 'XX'");
  // The variadic form formats any type fmt does.
  CHECK(tr(Language::en, Msg::summary_counts, 1, "error", 2, "warnings", 3, "files") ==
        "1 error, 2 warnings in 3 files");
  CHECK(tr(Language::es, Msg::summary_counts, 1, "error", 2, "avisos", 3, "archivos") ==
        "1 error, 2 avisos en 3 archivos");
  // Arguments may be used out of order.
  CHECK(tr(Language::en, Msg::date_syntax, std::vector<std::string>{"start", "marzo"}) ==
        "'marzo' is not a date; 'start' takes YYYY-MM or YYYY-MM-DD");
}

TEST_CASE("word_arg arguments are translated with their message", "[i18n]") {
  const std::vector<std::string> args = {"colour", word_arg(Msg::where_activity)};
  CHECK(tr(Language::en, Msg::unknown_key, args) == "unknown key 'colour' in an activity");
  CHECK(tr(Language::es, Msg::unknown_key, args) == "clave desconocida 'colour' en una actividad");

  Diagnostic d;
  d.message = Msg::outside_period;
  d.args = {word_arg(Msg::what_start), "2020-12", "2021-01-01", "2021-12-31"};
  CHECK(d.text(Language::en) ==
        "start 2020-12 is outside the plan's period (2021-01-01 to 2021-12-31)");
  CHECK(d.text(Language::es) ==
        "el inicio 2020-12 está fuera de la vigencia del plan (2021-01-01 a "
        "2021-12-31)");
  CHECK(d.code() == "outside-period");
  CHECK(d.hint_text(Language::en) == "");
  d.hint = Msg::hint_did_you_mean;
  d.hint_args = {"title"};
  CHECK(d.hint_text(Language::es) == "¿quiso decir 'title'?");
}

TEST_CASE("long_date spells a date in each language", "[i18n]") {
  CHECK(long_date(Language::es, {2021, 4, 15}) == "15 de abril de 2021");
  CHECK(long_date(Language::en, {2021, 4, 15}) == "15 April 2021");
  CHECK(long_date(Language::es, {2021, 1, 1}) == "1 de enero de 2021");
  CHECK(long_date(Language::en, {2021, 12, 31}) == "31 December 2021");
  CHECK(month_year(Language::es, 2021, 9) == "septiembre de 2021");
  CHECK(month_year(Language::en, 2021, 9) == "September 2021");
}

TEST_CASE("month names and abbreviations", "[i18n]") {
  const char* es[] = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
                      "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
  const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                      "July",    "August",   "September", "October", "November", "December"};
  for (int m = 1; m <= 12; ++m) {
    INFO("month " << m);
    CHECK(month_name(Language::es, m) == es[m - 1]);
    CHECK(month_name(Language::en, m) == en[m - 1]);
    CHECK(month_abbr(Language::es, m).size() == 3);
    CHECK(month_abbr(Language::en, m) == std::string_view(en[m - 1]).substr(0, 3));
  }
  CHECK(month_abbr(Language::es, 1) == "Ene");
  CHECK(month_abbr(Language::es, 8) == "Ago");
  CHECK(month_abbr(Language::es, 12) == "Dic");
}

TEST_CASE("parse_language and language_code", "[i18n]") {
  CHECK(parse_language("es") == Language::es);
  CHECK(parse_language("en") == Language::en);
  CHECK_FALSE(parse_language("fr").has_value());
  CHECK_FALSE(parse_language("ES").has_value());
  CHECK_FALSE(parse_language("").has_value());
  CHECK(language_code(Language::es) == "es");
  CHECK(language_code(Language::en) == "en");
}

TEST_CASE("choose_language: flag, then plan, then LANG, then English", "[i18n]") {
  const std::optional<Language> none;
  // The flag wins over everything.
  CHECK(choose_language(Language::en, Language::es, "es_CO.UTF-8") == Language::en);
  CHECK(choose_language(Language::es, Language::en, "en_US.UTF-8") == Language::es);
  // Then the plan's language.
  CHECK(choose_language(none, Language::en, "es_CO.UTF-8") == Language::en);
  CHECK(choose_language(none, Language::es, "en_US.UTF-8") == Language::es);
  CHECK(choose_language(none, Language::es, nullptr) == Language::es);
  // Then the locale.
  CHECK(choose_language(none, none, "es_CO.UTF-8") == Language::es);
  CHECK(choose_language(none, none, "es") == Language::es);
  CHECK(choose_language(none, none, "en_US.UTF-8") == Language::en);
  CHECK(choose_language(none, none, "C.UTF-8") == Language::en);
  // Then English.
  CHECK(choose_language(none, none, nullptr) == Language::en);
  CHECK(choose_language(none, none, "") == Language::en);
  CHECK(choose_language(none, none, "e") == Language::en);
}

}  // namespace
}  // namespace plan
