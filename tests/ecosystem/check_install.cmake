# check_install.cmake: `cmake --install` puts the man page, the completions
# and the schema where systems look for them.
#
#   cmake -DBUILD_DIR=build -DPREFIX=dir -DPLAN=plan -DSOURCE_DIR=. \
#         -DBINDIR=bin -DMANDIR=share/man -DDATADIR=share -P check_install.cmake

file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}${err}")
endif()

set(missing "")
foreach(f "${BINDIR}/plan"
          "${MANDIR}/man1/plan.1"
          "${MANDIR}/es/man1/plan.1"
          "${DATADIR}/bash-completion/completions/plan"
          "${DATADIR}/zsh/vendor-completions/_plan"
          "${DATADIR}/fish/vendor_completions.d/plan.fish"
          "${DATADIR}/plan/plan.schema.json")
  if(EXISTS "${PREFIX}/${f}")
    message(STATUS "ok: ${f}")
  else()
    list(APPEND missing "${f}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "not installed under ${PREFIX}: ${missing}")
endif()

# The installed files are the current ones, not left from an older build.
function(expect_same installed expected what)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${installed}" "${expected}"
                  RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    message(FATAL_ERROR "${installed} is not ${what}")
  endif()
endfunction()
expect_same("${PREFIX}/${DATADIR}/plan/plan.schema.json"
            "${SOURCE_DIR}/docs/plan.schema.json" "docs/plan.schema.json")
expect_same("${PREFIX}/${MANDIR}/man1/plan.1" "${SOURCE_DIR}/docs/man/plan.1" "docs/man/plan.1")
expect_same("${PREFIX}/${MANDIR}/es/man1/plan.1" "${SOURCE_DIR}/docs/man/es/plan.1"
            "docs/man/es/plan.1")
# As ecosystem.cmake writes them: in English, whatever the locale.
set(ENV{LC_ALL} C.UTF-8)
foreach(spec "bash:bash-completion/completions/plan" "zsh:zsh/vendor-completions/_plan"
             "fish:fish/vendor_completions.d/plan.fish")
  string(REPLACE ":" ";" spec "${spec}")
  list(GET spec 0 shell)
  list(GET spec 1 path)
  execute_process(COMMAND "${PLAN}" completion ${shell}
                  OUTPUT_FILE "${PREFIX}/expected-${shell}" RESULT_VARIABLE rc)
  expect_same("${PREFIX}/${DATADIR}/${path}" "${PREFIX}/expected-${shell}"
              "what 'plan completion ${shell}' prints")
endforeach()
message(STATUS "ok: installed files match their sources")
file(REMOVE_RECURSE "${PREFIX}")
