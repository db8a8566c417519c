# Which Qt the module links: LCS_QT_MAJOR = 5 or 6. OBS 30 and later refuse to load a module that
# links Qt5 (libobs' has_qt5_dependency / has_qt5_import), OBS 29 ships Qt5. So the default
# follows the libobs the module is built against: Qt6 for libobs >= 30, Qt5 for 29.
# Sets LCS_LIBOBS_MAJOR (from obs-config.h's LIBOBS_API_MAJOR_VER, else the package version),
# LCS_QT_MAJOR and LCS_QT_TARGETS_PREFIX (Qt5:: or Qt6::, for components the versionless Qt::
# aliases cover too).

find_package(libobs REQUIRED)

function(_lcs_libobs_major out)
  get_target_property(_dirs OBS::libobs INTERFACE_INCLUDE_DIRECTORIES)
  foreach(_dir IN LISTS _dirs)
    if(EXISTS "${_dir}/obs-config.h")
      file(STRINGS "${_dir}/obs-config.h" _line REGEX "^#define[ \t]+LIBOBS_API_MAJOR_VER[ \t]+[0-9]+")
      if(_line)
        string(REGEX REPLACE ".*LIBOBS_API_MAJOR_VER[ \t]+([0-9]+).*" "\\1" _major "${_line}")
        set(${out} "${_major}" PARENT_SCOPE)
        return()
      endif()
    endif()
  endforeach()
  if(libobs_VERSION_MAJOR)
    set(${out} "${libobs_VERSION_MAJOR}" PARENT_SCOPE)
    return()
  endif()
  message(FATAL_ERROR "LcsQt: cannot tell the libobs version: no obs-config.h with LIBOBS_API_MAJOR_VER "
                      "under '${_dirs}' and no libobs package version")
endfunction()

_lcs_libobs_major(LCS_LIBOBS_MAJOR)
if(LCS_LIBOBS_MAJOR GREATER_EQUAL 30)
  set(_lcs_qt_default 6)
else()
  set(_lcs_qt_default 5)
endif()
set(LCS_QT_MAJOR "${_lcs_qt_default}" CACHE STRING
    "Qt major version the module links (5 for OBS 29, 6 for OBS 30 and later; default from libobs)")
set_property(CACHE LCS_QT_MAJOR PROPERTY STRINGS 5 6)
if(NOT LCS_QT_MAJOR MATCHES "^[56]$")
  message(FATAL_ERROR "LCS_QT_MAJOR must be 5 or 6, not '${LCS_QT_MAJOR}'")
endif()
if(LCS_QT_MAJOR EQUAL 5 AND LCS_LIBOBS_MAJOR GREATER_EQUAL 30)
  message(WARNING "LCS_QT_MAJOR=5 with libobs ${LCS_LIBOBS_MAJOR}: OBS ${LCS_LIBOBS_MAJOR} refuses to load "
                  "a module that links Qt5")
endif()
if(LCS_QT_MAJOR EQUAL 5)
  set(LCS_QT_MIN_VERSION 5.15)
else()
  set(LCS_QT_MIN_VERSION 6.2)
endif()
set(LCS_QT_TARGETS_PREFIX "Qt${LCS_QT_MAJOR}::")
message(STATUS "live-commerce-studio: libobs ${LCS_LIBOBS_MAJOR}, Qt ${LCS_QT_MAJOR}")

# find_package(Qt<major> <min> REQUIRED COMPONENTS ...) and the list of its targets in <out_var>.
macro(lcs_find_qt out_var)
  find_package(Qt${LCS_QT_MAJOR} ${LCS_QT_MIN_VERSION} REQUIRED COMPONENTS ${ARGN})
  set(${out_var})
  foreach(_lcs_c ${ARGN})
    list(APPEND ${out_var} "Qt${LCS_QT_MAJOR}::${_lcs_c}")
  endforeach()
endmacro()
