#!/usr/bin/env python3
"""Bench (issue 16): `lcs report --format json` of a simulated 4-hour session against Python merely
json.loads-ing each line of the same file, best of 3 each, in one run. Prints the event count,
the size, both times, the ratio and the peak RSS of `lcs report`; fails when the ratio is over
0.3. Usage: log_read_ratio_bench.py LCS SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile
import time

MAX_RATIO = 0.3


def best_of(n, run):
    return min(run() for _ in range(n))


def main():
    lcs, source = sys.argv[1], sys.argv[2]
    data = os.path.join(source, "data")
    pack = os.path.join(source, "scripts-library/packs/farm-origin/farm-origin.zh-CN.json")
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "4h.jsonl")
        subprocess.run([lcs, "simulate", "--data", data, "--pack", pack, "--seed", "7", "--duration", "14400",
                        "--policy", "strong", "-o", log], check=True, stdout=subprocess.DEVNULL)
        with open(log, "rb") as f:
            events = sum(1 for _ in f) - 1
        size = os.path.getsize(log)

        def python_loop():
            start = time.perf_counter()
            with open(log, "rb") as f:
                for line in f:
                    json.loads(line)
            return time.perf_counter() - start

        peak = [0]

        def report():
            start = time.perf_counter()
            child = subprocess.Popen([lcs, "report", log, "--data", data, "--format", "json"], stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            elapsed = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode != 0:
                raise SystemExit(f"lcs report failed: {child.returncode}")
            peak[0] = max(peak[0], usage.ru_maxrss)
            return elapsed

        py = best_of(3, python_loop)
        ours = best_of(3, report)
        peak_kib = peak[0]
    ratio = ours / py
    print(f"4-hour simulated log: {events} events, {size / 1e6:.1f} MB; python json.loads loop {py:.3f} s, "
          f"lcs report --format json {ours:.3f} s, ratio {ratio:.2f} (target <= {MAX_RATIO}); "
          f"peak RSS of lcs report {peak_kib / 1024:.1f} MiB")
    if ratio > MAX_RATIO:
        print("OVER TARGET")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
