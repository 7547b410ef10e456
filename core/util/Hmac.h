#pragma once

#include "util/Sha256.h"

#include <string_view>

namespace baton::util {

// HMAC-SHA256 (RFC 2104): what a webhook receiver recomputes over the body it got, with the
// secret both sides share, to know the delivery came from Baton unchanged.
Digest hmacSha256(std::string_view key, std::string_view message);

} // namespace baton::util
