// cli/schema.cpp: `plan schema`, the JSON Schema of the plan format, for
// editors (yaml-language-server) and other tools.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "plan/schema_json.h"  // generated from docs/plan.schema.json

namespace plan::cli {

void setup_schema(CLI::App& app, int* status) {
  CLI::App* sub = app.add_subcommand(
      "schema", "Print the JSON Schema of the plan format (docs/plan.schema.json)");
  sub->callback([status] {
    // Byte for byte the file in docs/, so that either can be used.
    std::cout.write(reinterpret_cast<const char*>(generated::kSchemaJson),
                    static_cast<std::streamsize>(generated::kSchemaJsonSize));
    std::cout.flush();
    *status = std::cout ? kExitOk : kExitUsage;
  });
}

}  // namespace plan::cli
