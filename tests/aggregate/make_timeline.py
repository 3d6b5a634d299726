#!/usr/bin/env python3
"""A synthetic, Idlib-like conflict timeline in format v1, as an ACLED import would give it:
thousands of small events in three lanes, fatalities as figures of kind "fatalities" (many 0,
a few large, some events without one), some dates approximate (about a week: "~" on the day;
about a month: the month alone). Seeded: the same arguments always write the same file.

    make_timeline.py [--events 2000] [--seed 17] [--out FILE]
"""
import argparse
import datetime
import json
import random
import sys

LANES = [
    ("regime", {"en": "Government of Syria", "ar": "الحكومة السورية"}, "#8e2c2c", 0.5),
    ("russia", {"en": "Military Forces of Russia", "ar": "القوات العسكرية الروسية"}, "#3d5a80", 0.3),
    ("hts", {"en": "Hayat Tahrir al-Sham", "ar": "هيئة تحرير الشام"}, "#5b7f3a", 0.2),
]
PLACES = [
    ("Khan Shaykhun", "خان شيخون"), ("Maarat al-Numan", "معرة النعمان"), ("Kafr Nabl", "كفرنبل"),
    ("Jisr al-Shughur", "جسر الشغور"), ("Saraqib", "سراقب"), ("Ariha", "أريحا"), ("al-Habit", "الهبيط"),
    ("Kafr Zita", "كفرزيتا"), ("al-Lataminah", "اللطامنة"), ("Idlib city", "مدينة إدلب"),
]
KINDS = [
    ("Shelling in {p}", "قصف على {p}"), ("Air strike on {p}", "غارة جوية على {p}"),
    ("Clashes near {p}", "اشتباكات قرب {p}"), ("Drone strike in {p}", "ضربة بطائرة مسيرة في {p}"),
]
START = datetime.date(2018, 9, 17)   # the Sochi deal
END = datetime.date(2019, 6, 30)
SURGE = datetime.date(2019, 4, 26)   # the offensive: three times as many events a day


# Only Random.random() is promised to give the same numbers in every Python version (its other
# methods may change): the choices and the Pareto draw are made from it here.
def pick(rng, items, weights=None):
    weights = weights or [1] * len(items)
    x = rng.random() * sum(weights)
    for item, w in zip(items, weights):
        x -= w
        if x < 0:
            return item
    return items[-1]


def pareto(rng, alpha):
    return (1.0 - rng.random()) ** (-1.0 / alpha)


def day_weights():
    days, weights = [], []
    d = START
    while d <= END:
        days.append(d)
        weights.append(3.0 if d >= SURGE else 1.0)
        d += datetime.timedelta(days=1)
    return days, weights


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    days, weights = day_weights()
    events = []
    for n in range(args.events):
        day = pick(rng, days, weights)
        lane = pick(rng, LANES, [w for *_, w in LANES])[0]
        place_en, place_ar = pick(rng, PLACES)
        kind_en, kind_ar = pick(rng, KINDS)
        r = rng.random()
        if r < 0.04:
            date = day.strftime("%Y-%m")            # ACLED time_precision 3: about a month
        elif r < 0.10:
            date = day.isoformat() + "~"            # time_precision 2: about a week
        else:
            date = day.isoformat()
        event = {
            "id": f"e{n + 1:05d}",
            "date": date,
            "lane": lane,
            "title": {"en": kind_en.format(p=place_en), "ar": kind_ar.format(p=place_ar)},
            "place": {"en": place_en, "ar": place_ar},
        }
        if rng.random() >= 0.08:  # some rows have no fatalities column value
            dead = 0 if rng.random() < 0.6 else int(pareto(rng, 1.3))
            event["figures"] = [{"label": {"en": "fatalities", "ar": "قتلى"}, "value": dead, "kind": "fatalities",
                                 "source": "synthetic"}]
        events.append(event)
    events.sort(key=lambda e: (e["date"].rstrip("~"), e["id"]))
    timeline = {
        "format": "tarikh/1",
        "title": {"en": "Idlib, September 2018 to June 2019: a synthetic event table",
                  "ar": "إدلب من أيلول ٢٠١٨ إلى حزيران ٢٠١٩: جدول أحداث مصطنع"},
        "languages": ["en", "ar"],
        "locales": {"en": "en-GB", "ar": "ar-SY"},
        "timezone": "Asia/Damascus",
        "sources": [{"id": "synthetic", "name": {"en": "synthetic rows", "ar": "صفوف مصطنعة"}}],
        "lanes": [{"id": i, "label": label, "color": color} for i, label, color, _ in LANES],
        "events": events,
    }
    text = json.dumps(timeline, ensure_ascii=False, indent=1) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
