#!/usr/bin/env python3
"""Writes N small timelines (some in a subfolder, some Arabic) into a folder, the last three
broken in three different ways, for the batch tests.

usage: make_batch_inputs.py FOLDER N
"""
import json
import os
import sys

folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(folder, "sub"), exist_ok=True)
for i in range(count):
    name = os.path.join(folder, "sub" if i % 5 == 0 else "", "t%03d.json" % i)
    events = [{"id": "e%d" % k, "date": "2018-%02d-%02d" % (1 + (i + k) % 12, 1 + (3 * k + i) % 28),
               "title": {"en": "Event %d of timeline %d" % (k, i), "ar": "حدث %d في الخط الزمني %d" % (k, i)}}
              for k in range(5)]
    timeline = {"format": "tarikh/1", "title": {"en": "Timeline %d" % i, "ar": "الخط الزمني %d" % i},
                "languages": ["en", "ar"] if i % 2 else ["en"], "events": events}
    if i == count - 1:
        events[0]["date"] = "2018-13-01"
    elif i == count - 3:
        events[0]["lane"] = "nowhere"
    text = json.dumps(timeline, ensure_ascii=False, indent=1)
    if i == count - 2:
        text = text[:-3]  # cut short: a syntax error
    with open(name, "w", encoding="utf-8") as out:
        out.write(text)
