#!/usr/bin/python3
"""The batch goal of issue 19: 1,000 timelines of 20 events rendered by one `tarikh batch
--jobs 2`, per file, against one `tarikh render` process of one of them. Builds run in turns
(ten single renders and one batch of each format, per round) so that a busy machine slows all
alike; medians of R rounds (default 3).

usage: python3 bench/batch_ratio.py LABEL=TARIKH [LABEL=TARIKH ...]
e.g.   R=3 python3 bench/batch_ratio.py old=/work/base/build/tarikh new=build/tarikh
Inputs and outputs go under TMPDIR. On an ext4 without a journal each new file's inode is found
past the ones deleted in the last minutes, so there the batch's time depends on what ran before
it (docs/performance.md, tenth round); an ext4 with its journal, or tmpfs, does not."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
builds = dict(arg.split("=", 1) for arg in sys.argv[1:]) or {"tarikh": os.path.join(here, "..", "build", "tarikh")}
rounds = int(os.environ.get("R", "3"))
scratch = tempfile.TemporaryDirectory()  # removed at exit, a failed run's too
work = scratch.name
inputs = os.path.join(work, "in")
subprocess.run([sys.executable, os.path.join(here, "make_timelines.py"), inputs, "1000", "20"], check=True,
               stdout=subprocess.DEVNULL)
first = os.path.join(inputs, sorted(os.listdir(inputs))[0])


def seconds(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


one = {(label, fmt): [] for label in builds for fmt in ("svg", "pdf")}
batch = {key: [] for key in one}
for _ in range(rounds):
    for label, tarikh in builds.items():
        for fmt in ("svg", "pdf"):
            for _ in range(10):
                one[label, fmt].append(seconds([tarikh, "render", first, "-o", os.path.join(work, "one." + fmt)]))
            shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
            batch[label, fmt].append(seconds([tarikh, "batch", inputs, "-o", os.path.join(work, "out"),
                                              "--format", fmt, "--jobs", "2", "--quiet"]))
print("| build | format | one render, ms | batch of 1,000, s | per file, × faster |")
print("|---|---|---|---|---|")
for (label, fmt), times in one.items():
    single, whole = statistics.median(times), statistics.median(batch[label, fmt])
    print(f"| {label} | {fmt} | {single * 1000:.1f} | {whole:.2f} | {single / (whole / 1000):.1f} |")
