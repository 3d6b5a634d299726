#!/usr/bin/env python3
"""Converts the peers' generated events (../shared/peers/gen_events.py) to a tarikh file,
so that tarikh and its peers draw the same events.

usage: peer_events_to_tarikh.py events.json > timeline.json
"""
import json
import sys


def main():
    source = json.load(open(sys.argv[1], encoding="utf-8"))
    timeline = {
        "format": "tarikh/1",
        "title": source["title"],
        "languages": ["en"],
        "timezone": "Asia/Damascus",
        "events": [{"id": e["id"], "date": e["date"], "title": e["headline"]} for e in source["events"]],
    }
    json.dump(timeline, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
