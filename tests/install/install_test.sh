#!/usr/bin/env bash
# Installs the build three ways and loads the installed module in headless libobs:
#   cmake  — `cmake --install` into a scratch prefix
#   deb    — `cpack -G DEB`, then `dpkg -x` into a scratch root
#   user   — installer/install-user.sh into a scratch HOME
# Usage: install_test.sh cmake|deb|user BUILD_DIR SOURCE_DIR OBS_TEST_BINARY
set -euo pipefail
kind="$1" build="$2" source="$3" obs_tests="$4"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
arch="$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)"

fail() { echo "FAIL: $*" >&2; exit 1; }

case "$kind" in
  cmake)
    cmake --install "$build" --prefix "$scratch/usr" >/dev/null
    module="$scratch/usr/lib/$arch/obs-plugins/live-commerce-studio.so"
    data="$scratch/usr/share/obs/obs-plugins/live-commerce-studio"
    [ -x "$scratch/usr/bin/lcs" ] || fail "lcs not installed in bin/"
    ;;
  deb)
    (cd "$build" && cpack -G DEB -B "$scratch/pkg" >/dev/null)
    deb="$(ls "$scratch"/pkg/*.deb | head -n 1)"
    [ -f "$deb" ] || fail "cpack made no .deb"
    depends="$(dpkg-deb -f "$deb" Depends)"
    echo "package: $(basename "$deb"); Depends: $depends"
    grep -q "obs-studio" <<<"$depends" || fail ".deb does not depend on obs-studio"
    dpkg-deb -x "$deb" "$scratch/root"
    module="$scratch/root/usr/lib/$arch/obs-plugins/live-commerce-studio.so"
    data="$scratch/root/usr/share/obs/obs-plugins/live-commerce-studio"
    [ -x "$scratch/root/usr/bin/lcs" ] || fail "lcs missing from the .deb"
    ;;
  user)
    HOME="$scratch/home" XDG_CONFIG_HOME="" "$source/installer/install-user.sh" "$build" >/dev/null
    module="$scratch/home/.config/obs-studio/plugins/live-commerce-studio/bin/64bit/live-commerce-studio.so"
    data="$scratch/home/.config/obs-studio/plugins/live-commerce-studio/data"
    ;;
  *) fail "unknown install kind $kind" ;;
esac

[ -f "$module" ] || fail "module not at $module"
[ -f "$data/locale/en-US.ini" ] && [ -f "$data/locale/zh-CN.ini" ] || fail "locale files not under $data"
echo "module: $module"
LCS_MODULE_BINARY="$module" LCS_MODULE_DATA="$data" LCS_TEST_LOCALE=zh-CN "$obs_tests"
