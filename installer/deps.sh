#!/usr/bin/env bash
# Installs the Debian 12 (bookworm) packages Live Commerce Studio needs to build, run and test.
# Runs apt-get update + install only when something is missing. Needs root (or sudo).
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build pkg-config git dpkg-dev file
  # compiler cache: tests/run-all.sh reuses the Qt5 build's objects for the Qt6 build's identical ones
  ccache
  libobs-dev qtbase5-dev libx11-dev nlohmann-json3-dev libspdlog-dev libcurl4-openssl-dev libssl-dev
  # the Qt6 build of the module (the one OBS 30+ loads), built and desk-tested by tests/run-all.sh
  qt6-base-dev
  libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  # the compliance checker: ICU (normalisation), OpenCC and its data (traditional → simplified),
  # the Unihan readings the pinyin table is generated from at build time
  libicu-dev libopencc-dev libopencc-data unicode-data
  # the session-log reader's hot path (core/metrics, issue 16): simdjson On-Demand
  libsimdjson-dev
  # run: OBS itself and a CJK font for Chinese overlays
  obs-studio fonts-wqy-microhei
  # headless OBS and tests: X server, Mesa (llvmpipe), websocket client
  xvfb xauth libgl1-mesa-dri libegl1 libegl-mesa0 python3 python3-websocket python3-pil python3-xlib
  # the HTML report opened in a real browser
  chromium
  # script libraries: the real servers the transport/sync tests start on loopback (nginx WebDAV,
  # rclone serve webdav, npm s3rver under node), the minisign CLI, botocore to re-check SigV4.
  # (Debian's nginx package may start a system nginx on port 80; the tests use their own.)
  nginx libnginx-mod-http-dav-ext rclone minisign python3-botocore
  # fuzzing (issue 16, tests/fuzz): clang 14 and its libFuzzer / sanitizer runtimes
  clang libclang-rt-14-dev
)
# Node.js and npm for s3rver: Debian's, unless a Node.js with its own npm is there already
# (NodeSource's nodejs bundles npm and conflicts with Debian's npm package).
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: run as root (missing: ${missing[*]})" >&2; exit 3; }
  sudo="sudo"
fi
echo "deps: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
