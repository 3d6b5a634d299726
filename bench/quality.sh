#!/usr/bin/env bash
# Layout quality over a fixed set of timelines (--quality-json), so that a change that makes
# layouts worse shows: rows against their bound, leader lengths and crossings, order kept.
# usage: bench/quality.sh      Prints a markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

inputs=("timelines/idlib-sochi-2018.json:en" "timelines/idlib-sochi-2018.json:ar" "tests/dates/edtf.json:en")
for n in 100 1000; do
    python3 ../shared/peers/gen_events.py "$n" > "$work/events$n.json"
    python3 bench/peer_events_to_tarikh.py "$work/events$n.json" > "$work/peers-$n.json"
    inputs+=("$work/peers-$n.json:en")
done

echo "| timeline | lang | scale | overlap px² | labelled | rows / bound | leader total / max px | crossings | Kendall τ | layout ms |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for entry in "${inputs[@]}"; do
    input=${entry%:*}
    lang=${entry##*:}
    for scale in chronological collapsed; do
        build/tarikh render "$input" --lang "$lang" --scale "$scale" -o "$work/out.svg" --quality-json "$work/q.json" 2>/dev/null
        python3 - "$work/q.json" "$(basename "$input" .json)" "$lang" "$scale" <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))
print(f"| {sys.argv[2]} | {sys.argv[3]} | {sys.argv[4]} | {q['label_overlap_area']:g} | {q['labelled']}/{q['events']} | "
      f"{q['rows_used']} / {q['rows_lower_bound']} | {q['leader_total']:.0f} / {q['leader_max']:.0f} | "
      f"{q['leader_crossings']} | {q['kendall_tau']:.3f} | {q['layout_ms']:.1f} |")
PY
    done
done
