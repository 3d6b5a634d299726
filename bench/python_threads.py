#!/usr/bin/env python3
"""Thread scaling of the Python package: COUNT small timelines rendered (SVG and PNG) by 1
thread, then by THREADS threads, which release the GIL while laying out and drawing. Prints
both times, their ratio (the issue's goal: at most 0.6 for 4 threads on 2 cores) and whether
the bytes are identical.

usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_threads.py [COUNT] [THREADS] [FORMAT]
"""
import os
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
import tarikh  # noqa: E402
from conftest import small_timeline  # noqa: E402

count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 4
fmt = sys.argv[3] if len(sys.argv) > 3 else "svg"
timelines = [tarikh.Timeline(small_timeline(i)) for i in range(count)]


def run(workers: int):
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        # The first render of each thread loads its fonts: warm every thread up before timing.
        list(pool.map(lambda t: t.render(format=fmt), timelines[:workers]))
        start, cpu = time.perf_counter(), _cpu()
        out = list(pool.map(lambda t: t.render(format=fmt), timelines))
    return time.perf_counter() - start, _cpu() - cpu, out


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


one, cpu_one, bytes_one = run(1)
many, cpu_many, bytes_many = run(threads)
# CPU time and the load average tell a slow run apart from a machine other work keeps busy.
print("%d timelines as %s: 1 thread %.2f s (%.2f s CPU), %d threads %.2f s (%.2f s CPU), ratio %.2f, "
      "identical bytes: %s, load average %.1f, %d cores"
      % (count, fmt, one, cpu_one, threads, many, cpu_many, many / one, bytes_one == bytes_many,
         os.getloadavg()[0], os.cpu_count()))
