#!/usr/bin/env bash
# How cost grows with size: the chart (SVG) and the chronicle (PDF) of the peers' generated
# events at 10,000 and 100,000 events, whole process, with the ratio (O(n log n) allows ≈ 12.5×).
# usage: bench/scaling.sh [SMALL LARGE]    (default: 10000 100000)   RUNS=1 by default
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-1}
small=${1:-10000}
large=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in "$small" "$large"; do
    python3 ../shared/peers/gen_events.py "$n" > "$work/events$n.json"
    python3 bench/peer_events_to_tarikh.py "$work/events$n.json" > "$work/n$n.json"
done
limits="--max-events 10000000 --max-pages 1000000"
echo "| layout | $small events s (MB) | $large events s (MB) | time ratio |"
echo "|---|---|---|---|"
for layout in chart chronicle; do
    ext=$([ "$layout" = chart ] && echo svg || echo pdf)
    read -r s1 m1 < <(python3 bench/measure.py "$runs" build/tarikh render "$work/n$small.json" --layout "$layout" $limits -o "$work/out.$ext")
    read -r s2 m2 < <(python3 bench/measure.py "$runs" build/tarikh render "$work/n$large.json" --layout "$layout" $limits -o "$work/out.$ext")
    echo "| $layout | $s1 ($m1) | $s2 ($m2) | $(awk -v a="$s1" -v b="$s2" 'BEGIN {printf "%.1f", b / a}') |"
done
