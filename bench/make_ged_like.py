#!/usr/bin/env python3
"""Writes a synthetic UCDP GED-shaped CSV: N rows of invented events in the column layout of a
GED release (tests/import/ged_small.csv has the same header), shaped like a governorate's
years: three kinds of violence, dyads of invented sides, best estimates with low and high
bounds, and some events whose dates are only known to a span of weeks or months (date_prec
2 to 5). Nothing in it is real: the dataset's licence forbids committing real rows. Seeded, so
the same N and seed give the same bytes.

    python3 bench/make_ged_like.py 300 > ged-300.csv
"""
import datetime
import random

from table_like import write_table

COLUMNS = ("id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,"
           "dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,"
           "number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,"
           "where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,"
           "country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,"
           "deaths_unknown,best,high,low").split(",")

# (type_of_violence, side_a, side_b, weight)
DYADS = [(1, "Test government", "Test insurgents", 50), (1, "Test government", "Test northern front", 15),
         (2, "Test insurgents", "Test northern front", 10), (3, "Test government", "Civilians", 15),
         (3, "Test insurgents", "Civilians", 10)]
PLACES = [("Khan Shaykhun", "Khan Shaykhun district", 35.44, 36.65), ("Saraqib", "Idlib district", 35.86, 36.80),
          ("Kafr Nabl", "Maarrat An Nu'man district", 35.61, 36.56), ("Ariha", "Ariha district", 35.81, 36.61),
          ("معرة النعمان", "Maarrat An Nu'man district", 35.65, 36.67), ("Jisr Ash-Shughur", "Jisr Ash-Shugur district", 35.81, 36.32)]
SOURCES = ["Test Wire B", "Test Monitor A", "Test Local Network C"]
# date_prec: 1 the day, 2 within a week, 3 within a month, 4 within a year, 5 more; (weight, longest span in days)
PRECISIONS = {1: (70, 0), 2: (12, 6), 3: (12, 60), 4: (4, 120), 5: (2, 200)}


def rows(n, seed):
    rng = random.Random(seed)
    start = datetime.date(2018, 6, 1)
    for i in range(n):
        kind, side_a, side_b, _ = rng.choices(DYADS, weights=[d[3] for d in DYADS])[0]
        place, adm_2, lat, lon = rng.choice(PLACES)
        precision = rng.choices(list(PRECISIONS), weights=[p[0] for p in PRECISIONS.values()])[0]
        first = start + datetime.timedelta(days=rng.randrange(0, 540))
        last = first + datetime.timedelta(days=rng.randint(0, PRECISIONS[precision][1]))
        deaths = [0 if rng.random() < 0.4 else int(rng.expovariate(1 / 3)) for _ in range(4)]
        if kind == 3:
            deaths[0] = deaths[1] = 0
        best = sum(deaths)
        low = max(0, best - rng.choice([0, 0, 1, 2, 5]))
        high = best + rng.choice([0, 0, 2, 5, 12])
        source = rng.choice(SOURCES)
        article = f"{source},{first.isoformat()},Synthetic headline {i + 1}"
        if rng.random() < 0.2:
            article += f"; https://example.org/ged-{i + 1}"
        yield [800000 + i, f"TST-{first.year}-{kind}-{i + 1}", first.year, "TRUE", "Clear", kind, kind, kind,
               f"Test state: {side_a}" if kind != 3 else f"{side_a} - civilians", kind, kind, f"{side_a} - {side_b}",
               1, 1, side_a, 2, 2, side_b, rng.randint(1, 3), article, "", "", "", "", rng.randint(1, 4), place,
               f"{place} town", "Idlib governorate", adm_2, f"{lat:.2f}", f"{lon:.2f}", "", 0, "Syria", 652,
               "Middle East", 1, precision, first.isoformat(), last.isoformat(), *deaths, best, high, low]


if __name__ == "__main__":
    write_table(COLUMNS, rows, default_n=300)
