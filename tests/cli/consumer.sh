#!/usr/bin/env bash
# `cmake --install` gives a relocatable package another project can use: install into a scratch
# prefix, move the prefix elsewhere, build tests/consumer against the moved prefix with
# find_package(tarikh), and render an Arabic PDF and a booklet of it (which loads the PDF module) with the fonts and
# module found beside the moved library, never in the source or build tree; the moved CLI draws a PNG with
# the moved PNG module.
set -u
build=$1
root=$2
flags=${3:-}
source "$root/tests/cli/lib.sh"

check "cmake --install" cmake --install "$build" --prefix "$work/first"
check "the prefix moves" mv "$work/first" "$work/moved"
prefix=$work/moved
check "installed: library, public headers, CLI, fonts, module, package" test -f "$prefix/include/tarikh/tarikh.hpp" -a \
    -x "$prefix/bin/tarikh" -a -f "$prefix/share/tarikh/fonts/Amiri-Regular.ttf" -a \
    -f "$prefix/lib/tarikh/tarikh-qpdf.so" -a -f "$prefix/lib/tarikh/tarikh-png.so" -a \
    -f "$prefix/lib/cmake/tarikh/tarikhConfig.cmake"
check "only include/tarikh/*.hpp is installed as headers" bash -c "
[ -z \"\$(find '$prefix/include' -type f ! -path '$prefix/include/tarikh/*.hpp')\" ] &&
[ -z \"\$(find '$prefix/include/tarikh' -mindepth 1 -type d)\" ]"
check "no internal path or macro in the package's targets" bash -c "
! grep -rqE '$root/src|TARIKH_VERSION|/include/tarikh[^/]' '$prefix/lib/cmake/tarikh'"
check "a consumer project configures and builds against the moved prefix" bash -c "
cmake -S '$root/tests/consumer' -B '$work/consumer' -DCMAKE_PREFIX_PATH='$prefix' -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_FLAGS='$flags' &&
cmake --build '$work/consumer' -j 2"
# TARIKH_FONT_DIR and TARIKH_MODULE_DIR would override where the library looks: unset.
check "the consumer renders an Arabic PDF with the moved prefix's fonts and module" bash -c "
env -u TARIKH_FONT_DIR -u TARIKH_MODULE_DIR '$work/consumer/consumer' '$root/timelines/idlib-sochi-2018.json' \
    '$work/ar.pdf' > '$work/used.txt' && qpdf --check '$work/ar.pdf' > /dev/null &&
{ grep -qx 'fonts: $prefix/share/tarikh/fonts' '$work/used.txt' &&
  grep -qx 'module: $prefix/lib/tarikh/tarikh-qpdf.so' '$work/used.txt' || { cat '$work/used.txt'; false; }; }"
check "the moved CLI runs and renders a PDF" bash -c "
'$prefix/bin/tarikh' --version | grep -q '^tarikh ' &&
env -u TARIKH_FONT_DIR -u TARIKH_MODULE_DIR '$prefix/bin/tarikh' render '$root/timelines/idlib-sochi-2018.json' --lang ar \
    -o '$work/cli.pdf' && qpdf --check '$work/cli.pdf' > /dev/null"
check "the moved CLI draws a PNG with the moved prefix's module" bash -c "
env -u TARIKH_FONT_DIR -u TARIKH_MODULE_DIR LD_DEBUG=files '$prefix/bin/tarikh' render '$root/timelines/idlib-sochi-2018.json' \
    -o '$work/cli.png' 2> '$work/loaded.txt' && head -c 4 '$work/cli.png' | grep -q PNG &&
grep -qF 'file=$prefix/lib/tarikh/tarikh-png.so [0];  dynamically loaded by' '$work/loaded.txt'"
finish
