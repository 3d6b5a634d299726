#!/usr/bin/env bash
# `cmake --install` gives a package another project can use: install into a scratch prefix,
# build tests/consumer against it with find_package(tarikh), run it with the installed fonts.
set -u
build=$1
root=$2
flags=${3:-}
source "$root/tests/cli/lib.sh"

check "cmake --install" cmake --install "$build" --prefix "$work/prefix"
check "installed: library, headers, CLI, fonts, package" test -f "$work/prefix/include/tarikh/tarikh.hpp" -a \
    -x "$work/prefix/bin/tarikh" -a -f "$work/prefix/share/tarikh/fonts/Amiri-Regular.ttf" -a \
    -f "$work/prefix/lib/cmake/tarikh/tarikhConfig.cmake"
check "a consumer project configures and builds" bash -c "
cmake -S '$root/tests/consumer' -B '$work/consumer' -DCMAKE_PREFIX_PATH='$work/prefix' -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_FLAGS='$flags' &&
cmake --build '$work/consumer' -j 2"
check "the consumer renders with the installed fonts" bash -c "
'$work/consumer/consumer' '$root/timelines/idlib-sochi-2018.json' > '$work/out.svg' && grep -q '<svg' '$work/out.svg' &&
xmllint --noout '$work/out.svg'"
check "the installed CLI runs" bash -c "'$work/prefix/bin/tarikh' --version | grep -q '^tarikh '"
finish
