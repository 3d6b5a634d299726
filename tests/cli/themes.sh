#!/usr/bin/env bash
# Themes on the command line: `tarikh schema --theme` is docs/theme.schema.json; the schema
# and tarikh agree on every built-in and test theme (python3-jsonschema); each invalid theme
# gives exactly its tests/themes/invalid/NAME.expected; --theme on render and batch, over
# the file's own "theme"; an unknown name is a usage error listing the built-ins.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"
example="$root/timelines/idlib-sochi-2018.json"

check "tarikh schema --theme prints docs/theme.schema.json" bash -c "'$tarikh' schema --theme | cmp - '$root/docs/theme.schema.json'"
check "the theme schema is a valid draft 2020-12 schema" /usr/bin/python3 -c "
import json, jsonschema
jsonschema.Draft202012Validator.check_schema(json.load(open('$root/docs/theme.schema.json')))"

for f in "$root"/themes/*.json "$root"/tests/themes/valid/*.json; do
    check "$(basename "$f") is valid for the schema" /usr/bin/python3 -c "
import json, jsonschema
jsonschema.Draft202012Validator(json.load(open('$root/docs/theme.schema.json'))).validate(json.load(open('$f')))"
    check "$(basename "$f") renders" exit_code 0 "$tarikh" render "$example" -o "$work/valid.svg" --theme "$f"
done

for f in "$root"/tests/themes/invalid/*.json; do
    name=$(basename "$f" .json)
    check "$name.json is invalid for the schema" /usr/bin/python3 -c "
import json, jsonschema, sys
try:
    doc = json.load(open('$f'))
except ValueError:
    sys.exit(0)
sys.exit(1 if jsonschema.Draft202012Validator(json.load(open('$root/docs/theme.schema.json'))).is_valid(doc) else 0)"
    # Run from the theme's folder, so that the diagnostics name it as the .expected file does.
    check "$name.json gives its expected diagnostics" bash -c "cd '$root/tests/themes/invalid' &&
        { '$tarikh' render '$example' -o '$work/invalid.svg' --theme '$name.json'; echo \"exit \$?\"; } 2>&1 |
        diff '$name.expected' -"
    check "$name.json writes no output" test ! -e "$work/invalid.svg"
done

check "an unknown theme name is a usage error listing the built-ins" bash -c "
    '$tarikh' render '$example' -o '$work/x.svg' --theme sepia 2>'$work/err.txt'; [ \$? -eq 2 ] &&
    grep -q 'expected a built-in theme (default, print, dark, compact) or a theme file.s path, found \"sepia\"' '$work/err.txt'"
check "batch refuses an unknown theme name too" exit_code 2 "$tarikh" batch "$example" -o "$work/batch-x" --theme sepia
check "a missing theme file is an input error" exit_code 1 "$tarikh" render "$example" -o "$work/x.svg" --theme "$work/none.json"

# The file's own "theme", and --theme over it.
python3 -c "
import json, sys
doc = json.load(open('$example'))
doc['theme'] = 'dark'
json.dump(doc, open('$work/dark-inside.json', 'w'), ensure_ascii=False)"
"$tarikh" render "$example" -o "$work/default.svg" 2>/dev/null
check "the file's \"theme\" is used" bash -c "'$tarikh' render '$work/dark-inside.json' -o '$work/inside.svg' 2>/dev/null &&
    grep -q '#1b1e23' '$work/inside.svg' && ! grep -q '#1b1e23' '$work/default.svg'"
check "--theme wins over the file's" bash -c "'$tarikh' render '$work/dark-inside.json' -o '$work/over.svg' --theme default 2>/dev/null &&
    ! grep -q '#1b1e23' '$work/over.svg'"
check "batch draws with --theme" bash -c "'$tarikh' batch '$example' -o '$work/batch' --format svg --theme dark -q &&
    grep -q '#1b1e23' '$work'/batch/*.svg"
check "render --help names --theme" bash -c "'$tarikh' render --help | grep -q -- '--theme'"
finish
