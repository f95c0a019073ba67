# cmake/ecosystem.cmake: what `plan` ships besides its binary: the JSON
# Schema of the plan format (also embedded for `plan schema`), the shell
# completions and the man page, and where `cmake --install` puts them.
#
# The top-level CMakeLists.txt includes it after defining the `plan` target.
# The build also runs this file as a script (cmake -P) for two small jobs
# that need no other tool: embedding the schema, and writing a completion
# script with the freshly built binary.

if(CMAKE_SCRIPT_MODE_FILE)
  if(DEFINED PLAN_EMBED_INPUT)
    # cmake -DPLAN_EMBED_INPUT=file -DPLAN_EMBED_OUTPUT=header -P ecosystem.cmake
    # A byte array, not a string literal: no escaping, and no length limit
    # (-Wpedantic warns about string literals longer than 65536 bytes).
    file(READ "${PLAN_EMBED_INPUT}" hex HEX)
    string(LENGTH "${hex}" size)
    set(bytes "")
    foreach(at RANGE 0 ${size} 32)  # 16 bytes a line
      string(SUBSTRING "${hex}" ${at} 32 row)
      if(NOT row STREQUAL "")
        string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," row "${row}")
        string(APPEND bytes "${row}\n    ")
      endif()
    endforeach()
    file(WRITE "${PLAN_EMBED_OUTPUT}"
"// Generated from docs/plan.schema.json by cmake/ecosystem.cmake: do not edit.
#pragma once

#include <cstddef>

namespace plan::generated {

// The file's bytes, then a 0 that is not part of it.
inline constexpr unsigned char kSchemaJson[] = {
    ${bytes}0x00};
inline constexpr std::size_t kSchemaJsonSize = sizeof(kSchemaJson) - 1;

}  // namespace plan::generated
")
  elseif(DEFINED PLAN_COMPLETION_SHELL)
    # cmake -DPLAN_BINARY=plan -DPLAN_COMPLETION_SHELL=bash -DPLAN_COMPLETION_OUTPUT=file -P ...
    # The descriptions in English whatever the builder's locale, which
    # would otherwise choose their language (src/cli/help.h).
    set(ENV{LC_ALL} C.UTF-8)
    execute_process(COMMAND "${PLAN_BINARY}" completion ${PLAN_COMPLETION_SHELL}
                    OUTPUT_FILE "${PLAN_COMPLETION_OUTPUT}.tmp"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      file(REMOVE "${PLAN_COMPLETION_OUTPUT}.tmp")
      message(FATAL_ERROR "'plan completion ${PLAN_COMPLETION_SHELL}' failed: ${rc}")
    endif()
    file(RENAME "${PLAN_COMPLETION_OUTPUT}.tmp" "${PLAN_COMPLETION_OUTPUT}")
  else()
    message(FATAL_ERROR "ecosystem.cmake: nothing to do in script mode")
  endif()
  return()
endif()

include(GNUInstallDirs)

set(PLAN_ECOSYSTEM_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

# --- the schema, embedded ---------------------------------------------------

set(PLAN_SCHEMA_FILE ${CMAKE_SOURCE_DIR}/docs/plan.schema.json)
set(PLAN_SCHEMA_HEADER ${CMAKE_BINARY_DIR}/generated/plan/schema_json.h)
add_custom_command(
  OUTPUT ${PLAN_SCHEMA_HEADER}
  COMMAND ${CMAKE_COMMAND} -DPLAN_EMBED_INPUT=${PLAN_SCHEMA_FILE}
          -DPLAN_EMBED_OUTPUT=${PLAN_SCHEMA_HEADER} -P ${PLAN_ECOSYSTEM_SCRIPT}
  DEPENDS ${PLAN_SCHEMA_FILE} ${PLAN_ECOSYSTEM_SCRIPT}
  COMMENT "Embedding docs/plan.schema.json"
  VERBATIM)
# Listing the header as a source makes the build write it before compiling
# src/cli/schema.cpp (in plan_cli); generated/ is already on plan_core's include path.
target_sources(plan_cli PRIVATE ${PLAN_SCHEMA_HEADER})

# --- completions, written by the built binary ---------------------------------

set(PLAN_COMPLETIONS_DIR ${CMAKE_BINARY_DIR}/completions)
set(PLAN_COMPLETION_FILES)
foreach(spec "bash:plan.bash" "zsh:_plan" "fish:plan.fish")
  string(REPLACE ":" ";" spec "${spec}")
  list(GET spec 0 shell)
  list(GET spec 1 name)
  add_custom_command(
    OUTPUT ${PLAN_COMPLETIONS_DIR}/${name}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PLAN_COMPLETIONS_DIR}
    COMMAND ${CMAKE_COMMAND} -DPLAN_BINARY=$<TARGET_FILE:plan>
            -DPLAN_COMPLETION_SHELL=${shell}
            -DPLAN_COMPLETION_OUTPUT=${PLAN_COMPLETIONS_DIR}/${name}
            -P ${PLAN_ECOSYSTEM_SCRIPT}
    DEPENDS plan ${PLAN_ECOSYSTEM_SCRIPT}
    COMMENT "Writing the ${shell} completion"
    VERBATIM)
  list(APPEND PLAN_COMPLETION_FILES ${PLAN_COMPLETIONS_DIR}/${name})
endforeach()
add_custom_target(plan_completions ALL DEPENDS ${PLAN_COMPLETION_FILES})

# --- install ------------------------------------------------------------------

install(FILES ${CMAKE_SOURCE_DIR}/docs/man/plan.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# The Spanish page, for `man -L es plan` and Spanish locales (issue 17).
install(FILES ${CMAKE_SOURCE_DIR}/docs/man/es/plan.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/es/man1)
install(FILES ${PLAN_COMPLETIONS_DIR}/plan.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME plan)
install(FILES ${PLAN_COMPLETIONS_DIR}/_plan
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PLAN_COMPLETIONS_DIR}/plan.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${PLAN_SCHEMA_FILE} DESTINATION ${CMAKE_INSTALL_DATADIR}/plan)
