#!/usr/bin/env bash
# Runs each libFuzzer target of a fuzz build (preset linux-fuzz) for a bounded time on a copy of
# its seed corpus, with its dictionary. A crash, leak, timeout or OOM fails the script; the input
# that did it is kept under the artifact folder, whose path is printed.
#   tests/fuzz/run-fuzzers.sh [build dir] [seconds per target] [target names...]
# Environment: LCS_FUZZ_ARTIFACTS (default build dir/fuzz-artifacts), LCS_FUZZ_RSS_MB (2048),
# LCS_FUZZ_JOBS (targets at a time, 2).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$here/build_linux-fuzz}"
seconds="${2:-20}"
shift 2 2>/dev/null || shift $#
targets=("$@")
((${#targets[@]})) || targets=(pack library compliance_text compliance_number log_reader rubric vendor_request)
artifacts="${LCS_FUZZ_ARTIFACTS:-$build/fuzz-artifacts}"
rss="${LCS_FUZZ_RSS_MB:-2048}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Two targets at a time (LCS_FUZZ_JOBS): a fuzzer is one process on one core.
jobs_at_once="${LCS_FUZZ_JOBS:-2}"
run_one() {
  local t="$1" bin="$build/tests/fuzz/lcs_${1}_fuzzer" work="$artifacts/$1"
  rm -rf "$work" && mkdir -p "$work/corpus"
  if [ ! -x "$bin" ]; then
    echo "fuzz $t: $bin not built" >"$work/result"
    echo 1 >"$work/rc"
    return
  fi
  cp -r "$here/tests/fuzz/corpus/$t/." "$work/corpus/"
  local extra=() dict=()
  [ "$t" = pack ] && extra+=("$here/scripts-library/packs")
  [ "$t" = rubric ] && extra+=("$here/data/rubric")
  [ -f "$here/tests/fuzz/dict/$t.dict" ] && dict=(-dict="$here/tests/fuzz/dict/$t.dict")
  # The new inputs go to the work copy (never the checkout); crashes to the artifact folder. The
  # timeout is generous: the first input also pays start-up (ICU and OpenCC data) on a busy machine.
  "$bin" "${dict[@]}" -max_total_time="$seconds" -rss_limit_mb="$rss" -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/corpus" "${extra[@]}" >"$work/log.txt" 2>&1
  local rc=$?
  local execs speed cov
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log.txt" | grep -o '[0-9]*$')
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$work/log.txt" | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' "$work/log.txt" | tail -1)
  if [ $rc -ne 0 ]; then
    { echo "fuzz $t: FAILED (exit $rc); log $work/log.txt; input(s):" $(ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null)
      grep -m5 -E "ERROR|SUMMARY|runtime error" "$work/log.txt"; } >"$work/result"
  else
    echo "fuzz $t: ok, ${execs:-?} executions (${speed:-?}/s), ${cov:-cov: ?}" >"$work/result"
  fi
  echo $rc >"$work/rc"
}
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs_at_once)); do wait -n; done
  run_one "$t" &
done
wait
failed=()
for t in "${targets[@]}"; do
  cat "$artifacts/$t/result"
  [ "$(cat "$artifacts/$t/rc" 2>/dev/null)" = 0 ] || failed+=("$t")
done
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]} (artifacts under $artifacts)" >&2
  exit 1
fi
