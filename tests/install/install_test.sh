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
    lcs_bin="$scratch/usr/bin"
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
    lcs_bin="$scratch/root/usr/bin"
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

# The installed lcs, started by PATH from another folder (no LCS_DATA_DIR), finds its installed
# data: simulate needs the audience data, report the rubric (exit 3 without it).
if [ -n "${lcs_bin:-}" ]; then
  work="$scratch/elsewhere"
  mkdir -p "$work"
  run_lcs() { (cd "$work" && env -u LCS_DATA_DIR PATH="$lcs_bin:/usr/bin:/bin" lcs "$@"); }
  run_lcs simulate --pack "$data/packs/farm-origin/farm-origin.en-US.json" --seed 5000000000 --duration 60 \
    --policy strong -o s.jsonl >/dev/null || fail "installed lcs simulate (by PATH, in $work) failed"
  run_lcs report s.jsonl -o r.json || fail "installed lcs report (by PATH, in $work) failed"
  grep -q '"rubric"' "$work/r.json" || fail "the installed lcs report has no rubric"
  grep -q '"seed": 5000000000' "$work/r.json" || fail "the report lost the 64-bit seed"
  echo "lcs: $lcs_bin/lcs finds $data"
fi
LCS_MODULE_BINARY="$module" LCS_MODULE_DATA="$data" LCS_TEST_LOCALE=zh-CN "$obs_tests"
