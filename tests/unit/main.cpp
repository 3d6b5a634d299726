#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
    // A warning about characters no font has names the installed fonts that have them: the tests
    // see fonts-dejavu-core's alone, whatever else this machine has (tests/fonts/installed.conf).
    setenv("FONTCONFIG_FILE", TARIKH_TEST_DIR "/fonts/installed.conf", 1);
    return doctest::Context(argc, argv).run();
}
