#!/usr/bin/env bash
# tarikh against its peers (../shared/peers: matplotlib, Mermaid CLI, Graphviz) on the same
# generated events (half Arabic), whole processes, median of RUNS, ratios from the same run.
# usage: bench/peers.sh [N...]     (default: 10 100 1000)   RUNS=3 FORMATS="svg pdf" PEERS="mpl mermaid gv"
# Needs ../shared/peers/setup.sh to have run. Prints a markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
peers_dir=$(cd ../shared/peers && pwd)
runs=${RUNS:-3}
formats=${FORMATS:-svg pdf}
peers=${PEERS:-mpl mermaid gv}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 1000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command_for() {  # command_for TOOL INPUT OUTPUT
    case "$1" in
        tarikh) echo "build/tarikh render $2.tarikh.json -o $3" ;;
        mpl) echo "/usr/bin/python3 $peers_dir/mpl_timeline.py $2 $3" ;;
        mermaid) echo "$peers_dir/mermaid/run.sh $2 $3" ;;
        gv) echo "$peers_dir/graphviz/run.sh $2 $3" ;;
    esac
}

median_run() {  # median_run TOOL INPUT OUTPUT → "seconds peak_mb" (bench/measure.py)
    timeout 1800 python3 bench/measure.py "$runs" $(command_for "$@") || echo "nan nan"
}

echo "| N | format | tarikh s (MB) | $(for p in $peers; do printf '%s s (MB) | ×%s | ' "$p" "$p"; done)"
echo "|---|---|---|$(for p in $peers; do printf -- '---|---|'; done)"
for n in "${sizes[@]}"; do
    /usr/bin/python3 "$peers_dir/gen_events.py" "$n" > "$work/events$n.json"
    python3 bench/peer_events_to_tarikh.py "$work/events$n.json" > "$work/events$n.json.tarikh.json"
    for fmt in $formats; do
        read -r ts tm < <(median_run tarikh "$work/events$n.json" "$work/out.$fmt")
        row="| $n | $fmt | $ts ($tm) |"
        for p in $peers; do
            read -r ps pm < <(median_run "$p" "$work/events$n.json" "$work/peer.$fmt")
            row+=" $ps ($pm) | $(awk -v p="$ps" -v t="$ts" 'BEGIN {printf "%.1f", (t > 0 ? p / t : 0)}') |"
        done
        echo "$row"
    done
done
