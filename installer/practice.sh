#!/usr/bin/env bash
# The main job: set up, build, and start the real OBS with Live Commerce Studio loaded from the
# build tree and the "Live Commerce Practice" scene collection. With a display, OBS opens for you
# to rehearse. Without one (or with LCS_HEADLESS=1) it runs under Xvfb, records a short clip with
# OBS's own recording and writes everything to an output folder it prints.
#   LCS_OUTPUT_DIR  output folder (default: out/practice-<time>)
#   LCS_CLIP_SECONDS  length of the headless recording (default 10)
#   LCS_LANG  zh-CN or en-US (default zh-CN)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/installer/deps.sh"
"$here/installer/build.sh" linux-release
exec /usr/bin/python3 "$here/installer/tools/practice.py" --build "$here/build_linux-release" "$@"
