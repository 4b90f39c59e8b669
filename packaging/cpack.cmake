# The Debian package: `cpack -G DEB` in the build folder (or `cmake --build build --target package`)
# writes vorlagenwerk_<version>_<arch>.deb. Included from the top-level CMakeLists.txt.

set(CPACK_PACKAGE_NAME vorlagenwerk)
set(CPACK_PACKAGE_VENDOR "Freie Hansestadt Bremen")
set(CPACK_PACKAGE_CONTACT "Vorlagenwerk <vorlagenwerk@bremen.de>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Draft, review and publish submissions to the Senate of Bremen")
set(CPACK_PACKAGE_DESCRIPTION
    "Vorlagenwerk is a desktop application in which the departments of Bremen draft their submissions\n\
to the Senate (Senatsvorlagen), review them and publish the decided version as PDF/A, with a\n\
command-line tool (vorlagenwerk-cli) over the same workspace files.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # vorlagenwerk_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION editors)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://www.bremen.de/")
# Libraries linked directly are found by dpkg-shlibdeps (package dpkg-dev); the plugins Qt loads at run time
# are not linked and are named here: the SQLite driver, the platform plugins (xcb, offscreen, wayland) and
# Qt PDF for the preview and the importer.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6pdf6")
# The German dictionary for the spell check and Qt's own German texts are read at run time; without them
# the app still works (spell check off, some of Qt's buttons in English).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hicolor-icon-theme, shared-mime-info, desktop-file-utils, hunspell-de-de, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "poppler-utils")

include(CPack)
