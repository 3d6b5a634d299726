#!/usr/bin/env bash
# Batch throughput: COUNT generated timelines of 20 events to PDF with --jobs 1 and 2, in
# one run: files per second, the speed-up, and peak memory as the number of files grows.
# usage: bench/batch.sh [COUNT]      (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_timelines.py "$work/in" "$count" 20

run() {  # run JOBS INPUT_FOLDER → "seconds peak_kb"
    rm -rf "$work/out"
    /usr/bin/time -o "$work/time" -f '%e %M' build/tarikh batch "$2" -o "$work/out" --format pdf --jobs "$1" --quiet
    cat "$work/time"
}

read -r s1 m1 < <(run 1 "$work/in")
read -r s2 m2 < <(run 2 "$work/in")
awk -v n="$count" -v s1="$s1" -v s2="$s2" -v m1="$m1" -v m2="$m2" 'BEGIN {
    printf "%d timelines × 20 events → PDF\n", n
    printf "  --jobs 1: %6.2f s  %7.1f files/s  peak %6.1f MB\n", s1, n / s1, m1 / 1024
    printf "  --jobs 2: %6.2f s  %7.1f files/s  peak %6.1f MB\n", s2, n / s2, m2 / 1024
    printf "  speed-up: %.2f×\n", s1 / s2
}'

# Memory should stay flat as the batch grows: peak RSS at a quarter, half and all of it.
echo "peak memory by batch size (--jobs 2):"
for share in 4 2 1; do
    n=$((count / share))
    mkdir -p "$work/part$n"
    files=("$work"/in/*.json)
    for f in "${files[@]:0:n}"; do ln -s "$f" "$work/part$n/"; done
    read -r s m < <(run 2 "$work/part$n")
    awk -v n="$n" -v m="$m" 'BEGIN { printf "  %5d files: %6.1f MB\n", n, m / 1024 }'
done
