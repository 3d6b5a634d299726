#!/usr/bin/env python3
"""Writes a timeline of N events with unique short titles, long texts, quotes and sources,
so that its chronicle runs over many pages and entries break across them.

usage: make_long_chronicle.py N > timeline.json
"""
import json
import sys

count = int(sys.argv[1])
words = ("shelling convoy ceasefire talks statement attack positions front withdrawal patrol "
         "observation reconnaissance villages displaced civilians factions agreement").split()
events = []
for i in range(count):
    text = " ".join(words[(i * 7 + k) % len(words)] for k in range(30 + (i * 37) % 400)).capitalize() + "."
    event = {"id": "e%03d" % i, "date": "2018-%02d-%02d" % (1 + i // 28 % 12, 1 + i % 28),
             "title": {"en": "Entry %03d title" % i, "ar": "العنوان %03d" % i},
             "text": {"en": text, "ar": "نص طويل " * (20 + i % 60)},
             "lane": ["north", "south"][i % 2], "sources": ["enab"]}
    if i % 5 == 0:
        event["quotes"] = [{"speaker": "A spokesperson", "text": {"en": "We will answer. " * (3 + i % 9), "ar": "سنرد. " * 5}}]
    if i % 7 == 0:
        event["importance"] = 1
    events.append(event)
timeline = {"format": "tarikh/1", "title": {"en": "A long chronicle", "ar": "تسلسل زمني طويل"},
            "languages": ["en", "ar"], "locales": {"en": "en-GB", "ar": "ar-SY"},
            "sources": [{"id": "enab", "name": {"en": "Enab Baladi", "ar": "عنب بلدي"}, "url": "https://english.enabbaladi.net/"}],
            "lanes": [{"id": "north", "label": "North"}, {"id": "south", "label": "South"}],
            "eras": [{"id": "h1", "start": "2018-01", "end": "2018-06", "label": "First half"},
                     {"id": "h2", "start": "2018-07", "end": "2018-12", "label": "Second half"}],
            "events": events}
json.dump(timeline, sys.stdout, ensure_ascii=False, indent=1)
