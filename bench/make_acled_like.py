#!/usr/bin/env python3
"""Writes a synthetic ACLED-shaped CSV: N rows of invented events in the column layout of an
ACLED export, shaped like a governorate's year of conflict (Idlib-like place names, a few busy
actors and a long tail of small ones, most events without fatalities). Nothing in it is real:
the datasets' licences forbid committing real rows. Seeded, so the same N and seed give the
same bytes.

    python3 bench/make_acled_like.py 2000 > acled-2000.csv
"""
import datetime
import random

from table_like import write_table

COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
           "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
           "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
           "tags,timestamp").split(",")

# (event_type, sub_event_type, weight, typical fatalities)
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 40, 1.0),
    ("Explosions/Remote violence", "Air/drone strike", 20, 2.5),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 5, 1.5),
    ("Battles", "Armed clash", 18, 3.0),
    ("Violence against civilians", "Attack", 6, 1.0),
    ("Violence against civilians", "Abduction/forced disappearance", 2, 0.0),
    ("Protests", "Peaceful protest", 6, 0.0),
    ("Strategic developments", "Agreement", 1, 0.0),
    ("Strategic developments", "Looting/property destruction", 2, 0.0),
]
# A few busy synthetic actors and a long tail, so that the lane cap has work to do.
ACTORS = ["Test Government Forces", "Test Air Force", "Test Northern Front", "Test Liberation Group",
          "Test Allied Militia", "Test Brigade One", "Test Protesters"] + [f"Test Faction {i}" for i in range(1, 15)]
ACTOR_WEIGHTS = [30, 22, 14, 10, 6, 4, 4] + [1] * 14
# (location, admin2, latitude, longitude): Idlib-like names, some in Arabic script as sources write them.
PLACES = [("Khan Shaykhun", "Maarrat An Nu'man", 35.44, 36.65), ("Kafr Nabl", "Maarrat An Nu'man", 35.61, 36.56),
          ("Saraqib", "Idleb", 35.86, 36.80), ("Jisr Ash-Shughur", "Jisr Ash-Shugur", 35.81, 36.32),
          ("Ariha", "Ariha", 35.81, 36.61), ("Maarrat An Nu'man", "Maarrat An Nu'man", 35.65, 36.67),
          ("معرة النعمان", "Maarrat An Nu'man", 35.65, 36.67), ("خان شيخون", "Maarrat An Nu'man", 35.44, 36.65),
          ("Al Tamanah", "Maarrat An Nu'man", 35.39, 36.73), ("Harim", "Harim", 36.21, 36.52)]
SOURCES = ["Test Monitor A", "Test Wire B", "Test Local Network C", "Test Radio D", "https://example.org/test-report"]


def rows(n, seed):
    rng = random.Random(seed)
    start = datetime.date(2018, 9, 1)
    for i in range(n):
        day = start + datetime.timedelta(days=int(rng.triangular(0, 485, 240)))
        etype, sub, _, mean = rng.choices(TYPES, weights=[t[2] for t in TYPES])[0]
        actor1 = rng.choices(ACTORS, weights=ACTOR_WEIGHTS)[0]
        actor2 = "" if rng.random() < 0.3 else rng.choice(["Civilians (Test)"] + ACTORS[:4])
        place, admin2, lat, lon = rng.choice(PLACES)
        fatalities = 0 if mean == 0 or rng.random() < 0.55 else int(rng.expovariate(1 / mean)) + 1
        if rng.random() < 0.002:
            fatalities = rng.randint(20, 60)  # the rare mass-casualty day
        precision = rng.choices([1, 2, 3], weights=[88, 10, 2])[0]
        date = day.isoformat() if rng.random() < 0.7 else f"{day.day} {day.strftime('%B')} {day.year}"
        sources = "; ".join(rng.sample(SOURCES, rng.choice([1, 1, 2])))
        notes = (f"Synthetic event {i + 1}: {sub.lower()} reported in {place} involving {actor1}"
                 + (f" and {actor2}" if actor2 else "") + ". Invented for tests; not an ACLED record.")
        if rng.random() < 0.05:
            notes += "\nA second paragraph, inside the quoted cell."
        tags = "local administrators" if rng.random() < 0.03 else ""
        yield [f"TST{i + 1:06d}", date, day.year, precision, "Political violence", etype, sub, actor1, "", 1, actor2,
               "", 7 if actor2.startswith("Civilians") else 2, 12, "", 760, "Middle East", "Syria", "Idlib", admin2,
               "", place, f"{lat:.4f}", f"{lon:.4f}", 1, sources, "Subnational", notes, fatalities, tags,
               1700000000 + i]


if __name__ == "__main__":
    write_table(COLUMNS, rows, default_n=2000)
