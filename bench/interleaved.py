#!/usr/bin/python3
"""Two tarikh builds and Graphviz, run one after the other in rounds on the peers' generated
events, so that a busy machine slows all three alike; medians of R rounds (default 7).

usage: python3 bench/interleaved.py OLD/tarikh NEW/tarikh [N...]     (default: 10 100 1000)
Prints a markdown table for docs/performance.md."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
peers = os.path.join(here, "..", "..", "shared", "peers")
rounds = int(os.environ.get("R", "7"))
old, new = sys.argv[1], sys.argv[2]
sizes = [int(a) for a in sys.argv[3:]] or [10, 100, 1000]


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


with tempfile.TemporaryDirectory() as work:
    print("| N | format | old s | new s | new ÷ old | ×Graphviz old → new |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        events, timeline = f"{work}/events{n}.json", f"{work}/timeline{n}.json"
        with open(events, "w") as out:
            subprocess.run(["/usr/bin/python3", f"{peers}/gen_events.py", str(n)], stdout=out, check=True)
        with open(timeline, "w") as out:
            subprocess.run([sys.executable, f"{here}/peer_events_to_tarikh.py", events], stdout=out, check=True)
        for fmt in ("svg", "pdf"):
            times = {"old": [], "new": [], "gv": []}
            for _ in range(rounds):
                times["old"].append(timed([old, "render", timeline, "-o", f"{work}/old.{fmt}"]))
                times["new"].append(timed([new, "render", timeline, "-o", f"{work}/new.{fmt}"]))
                times["gv"].append(timed([f"{peers}/graphviz/run.sh", events, f"{work}/gv.{fmt}"]))
            o, w, g = (statistics.median(times[k]) for k in ("old", "new", "gv"))
            print(f"| {n} | {fmt} | {o:.4f} | {w:.4f} | {w / o:.2f} | {g / o:.2f} → {g / w:.2f} |", flush=True)
