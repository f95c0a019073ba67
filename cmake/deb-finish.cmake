# deb-finish.cmake: what dh_installdocs, dh_installchangelogs and dh_compress
# would do for plan's .deb. CPack runs it (CPACK_PRE_BUILD_SCRIPTS, set in
# cmake/packaging.cmake) on the staging directory after installing plan
# there and before packing it:
#
# - usr/share/doc/plan/copyright: cmake/debian/copyright (DEP-5);
# - usr/share/doc/plan/changelog.gz: CHANGELOG.md's releases in Debian's
#   changelog format, so `apt changelog`-style readers and lintian find it.
#   plan is a native package (version without a Debian revision), so this
#   is the only changelog Debian wants (no changelog.Debian.gz);
# - every man page compressed, as Debian policy asks;
# - the binary's .comment and .note sections removed, as dh_strip does.
#
# gzip -9n: no name and no time stamp in the header, so that the same
# sources give the same bytes. Packing fails if CHANGELOG.md's newest
# release is not the package's version: the release steps in
# docs/release.md update both.

if(NOT CPACK_GENERATOR STREQUAL "DEB")
  return()
endif()
find_program(PLAN_GZIP gzip REQUIRED)

# Zeller's congruence: the English weekday of YYYY-MM-DD, which a Debian
# changelog's date must state correctly.
function(plan_weekday date out)
  string(REGEX MATCH "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$" ok "${date}")
  if(NOT ok)
    message(FATAL_ERROR "deb-finish: '${date}' is not a date YYYY-MM-DD")
  endif()
  set(y "${CMAKE_MATCH_1}")
  set(m "${CMAKE_MATCH_2}")
  set(d "${CMAKE_MATCH_3}")
  # Leading zeros would read as octal to some; strip them (this resets
  # CMAKE_MATCH_*, hence the copies above).
  string(REGEX REPLACE "^0" "" m "${m}")
  string(REGEX REPLACE "^0" "" d "${d}")
  if(m LESS 3)
    math(EXPR m "${m} + 12")
    math(EXPR y "${y} - 1")
  endif()
  math(EXPR k "${y} % 100")
  math(EXPR j "${y} / 100")
  math(EXPR h "(${d} + (13 * (${m} + 1)) / 5 + ${k} + ${k} / 4 + ${j} / 4 + 5 * ${j}) % 7")
  set(names Sat Sun Mon Tue Wed Thu Fri)
  list(GET names ${h} name)
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

