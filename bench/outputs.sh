#!/usr/bin/env bash
# Renders a fixed set (timelines/*.json and 100 generated events, every layout, SVG, PDF and
# PNG) into DIR, so that a speed or memory change can be shown to keep the bytes:
#   bash bench/outputs.sh build/tarikh /tmp/before   # on the old build
#   bash bench/outputs.sh build/tarikh /tmp/after    # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
set -euo pipefail
cd "$(dirname "$0")/.."
tarikh=$(realpath "$1")
out=$2
mkdir -p "$out"
inputs=(timelines/*.json)
if [ -f ../shared/peers/gen_events.py ]; then
    python3 ../shared/peers/gen_events.py 100 > "$out/events100.json"
    python3 bench/peer_events_to_tarikh.py "$out/events100.json" > "$out/peers-100.json"
    rm "$out/events100.json"
    inputs+=("$out/peers-100.json")
fi
for input in "${inputs[@]}"; do
    name=$(basename "$input" .json)
    for layout in chart chronicle calendar radial; do
        for fmt in svg pdf png; do
            "$tarikh" render "$input" --layout "$layout" -o "$out/$name.$layout.$fmt" 2> "$out/$name.$layout.$fmt.err" ||
                echo "exit $?" >> "$out/$name.$layout.$fmt.err"
        done
    done
done
