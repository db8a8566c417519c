#!/usr/bin/env bash
# LCS_QT_MAJOR's default (cmake/LcsQt.cmake) follows the libobs found: a stand-in libobs package
# whose obs-config.h says LIBOBS_API_MAJOR_VER 29, 30, 31 or 32 must give Qt 5, 6, 6, 6; an
# explicit -DLCS_QT_MAJOR wins; a value other than 5 or 6 is refused.
# Usage: qt_default_check.sh SOURCE_DIR
set -euo pipefail
source="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$scratch/project"
cat >"$scratch/project/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(qt_default_check LANGUAGES NONE)
list(APPEND CMAKE_MODULE_PATH "$source/cmake")
include(LcsQt)
file(WRITE "\${CMAKE_BINARY_DIR}/qt-major.txt" "\${LCS_LIBOBS_MAJOR} \${LCS_QT_MAJOR}")
CMAKE

# A libobs package the way obs-studio installs it: an imported OBS::libobs with include/obs.
fake_libobs() {
  local major="$1" prefix="$scratch/libobs-$1"
  mkdir -p "$prefix/include/obs" "$prefix/lib/cmake/libobs"
  printf '#pragma once\n#define LIBOBS_API_MAJOR_VER %s\n#define LIBOBS_API_MINOR_VER 0\n' "$major" \
    >"$prefix/include/obs/obs-config.h"
  cat >"$prefix/lib/cmake/libobs/libobsConfig.cmake" <<CMAKE
if(NOT TARGET OBS::libobs)
  add_library(OBS::libobs INTERFACE IMPORTED)
  set_target_properties(OBS::libobs PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "$prefix/include/obs")
endif()
CMAKE
  echo "$prefix"
}

configure() { # configure MAJOR [cmake args...] -> prints "libobs qt"
  local prefix build
  prefix="$(fake_libobs "$1")"; shift
  build="$(mktemp -d "$scratch/build.XXXX")"
  cmake -S "$scratch/project" -B "$build" -DCMAKE_PREFIX_PATH="$prefix" "$@" >"$build/log" 2>&1 ||
    { cat "$build/log" >&2; return 1; }
  cat "$build/qt-major.txt"
}

for case in "29 5" "30 6" "31 6" "32 6"; do
  set -- $case
  got="$(configure "$1")" || fail "configure against libobs $1 failed"
  [ "$got" = "$1 $2" ] || fail "libobs $1: expected 'libobs qt' = '$1 $2', got '$got'"
  echo "libobs $1 → Qt $2"
done
got="$(configure 32 -DLCS_QT_MAJOR=5)" || fail "configure with -DLCS_QT_MAJOR=5 failed"
[ "$got" = "32 5" ] || fail "-DLCS_QT_MAJOR=5 not kept: got '$got'"
if configure 31 -DLCS_QT_MAJOR=4 >/dev/null 2>&1; then fail "LCS_QT_MAJOR=4 was accepted"; fi
echo "OK: the default follows LIBOBS_API_MAJOR_VER; explicit 5 kept; 4 refused"
