#!/usr/bin/env bash
# The JSON Schema and the parser must not drift apart: every test input gets the same verdict
# from a real validator (Debian's python3-jsonschema, draft 2020-12) as from `tarikh validate`,
# but for the checks a schema cannot express, listed here with the reason.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

check "tarikh schema prints docs/tarikh.schema.json" bash -c "'$tarikh' schema | cmp - '$root/docs/tarikh.schema.json'"
check "the schema is a valid draft 2020-12 schema" /usr/bin/python3 -c "
import json, jsonschema
jsonschema.Draft202012Validator.check_schema(json.load(open('$root/docs/tarikh.schema.json')))"

# Converted TimelineJS files are format v1 documents too.
for f in "$root"/tests/timelinejs/*.json "$root"/tests/timelinejs/*.csv; do
    "$tarikh" import timelinejs "$f" -o "$work/converted-$(basename "$f").json" 2>/dev/null
done

# Rejected by tarikh for reasons beyond a schema: references between ids, uniqueness, cycles,
# the order of two dates or of a figure's bounds, a span given twice, calendar facts, zones, limits, text cleaning, JSON-level overflow,
# how far an offset or a chain of them reaches.
beyond_schema="after-cycle duplicate-id unknown-lane unknown-source unresolved-link bad-timezone end-before-start
february-30 number-overflow unpaired-surrogate word-of-100000-characters edtf-span-and-end edtf-reversed-interval
huge-offset offsets-past-the-last-year terminal-escapes figure-bounds"

verdicts() {
    for f in "$root"/timelines/*.json "$root"/tests/dates/*.json "$work"/converted-*.json "$root"/tests/invalid/*.json "$root"/tests/hostile/*.json; do
        "$tarikh" validate "$f" >/dev/null 2>&1 && echo "valid $f" || echo "invalid $f"
    done
}
verdicts > "$work/verdicts.txt"
check "schema and parser agree on every test input" /usr/bin/python3 -c "
import json, jsonschema, os, sys
schema = jsonschema.Draft202012Validator(json.load(open('$root/docs/tarikh.schema.json')))
beyond = set('''$beyond_schema'''.split())
disagree = []
for line in open('$work/verdicts.txt'):
    verdict, path = line.split(' ', 1)
    path = path.strip()
    name = os.path.basename(path)[:-5]
    try:
        doc = json.load(open(path, encoding='utf-8'))
    except ValueError:
        ok = False                      # not JSON at all: both reject
    else:
        ok = schema.is_valid(doc)
    if verdict == 'valid' and not ok:
        disagree.append(name + ': tarikh accepts it, the schema does not')
    if verdict == 'invalid' and ok and name not in beyond:
        disagree.append(name + ': tarikh rejects it, the schema accepts it')
assert not disagree, disagree
valid = sum(1 for line in open('$work/verdicts.txt') if line.startswith('valid'))
assert valid >= 15, valid  # the example, the converted TimelineJS files, the hostile inputs tarikh accepts
"
finish
