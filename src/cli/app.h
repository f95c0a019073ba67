// cli/app.h: the whole `plan` command line, built in one place so that
// main.cpp and the tests that check its help (tests/cli) see the same tree.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

namespace plan::cli {

// Every subcommand set up, with its English help (help.h translates it);
// the callbacks store their exit status in *status. `version` is what
// --version prints after "plan ".
std::unique_ptr<CLI::App> build_app(int* status, const std::string& version);

}  // namespace plan::cli
