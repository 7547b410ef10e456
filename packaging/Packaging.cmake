# Installation of the desktop integration and a Debian package through CPack:
#   cmake --build build && (cd build && cpack -G DEB)
# The binary itself is installed by app/CMakeLists.txt (install(TARGETS baton ...)).
include(GNUInstallDirs)

set(BATON_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
set(BATON_ICON_DIR ${PROJECT_SOURCE_DIR}/resources/icons)

install(FILES ${BATON_PACKAGING_DIR}/baton.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${BATON_PACKAGING_DIR}/io.baton.Baton.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${BATON_ICON_DIR}/baton.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# PNG renditions for desktops without an SVG icon loader.
foreach(size 16 32 48 64 128 256)
  install(FILES ${BATON_ICON_DIR}/baton-${size}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
          RENAME baton.png)
endforeach()

set(CPACK_PACKAGE_NAME baton)
set(CPACK_PACKAGE_VENDOR "Baton")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Review console for marketing-to-sales handoff briefs")
set(CPACK_PACKAGE_CONTACT "Baton maintainers <maintainers@baton.example>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://baton.example")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION office)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
# Library dependencies (Qt, SQLite, OpenSSL, libstdc++) come from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so shlibdeps cannot see it: the platform plugins (xcb, wayland)
# the console needs to open a window.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
# Qt's own translations of its standard dialogs; Baton works without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# The extended description; CPack puts the summary above it as the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Baton turns marketing signals (leads, engagement events, enrichment data)
into a structured handoff brief for each sales-ready lead, through small,
bounded agents running over a local SQLite store. A person approves, edits
or escalates each brief; only approved briefs are pushed to the CRM.
Imports go through versioned data contracts, records that fail are
quarantined with their exact errors, and every decision is kept in a
hash-chained audit trail.")

include(CPack)
