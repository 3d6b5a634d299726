// The timeline model lives in the public headers.
#pragma once
#include <tarikh/timeline.hpp>
