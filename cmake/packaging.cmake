# packaging.cmake: a Debian package of plan, built with `cpack -G DEB`
# from a build directory (after `cmake --build`). Dependencies are the
# Debian 12 runtime libraries plan links against.
set(CPACK_PACKAGE_NAME "plan")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "plan developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "keep a public action plan as YAML in git")
set(CPACK_PACKAGE_DESCRIPTION
    "plan validates action plans kept as YAML in git (errors at the exact line\n"
    "and column), shows where a plan stands (status, semáforo, timeline),\n"
    "records progress without touching any other byte, and exports the plan\n"
    "as CSV, JSON, Markdown, Mermaid, iCalendar and follow-up reports.")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "plan developers <plan@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libyaml-cpp0.7, libfmt9, libutf8proc2, libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1")
set(CPACK_STRIP_FILES ON)
include(CPack)
