#!/usr/bin/env bash
# Whole-process render time and peak memory of build/tarikh: the example timeline and the
# peers' generated events (half Arabic) at several sizes, each format, median of RUNS.
# usage: bench/render.sh [N...]      (default: 10 100 1000)   RUNS=5 by default
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 1000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

inputs=("timelines/idlib-sochi-2018.json")
for n in "${sizes[@]}"; do
    python3 ../shared/peers/gen_events.py "$n" > "$work/events_$n.json"
    python3 bench/peer_events_to_tarikh.py "$work/events_$n.json" > "$work/n$n.json"
    inputs+=("$work/n$n.json")
done

printf '%-28s %-4s %10s %12s %10s\n' input fmt "median s" "peak RSS MB" "bytes"
for input in "${inputs[@]}"; do
    for format in svg pdf png; do
        times=()
        rss=0
        for _ in $(seq "$runs"); do
            /usr/bin/time -o "$work/time" -f '%e %M' build/tarikh render "$input" -o "$work/out.$format" 2>/dev/null
            read -r seconds kb < "$work/time"
            times+=("$seconds")
            [ "$kb" -gt "$rss" ] && rss=$kb
        done
        median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
        printf '%-28s %-4s %10s %12.1f %10s\n' "$(basename "$input")" "$format" "$median" "$(awk -v kb="$rss" 'BEGIN {print kb / 1024}')" \
            "$(stat -c %s "$work/out.$format")"
    done
done
