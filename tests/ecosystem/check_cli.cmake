# check_cli.cmake: `plan schema` and `plan completion` as a user runs them.
#
#   cmake -DPLAN=plan -DSOURCE_DIR=. -DWORK_DIR=dir -DCHECK=schema|usage -P check_cli.cmake

if(CHECK STREQUAL "schema")
  # `plan schema` prints docs/plan.schema.json byte for byte.
  file(MAKE_DIRECTORY "${WORK_DIR}")
  execute_process(COMMAND "${PLAN}" schema OUTPUT_FILE "${WORK_DIR}/schema.json"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "plan schema exited ${rc}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${WORK_DIR}/schema.json"
                          "${SOURCE_DIR}/docs/plan.schema.json"
                  RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    message(FATAL_ERROR "plan schema differs from docs/plan.schema.json "
                        "(rebuild, or see ${WORK_DIR}/schema.json)")
  endif()
  message(STATUS "ok: plan schema is docs/plan.schema.json, byte for byte")
elseif(CHECK STREQUAL "usage")
  # An unknown or missing shell is a usage error: exit 2, nothing on stdout.
  foreach(args "completion;tcsh" "completion" "completion;bash;zsh")
    execute_process(COMMAND "${PLAN}" ${args} RESULT_VARIABLE rc
                    OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(REPLACE ";" " " shown "${args}")
    if(NOT rc EQUAL 2 OR NOT out STREQUAL "")
      message(FATAL_ERROR "plan ${shown}: exit ${rc}, stdout '${out}'; expected 2 and nothing")
    endif()
    message(STATUS "ok: plan ${shown}: exit 2: ${err}")
  endforeach()
  foreach(shell bash zsh fish)
    execute_process(COMMAND "${PLAN}" completion ${shell} RESULT_VARIABLE rc
                    OUTPUT_VARIABLE out)
    if(NOT rc EQUAL 0 OR out STREQUAL "")
      message(FATAL_ERROR "plan completion ${shell}: exit ${rc}")
    endif()
  endforeach()
  message(STATUS "ok: plan completion bash|zsh|fish: exit 0")
else()
  message(FATAL_ERROR "check_cli.cmake: CHECK must be schema or usage")
endif()
