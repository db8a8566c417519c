# CPack: `cpack -G DEB` builds a Debian package that installs into the system OBS folders.
set(CPACK_PACKAGE_NAME "obs-live-commerce-studio")
set(CPACK_PACKAGE_VENDOR "Live Commerce Studio")
set(CPACK_PACKAGE_CONTACT "Live Commerce Studio developers <dev@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES OFF)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "video")
# The Qt5 build loads only in OBS 29 (OBS 30+ refuses modules that link Qt5); the Qt6 build needs 30+.
if(LCS_QT_MAJOR EQUAL 6)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "obs-studio (>= 30.0), libopencc-data")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "obs-studio (>= 29.0), obs-studio (<< 30), libopencc-data")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei | fonts-noto-cjk")
# libicu and libopencc come in through shlibdeps; OpenCC's t2s data (compliance checker) does not.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "OBS Studio plugin for live-commerce (直播带货) rehearsal.\n Overlays for the selling script, promotions, a simulated comment feed and\n order ticker, a control dock and the lcs command line for session review.")

include(CPack)
