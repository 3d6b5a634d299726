#!/usr/bin/env python3
"""Writes COUNT timelines of EVENTS events each (half the titles Arabic, titles taken from
the peers' event generator) into FOLDER, for batch benchmarks.

usage: make_timelines.py FOLDER COUNT [EVENTS]
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "peers"))
from gen_events import make_events  # noqa: E402

folder, count = sys.argv[1], int(sys.argv[2])
events = int(sys.argv[3]) if len(sys.argv) > 3 else 20
os.makedirs(folder, exist_ok=True)
for i in range(count):
    source = make_events(events, seed=i)
    timeline = {
        "format": "tarikh/1",
        "title": "Timeline %d — %s" % (i, source["title"]),
        "timezone": "Asia/Damascus",
        "events": [{"id": e["id"], "date": e["date"], "title": e["headline"]} for e in source["events"]],
    }
    with open(os.path.join(folder, "t%05d.json" % i), "w", encoding="utf-8") as out:
        json.dump(timeline, out, ensure_ascii=False)
