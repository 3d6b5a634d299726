// The library's boundary catches every exception: whatever a call throws (ICU, Pango, cairo,
// an allocation) becomes its error, a PNG too large for the limit an error naming that limit.
#pragma once
#include <exception>

#include <tarikh/result.hpp>

#include "render/png_writer.hpp"

namespace tarikh {

template <class T, class Call>
Result<T> guarded(Call&& call) {
    try {
        return call();
    } catch (const PixelLimitExceeded& e) {
        return failure<T>(e.what(), {}, e.option);
    } catch (const std::exception& e) {
        return failure<T>(e.what());
    } catch (...) {
        return failure<T>("unexpected failure");
    }
}

}  // namespace tarikh
