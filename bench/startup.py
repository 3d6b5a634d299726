#!/usr/bin/env python3
"""Start-up against the floor: a 10-event timeline to SVG and PDF beside `hb-view` drawing one
line of Arabic with Amiri (fonts/) to SVG and PDF, runs interleaved so that a noisy machine
slows all alike. usage: bench/startup.py [TARIKH | LABEL=TARIKH ...] [RUNS]   (build/tarikh, 40)
Several labelled builds (old=OLD/tarikh new=build/tarikh) run in the same turns.
Prints min and median milliseconds of each, and the ratios of the medians to hb-view's."""
import os, pathlib, statistics, subprocess, sys, tempfile, time

root = pathlib.Path(__file__).resolve().parent.parent
args = sys.argv[1:]
runs = int(args.pop()) if args and args[-1].isdigit() else 40
labelled = [arg.split("=", 1) if "=" in arg else ("tarikh", arg) for arg in args] or [("tarikh", str(root / "build/tarikh"))]
builds = dict(labelled)
if len(builds) < len(labelled):
    sys.exit("startup.py: each build needs a label of its own (old=PATH new=PATH)")
work = pathlib.Path(tempfile.mkdtemp())
events = work / "events.json"
events.write_text(subprocess.check_output([sys.executable, str(root / "../shared/peers/gen_events.py"), "10"], text=True))
timeline = work / "ten.json"
timeline.write_text(subprocess.check_output([sys.executable, str(root / "bench/peer_events_to_tarikh.py"), str(events)], text=True))
font = str(root / "fonts/Amiri-Regular.ttf")
line = "هجوم على نقطة لجيش العزة في الزلاقيات"
commands = {}
for label, tarikh in builds.items():
    commands[f"{label} --version"] = [tarikh, "--version"]
    commands[f"{label} 10 events svg"] = [tarikh, "render", str(timeline), "-o", str(work / "t.svg")]
    commands[f"{label} 10 events pdf"] = [tarikh, "render", str(timeline), "-o", str(work / "t.pdf")]
commands |= {
    "hb-view Amiri svg": ["hb-view", font, line, "--output-format=svg", "-o", str(work / "h.svg")],
    "hb-view Amiri pdf": ["hb-view", font, line, "--output-format=pdf", "-o", str(work / "h.pdf")],
}
times = {name: [] for name in commands}
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append((time.perf_counter() - start) * 1000)
floor = {fmt: statistics.median(times[f"hb-view Amiri {fmt}"]) for fmt in ("svg", "pdf")}
print("| command | min ms | median ms | × hb-view (median) |")
print("|---|---|---|---|")
for name, t in times.items():
    fmt = name[-3:]
    ratio = f"{statistics.median(t) / floor[fmt]:.1f}" if fmt in floor else "–"
    print(f"| {name} | {min(t):.1f} | {statistics.median(t):.1f} | {ratio} |")
