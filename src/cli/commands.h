// cli/commands.h: one setup function per subcommand. Each binds its options
// to the subcommand and sets a callback that stores the exit status.
#pragma once

#include <CLI/CLI.hpp>

namespace plan::cli {

void setup_validate(CLI::App& app, int* status);
void setup_list(CLI::App& app, int* status);
void setup_show(CLI::App& app, int* status);
void setup_status(CLI::App& app, int* status);
void setup_timeline(CLI::App& app, int* status);
void setup_init(CLI::App& app, int* status);
void setup_mark(CLI::App& app, int* status);
void setup_review(CLI::App& app, int* status);
void setup_add(CLI::App& app, int* status);
void setup_filter(CLI::App& app, int* status);
void setup_export(CLI::App& app, int* status);
void setup_report(CLI::App& app, int* status);
void setup_schema(CLI::App& app, int* status);
void setup_completion(CLI::App& app, int* status);
void setup_site(CLI::App& app, int* status);
void setup_import(CLI::App& app, int* status);

}  // namespace plan::cli
