#!/usr/bin/env python3
"""Times a whole process: measure.py RUNS COMMAND... → "median_seconds peak_MB".

Wall time by perf_counter around fork/exec/wait (no 10 ms rounding as with /usr/bin/time),
peak memory from wait4's rusage (the largest resident set of the process and the children
it waited for). Output goes to /dev/null; a failing run counts as failed ("nan")."""
import os, statistics, subprocess, sys, time

def main() -> None:
    runs, command = int(sys.argv[1]), sys.argv[2:]
    times, peak_kb = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            print("nan nan")
            return
        times.append(elapsed)
        peak_kb = max(peak_kb, usage.ru_maxrss)
    print(f"{statistics.median(times):.4f} {peak_kb / 1024:.0f}")

main()
