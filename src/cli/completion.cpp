// cli/completion.cpp: placeholder while `plan completion` is being written; registers nothing.
#include "commands.h"

namespace plan::cli {

void setup_completion(CLI::App& /*app*/, int* /*status*/) {}

}  // namespace plan::cli
