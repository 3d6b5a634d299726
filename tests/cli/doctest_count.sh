#!/usr/bin/env bash
# The doctest cases ctest discovered (label "doctest") against the cases the binary counts.
set -u
build_dir=$1
tests=$2
discovered=$(ctest --test-dir "$build_dir" -N -L '^doctest$' | sed -n 's/^Total Tests: *//p')
counted=$("$tests" --count | sed -n 's/.*passing the current filters: *//p')
echo "ctest discovered $discovered doctest cases; the binary has $counted"
if [ -z "$discovered" ] || [ "$discovered" != "$counted" ]; then
    echo "1 failed: a case name with ';' (or another name ctest cannot pass back) never runs:"
    "$tests" --list-test-cases | grep ';'
    exit 1
fi
echo "1 passed, 0 failed"
