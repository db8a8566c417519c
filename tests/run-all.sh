#!/usr/bin/env bash
# Every test: installs what is missing (apt), builds, and runs the calibration, benchmark, install
# and end-to-end tests (each starts its own Xvfb) in the release build, the Qt6 build's desk and
# Qt-dependency tests, then the unit, script-library, libobs and desk tests under AddressSanitizer
# + UndefinedBehaviorSanitizer (with LCS_SKIP_SANITIZERS=1 those run in the release build instead).
# Exit code is non-zero when anything fails.
#   LCS_SKIP_SANITIZERS=1  skip the sanitizer pass
#   LCS_SKIP_TSAN=1        skip the ThreadSanitizer pass (its libobs tests only with LCS_TSAN_OBS=1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# Each phase prints the time since the start, so a slow CI run says where its minutes went.
phase() { echo "== $* [$(date -u +%H:%M:%S), ${SECONDS} s]"; }
phase "dependencies (apt)"
"$here/installer/deps.sh"

# ccache, with paths taken relative to the checkout: the Qt6 build compiles about 60 % of its
# files (lcs_core and the Qt-free parts) exactly as the Qt5 build did, and gets those objects from
# the cache instead of compiling them again. A caller's own launcher settings are kept.
if command -v ccache >/dev/null 2>&1 && [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$here}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
fi

# With the sanitizer pass (below), the unit, net, libobs and desk tests are built and run there,
# under ASan + UBSan; the release pass builds and runs the rest (lcs_release_checks: module, CLI,
# calibration, benchmarks, install, end-to-end, OBS >= 30). Without it, everything runs here.
release_targets=() release_labels=()
if [ "${LCS_SKIP_SANITIZERS:-0}" != "1" ]; then
  release_targets=(lcs_release_checks)
  release_labels=(-L "install|e2e|bench|calibration|obs30")
fi
phase "build (linux-release${release_targets:+: ${release_targets[*]}})"
"$here/installer/build.sh" linux-release "${release_targets[@]}"
# The test servers' npm packages (s3rver), from tests/support/servers/package-lock.json.
if [ ! -f "$here/tests/support/servers/node_modules/s3rver/bin/s3rver.js" ]; then
  phase "test servers (npm ci)"
  (cd "$here/tests/support/servers" && npm ci --no-audit --no-fund)
fi
phase "tests (linux-release)"
ctest --preset linux-release -j 2 "${release_labels[@]}"

# The Qt6 build (the one OBS 30+ loads) against Debian's qt6-base-dev: only the module and the
# desk test; runs the desk offscreen with Qt6 and checks the module links no Qt5 (label qt6).
# OBS here is 29 (Qt5), so every libobs and end-to-end test stays with the Qt5 build above.
phase "build (linux-qt6: module + desk test)"
"$here/installer/build.sh" linux-qt6
phase "Qt6 tests (linux-qt6)"
ctest --preset linux-qt6 -j 2
# The Qt6 module inside a libobs of OBS >= 30 built from source (docs/obs-versions.md, "Tested in
# OBS >= 30 here"): loaded by OBS's module loader, every source rendered. SKIPPED, saying why, on
# a machine without that libobs (the Qt5 build's obs30.loader ran above: refused, as OBS 30 does).
phase "OBS >= 30 tests (linux-qt6)"
cmake --build build_linux-qt6 --target lcs_obs30_tests
ctest --test-dir build_linux-qt6 -j 2 -L obs30 --output-on-failure

if [ "${LCS_SKIP_SANITIZERS:-0}" != "1" ]; then
  phase "build (linux-asan)"
  "$here/installer/build.sh" linux-asan
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  phase "unit tests under ASan + UBSan + LeakSanitizer"
  ASAN_OPTIONS="detect_leaks=1" ctest --preset linux-asan -j 2 -L unit
  phase "script-library tests against the real servers under ASan + UBSan + LeakSanitizer"
  ASAN_OPTIONS="detect_leaks=1" ctest --preset linux-asan -j 2 -L net -LE bench
  # Inside libobs, leaks are checked by bnum_allocs() (LSan would report Mesa's and fontconfig's).
  phase "libobs and Qt desk tests under ASan + UBSan"
  ASAN_OPTIONS="detect_leaks=0" ctest --preset linux-asan -j 2 -L "obs|qt"
fi
# --- fuzzing (issue 16, docs/fuzzing.md) ---
# The libFuzzer targets (clang, ASan + UBSan, only the core sources they need), each run for a
# bounded time on its seed corpus; a crash fails here and its input is kept (the path is printed).
# The corpora are also replayed by the unit label above (fuzz.*_corpus_replay, under ASan).
#   LCS_SKIP_FUZZ=1  skip; LCS_FUZZ_SECONDS (default 20) per target
if [ "${LCS_SKIP_FUZZ:-0}" != "1" ]; then
  phase "build (linux-fuzz: libFuzzer targets)"
  "$here/installer/build.sh" linux-fuzz
  phase "fuzzing (${LCS_FUZZ_SECONDS:-20} s per target)"
  "$here/tests/fuzz/run-fuzzers.sh" "$here/build_linux-fuzz" "${LCS_FUZZ_SECONDS:-20}"
fi
# ThreadSanitizer (issue 16): the controller, its command queue, the log writer, the core log and
# the library's sync (lcs_thread_tests, label tsan), and the library sync against the real servers
# (label net), in the linux-tsan build, which builds only what they need. tests/tsan.supp holds
# suppressions for reports entirely inside uninstrumented system libraries only (each says why).
#   LCS_SKIP_TSAN=1  skip this pass
if [ "${LCS_SKIP_TSAN:-0}" != "1" ]; then
  phase "build (linux-tsan: thread tests)"
  "$here/installer/build.sh" linux-tsan lcs_thread_tests lcs_net_tests
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$here/tests/tsan.supp"
  phase "thread tests under ThreadSanitizer"
  ctest --preset linux-tsan -j 2 -L tsan --output-on-failure
  phase "library sync against the real servers under ThreadSanitizer"
  ctest --preset linux-tsan -j 2 -L net -R "NetLibrary|HostileHost" --output-on-failure
  unset TSAN_OPTIONS
fi
# --- the libobs tests under ThreadSanitizer (issue 16) ---
# The module (TSan build, Qt5 dock linked but Qt, libobs and Mesa not instrumented) inside headless
# libobs under Xvfb: label obs in linux-tsan, both locales (obs.module.*); the 100 load/unload
# cycles (obs.module_cycles) stay in the release and ASan passes. tests/tsan.supp says why each
# report of an uninstrumented library is suppressed.
# NOT CLEAN YET (issue 16): the last run still had unsuppressed reports (strlen in our code on
# strings libobs hands over, lock-order reports around gs_enter_context), so it is opt-in:
#   LCS_TSAN_OBS=1  run this pass
if [ "${LCS_SKIP_TSAN:-0}" != "1" ] && [ "${LCS_TSAN_OBS:-0}" = "1" ]; then
  phase "build (linux-tsan: module + libobs tests)"
  "$here/installer/build.sh" linux-tsan lcs_obs_tests
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$here/tests/tsan.supp"
  phase "libobs tests under ThreadSanitizer"
  ctest --preset linux-tsan -j 2 -R "^obs\.module\.(zh-CN|en-US)$" --output-on-failure
  unset TSAN_OPTIONS
fi
phase "done"
