#!/usr/bin/env bash
# Configures and builds the project with the given CMake preset (default linux-release); further
# arguments name the targets to build (default: all).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${1:-linux-release}"
shift || true
cd "$here"
cmake --preset "$preset" >/dev/null
if (($#)); then
  cmake --build --preset "$preset" -j "$(nproc)" --target "$@"
else
  cmake --build --preset "$preset" -j "$(nproc)"
fi
