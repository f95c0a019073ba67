// tests/cli/help_test.cpp: the whole command line (build_app) and its help
// in Spanish (issue 17): every text has its Spanish, none is left unused,
// and the language is chosen as documented.
#include "help.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app.h"

namespace plan::cli {
namespace {

std::unique_ptr<CLI::App> full_app() {
  static int status = 0;
  return build_app(&status, "test");
}

// The missing entries as lines to paste into kHelpEs, Spanish left empty.
std::string as_entries(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& t : texts) {
    std::string quoted;
    for (const char c : t) {
      if (c == '"' || c == '\\')
        quoted += '\\';
      quoted += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    out += "    {\"" + quoted + "\", \"\"},\n";
  }
  return out;
}

std::optional<Language> scan(std::vector<const char*> args) {
  args.insert(args.begin(), "plan");
  return scan_lang_flag(static_cast<int>(args.size()), args.data());
}

// Sets an environment variable for one scope, then puts the old one back.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name))
      old_ = old;
    if (value != nullptr)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~EnvVar() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST_CASE("every text of the help has its Spanish in src/cli/help_es.cpp") {
  const auto app = full_app();
  const std::vector<std::string> missing = untranslated_help(app.get());
  // Printed whole, not through INFO, which would wrap the lines.
  if (!missing.empty()) {
    std::cout << "No Spanish for these texts of the help: add them to kHelpEs in "
                 "src/cli/help_es.cpp, with their Spanish:\n"
              << as_entries(missing);
  }
  CHECK(missing.empty());
}

TEST_CASE("no Spanish of the help is left for an English text that is gone") {
  const auto app = full_app();
  const std::vector<std::string> unused = unused_help_translations(app.get());
  if (!unused.empty()) {
    std::cout << "No option, subcommand or group has these English texts any more; reword "
                 "their entries in kHelpEs (src/cli/help_es.cpp) or remove them:\n"
              << as_entries(unused);
  }
  CHECK(unused.empty());
}

TEST_CASE("translate_help puts the Spanish into the tree, labels included") {
  const auto app = full_app();
  translate_help(app.get(), Language::es);
  const std::string top = app->help();
  CHECK(top.find("Uso: plan [OPCIONES] SUBCOMANDO") != std::string::npos);
  CHECK(top.find("Subcomandos:") != std::string::npos);
  CHECK(top.find("Usage") == std::string::npos);
  CHECK(top.find("Options") == std::string::npos);
  CLI::App* mark = app->get_subcommand("mark");
  const std::string help = mark->help();
  CHECK(help.find("Opciones comunes:") != std::string::npos);
  CHECK(help.find("Argumentos:") != std::string::npos);
  CHECK(help.find("TEXTO") != std::string::npos);
  CHECK(help.find("TEXT ") == std::string::npos);
  CHECK(mark->get_option("--date")->get_description().find("Fecha") == 0);
  // Names and type names stay as they are: the completion scripts read them.
  CHECK(mark->get_option("--lang")->get_type_name() == "TEXT:{es,en}");
  CHECK(mark->get_option("ADDRESS")->get_name() == "ADDRESS");
}

TEST_CASE("translate_help to English leaves the tree as it is") {
  const auto app = full_app();
  const std::string before = app->get_subcommand("mark")->help();
  translate_help(app.get(), Language::en);
  CHECK(app->get_subcommand("mark")->help() == before);
  CHECK(before.find("[OPTIONS] ADDRESS") != std::string::npos);
}

TEST_CASE("the language flag is found anywhere before --, as --lang es or --lang=es") {
  CHECK(scan({"mark", "--help", "--lang", "es"}) == Language::es);
  CHECK(scan({"--lang=es", "mark", "--help"}) == Language::es);
  CHECK(scan({"status", "--lang=en"}) == Language::en);
  CHECK(scan({"status", "--lang", "es", "--lang", "en"}) == Language::en);  // the last one
  CHECK(scan({"status"}) == std::nullopt);
  CHECK(scan({"status", "--lang", "fr"}) == std::nullopt);
  CHECK(scan({"status", "--lang"}) == std::nullopt);
  CHECK(scan({"mark", "--", "--lang", "es"}) == std::nullopt);
}

TEST_CASE("the help's language: --lang, then LC_ALL, LC_MESSAGES, LANG") {
  EnvVar all("LC_ALL", nullptr);
  EnvVar messages("LC_MESSAGES", nullptr);
  EnvVar lang("LANG", "es_CO.UTF-8");
  CHECK(help_language(std::nullopt) == Language::es);
  CHECK(help_language(Language::en) == Language::en);
  {
    EnvVar m("LC_MESSAGES", "en_US.UTF-8");
    CHECK(help_language(std::nullopt) == Language::en);
    EnvVar a("LC_ALL", "es_ES.UTF-8");
    CHECK(help_language(std::nullopt) == Language::es);
  }
  {
    EnvVar a("LC_ALL", "C");
    CHECK(help_language(std::nullopt) == Language::en);
    CHECK(help_language(Language::es) == Language::es);
  }
  EnvVar empty_lang("LANG", "");
  CHECK(help_language(std::nullopt) == Language::en);
}

}  // namespace
}  // namespace plan::cli
