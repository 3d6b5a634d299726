#!/usr/bin/python3
"""Times of day in the reader's clock: in each locale, the times tarikh writes in an event's
date and under the axis are the ones ICU's own short time format gives for that locale
(PyICU, an oracle apart from the date skeletons tarikh asks for): 7:00 PM in en-US, 19:00 in
en-GB, ٧:٠٠ م in Arabic; and a 12-hour locale never shows the 24-hour form.

usage: clock.py TARIKH   (needs python3-icu)
"""
import calendar
import html
import os
import re
import subprocess
import sys
import tempfile

import icu

LOCALES = ["en-US", "en-GB", "ar", "ar-EG", "fr", "de"]
EVENING, MORNING, NEXT_HOUR = (1962, 10, 22, 19, 0), (1962, 10, 23, 7, 30), (1962, 10, 22, 20, 0)
BIDI_MARKS = re.compile("[\u200e\u200f\u061c\u2066-\u2069]")


def timeline(locale):
    language = locale.split("-")[0]
    return ('{"format": "tarikh/1", "languages": ["%s"], "locales": {"%s": "%s"}, "timezone": "UTC", "events": ['
            '{"id": "a", "date": "1962-10-22T19:00", "title": "A"}, {"id": "b", "date": "1962-10-23T07:30", "title": "B"}]}'
            % (language, language, locale))


def svg_texts(tarikh, folder, locale):
    source, svg = os.path.join(folder, locale + ".json"), os.path.join(folder, locale + ".svg")
    with open(source, "w", encoding="utf-8") as f:
        f.write(timeline(locale))
    subprocess.run([tarikh, "render", source, "-o", svg], check=True, stderr=subprocess.DEVNULL)
    with open(svg, encoding="utf-8") as f:
        # A line with runs of both directions is split into <tspan>s, in the text's order.
        lines = re.findall(r"<text[^>]*>(.*?)</text>", f.read(), re.S)
        return [BIDI_MARKS.sub("", html.unescape(re.sub("<[^>]*>", "", line))) for line in lines]


def icu_time(locale, when, pattern=None):
    loc = icu.Locale.forLanguageTag(locale)
    fmt = icu.SimpleDateFormat(pattern, loc) if pattern else icu.DateFormat.createTimeInstance(icu.DateFormat.kShort, loc)
    fmt.setTimeZone(icu.TimeZone.getGMT())
    return fmt.format(float(calendar.timegm(when + (0,))))  # PyICU's dates are in seconds


def main():
    tarikh = sys.argv[1]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as folder:
        for locale in LOCALES:
            texts = svg_texts(tarikh, folder, locale)
            evening, morning, tick = (icu_time(locale, t) for t in (EVENING, MORNING, NEXT_HOUR))
            clock24 = icu_time(locale, EVENING, "HH:mm")
            checks = [
                ("the evening event's date ends with " + evening, any(t.endswith(evening) for t in texts)),
                ("the morning event's date ends with " + morning, any(t.endswith(morning) for t in texts)),
                ("the next hour's tick reads " + tick, tick in texts),
            ]
            if clock24 != evening:  # a 12-hour clock
                checks.append(("no text has the 24-hour " + clock24, not any(clock24 in t for t in texts)))
            for name, ok in checks:
                if ok:
                    passed += 1
                else:
                    failed += 1
                    print("FAIL: %s: %s\n    texts: %s" % (locale, name, texts))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
