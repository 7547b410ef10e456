#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace baton::util {

using Digest = std::array<std::uint8_t, 32>;

Digest sha256(std::string_view data);
std::string toHex(const Digest &digest);
inline std::string sha256Hex(std::string_view data)
{
    return toHex(sha256(data));
}

// Incremental hashing for files read in pieces.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void update(std::string_view data);
    Digest finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace baton::util
