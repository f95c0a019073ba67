// cli/help.h: `plan`'s help and CLI11's usage errors in the user's
// language (issue 17).
//
// The subcommands' setup functions write their help in English; once the
// whole tree is built, translate_help() replaces every description, group
// name and CLI11 label with its Spanish from one table (help_es.cpp), so
// that a new subcommand needs no change here beyond its strings, and
// tests/cli/help_test.cpp names every string the table lacks.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "plan/model.h"

namespace plan::cli {

// --lang's value wherever it is on the command line (--lang es, --lang=es),
// read before CLI11 parses it, so that the help and CLI11's own errors are
// in that language; none if absent, unknown, or only after "--".
std::optional<Language> scan_lang_flag(int argc, const char* const* argv);

// The language of the help and of usage errors: the flag, else the locale
// (LC_ALL, LC_MESSAGES, LANG, as gettext orders them), else English.
Language help_language(std::optional<Language> flag);

// Puts every description, group name and formatter label of `app` and its
// subcommands into `lang` (English: nothing to do).
void translate_help(CLI::App* app, Language lang);

// The English texts of `app`'s help that have no Spanish (descriptions,
// group names, type names such as TEXT), each once.
std::vector<std::string> untranslated_help(CLI::App* app);

// The table's entries that no text of `app` uses any more (an English text
// that changed leaves its old entry behind).
std::vector<std::string> unused_help_translations(CLI::App* app);

// Prints a CLI11 parse error as plan prints its errors, in `lang`, with a
// code and a hint; returns the exit status (kExitUsage).
[[nodiscard]] int print_usage_error(const CLI::App& app, const CLI::ParseError& e, Language lang);

// "Run with --help for more information." in `lang`.
std::string run_with_help(Language lang);

}  // namespace plan::cli
