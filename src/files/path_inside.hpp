// Output names built from parts we do not control (file names, language tags) proven to stay
// inside the output folder before anything is created or opened there (<tarikh/files.hpp>).
#pragma once
#include <tarikh/files.hpp>
