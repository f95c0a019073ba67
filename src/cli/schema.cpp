// cli/schema.cpp: placeholder while `plan schema` is being written; registers nothing.
#include "commands.h"

namespace plan::cli {

void setup_schema(CLI::App& /*app*/, int* /*status*/) {}

}  // namespace plan::cli