function(plan_month_name date out)
  string(SUBSTRING "${date}" 5 2 m)
  string(REGEX REPLACE "^0" "" m "${m}")
  math(EXPR i "${m} - 1")
  set(names Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
  list(GET names ${i} name)
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

# "  * " and the item's words, wrapped before column 79.
function(plan_changelog_item text out)
  string(REGEX MATCHALL "[^ ]+" words "${text}")
  set(result "")
  set(line "  *")
  foreach(word IN LISTS words)
    string(LENGTH "${line} ${word}" width)
    if(width GREATER 78 AND NOT line STREQUAL "  *" AND NOT line STREQUAL "   ")
      string(APPEND result "${line}\n")
      set(line "   ")
    endif()
    string(APPEND line " ${word}")
  endforeach()
  string(APPEND result "${line}\n")
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# One Debian changelog entry: header, items, trailer.
function(plan_changelog_entry version date items out)
  plan_weekday("${date}" day)
  plan_month_name("${date}" month)
  string(SUBSTRING "${date}" 0 4 year)
  string(SUBSTRING "${date}" 8 2 dd)
  set(entry "${CPACK_PACKAGE_NAME} (${version}) unstable; urgency=medium\n\n${items}\n")
  string(APPEND entry " -- ${CPACK_DEBIAN_PACKAGE_MAINTAINER}  "
         "${day}, ${dd} ${month} ${year} 12:00:00 +0000\n")
  set(${out} "${entry}" PARENT_SCOPE)
endfunction()

# CHANGELOG.md (Keep a Changelog) to a Debian changelog: one entry per
# "## [X.Y.Z] - YYYY-MM-DD", one "*" per "- " item; headings and prose
# between them are left out. The newest release must be `expected`.
function(plan_debian_changelog markdown expected out)
  file(READ "${markdown}" text)
  # Markdown's backticks mean nothing in a Debian changelog. ';', '[' and
  # ']' would cut or merge CMake's list items: stand-ins until the end.
  string(ASCII 1 semi)
  string(ASCII 2 open)
  string(ASCII 3 close)
  string(REPLACE "`" "" text "${text}")
  string(REPLACE ";" "${semi}" text "${text}")
  string(REPLACE "[" "${open}" text "${text}")
  string(REPLACE "]" "${close}" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(result "")
  set(version "")
  set(items "")
  set(item "")
  set(first "")
  # A sentinel heading flushes the last release.
  list(APPEND lines "## end")
  foreach(line IN LISTS lines)
    if(line MATCHES "^## ")
      if(NOT item STREQUAL "")
        plan_changelog_item("${item}" wrapped)
        string(APPEND items "${wrapped}")
        set(item "")
      endif()
      if(NOT version STREQUAL "")
        plan_changelog_entry("${version}" "${date}" "${items}" entry)
        if(NOT result STREQUAL "")
          string(APPEND result "\n")
        endif()
        string(APPEND result "${entry}")
      endif()
      set(version "")
      set(items "")
      if(line MATCHES "^## ${open}([0-9]+\\.[0-9]+\\.[0-9]+)${close} - ([0-9-]+)$")
        set(version "${CMAKE_MATCH_1}")
        set(date "${CMAKE_MATCH_2}")
        if(first STREQUAL "")
          set(first "${version}")
        endif()
      endif()
    elseif(version STREQUAL "")
      continue()
    elseif(line MATCHES "^- (.*)$")
      if(NOT item STREQUAL "")
        plan_changelog_item("${item}" wrapped)
        string(APPEND items "${wrapped}")
      endif()
      set(item "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^  +(.*)$" AND NOT item STREQUAL "")
      string(APPEND item " ${CMAKE_MATCH_1}")
    elseif(NOT item STREQUAL "")
      plan_changelog_item("${item}" wrapped)
      string(APPEND items "${wrapped}")
      set(item "")
    endif()
  endforeach()
  if(NOT first STREQUAL expected)
    message(FATAL_ERROR "deb-finish: the newest release in ${markdown} is '${first}', "
                        "the package is ${expected}: add its section (docs/release.md)")
  endif()
  string(REPLACE "${semi}" ";" result "${result}")
  string(REPLACE "${open}" "[" result "${result}")
  string(REPLACE "${close}" "]" result "${result}")
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(plan_gzip file)
  execute_process(COMMAND "${PLAN_GZIP}" -9nf "${file}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "deb-finish: gzip -9n ${file} failed (${rc})")
  endif()
endfunction()

set(root "${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
if(NOT EXISTS "${root}/usr/bin/plan")
  message(FATAL_ERROR "deb-finish: no usr/bin/plan under the staging directory ${root}")
endif()
set(doc "${root}/usr/share/doc/${CPACK_PACKAGE_NAME}")
file(MAKE_DIRECTORY "${doc}")
file(COPY_FILE "${CPACK_PLAN_SOURCE_DIR}/cmake/debian/copyright" "${doc}/copyright")
plan_debian_changelog("${CPACK_PLAN_SOURCE_DIR}/CHANGELOG.md" "${CPACK_PACKAGE_VERSION}"
                      changelog)
file(WRITE "${doc}/changelog" "${changelog}")
plan_gzip("${doc}/changelog")

file(GLOB_RECURSE pages "${root}/usr/share/man/*")
foreach(page IN LISTS pages)
  if(page MATCHES "\\.[1-9]$")
    plan_gzip("${page}")
  endif()
endforeach()

# dh_strip's last step: CPack's strip leaves the compiler's .comment.
find_program(PLAN_STRIP strip REQUIRED)
execute_process(COMMAND "${PLAN_STRIP}" --remove-section=.comment --remove-section=.note
                        "${root}/usr/bin/plan" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "deb-finish: strip usr/bin/plan failed (${rc})")
endif()

# Whatever the umask of whoever packs: files rw-r--r--, the binary rwxr-xr-x.
file(GLOB_RECURSE files "${root}/*")
foreach(f IN LISTS files)
  if(f STREQUAL "${root}/usr/bin/plan")
    file(CHMOD "${f}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
         GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  else()
    file(CHMOD "${f}" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  endif()
endforeach()
