# packaging.cmake: the Debian package of plan, built with `cpack -G DEB`
# from a release build directory (after `cmake --build`); docs/release.md
# has the steps. `lintian` reports no error and no warning on it, which the
# CTest "package: ..." checks.
#
# CPack installs plan as `cmake --install` does, then cmake/deb-finish.cmake
# adds what Debian's helpers would: the copyright file, the changelog made
# from CHANGELOG.md, and man pages compressed. Depends is computed by
# dpkg-shlibdeps (dpkg-dev) from what the binary links.
set(CPACK_PACKAGE_NAME "plan")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The plan authors")
set(CPACK_PACKAGE_CONTACT "plan maintainers <plan-maintainers@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "keep a public action plan as YAML in git")
# One string, its lines under 80 columns: a list of strings would reach the
# control file joined by ';', and CPack does not wrap.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "plan keeps a public institution's action plan as plain-text YAML in git\n"
       "and answers from the terminal where it stands. It validates plan files\n"
       "with the exact line and column of each mistake, shows progress against\n"
       "what was expected (status, traffic lights, a Gantt timeline), records\n"
       "progress without touching any other byte of the file, and exports the\n"
       "plan as CSV, JSON, Markdown, Mermaid and iCalendar, with follow-up\n"
       "reports in Markdown and HTML, in Spanish or English.")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER
    "Ministerio de Comercio - plan maintainers <plan-maintainers@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Directories 0755 and files 0644 whatever the umask of whoever packs it.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_STRIP_FILES ON)
# Read by cmake/deb-finish.cmake, which runs inside cpack.
set(CPACK_PLAN_SOURCE_DIR "${CMAKE_SOURCE_DIR}")
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_SOURCE_DIR}/cmake/deb-finish.cmake")
include(CPack)
