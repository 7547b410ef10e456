#include "util/Sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace baton::util {

namespace {

// OpenSSL 3 looks the algorithm up on every EVP_Digest() call; hashing one small record
// at a time, that lookup cost more than the hash. Fetch once, keep a context per thread.
const EVP_MD *sha256Algorithm()
{
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md)
        throw std::runtime_error("SHA-256 is not available from OpenSSL");
    return md;
}

struct ThreadContext
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~ThreadContext() { EVP_MD_CTX_free(ctx); }
};

} // namespace

Digest sha256(std::string_view data)
{
    thread_local ThreadContext local;
    Digest digest{};
    unsigned int size = 0;
    if (!local.ctx || EVP_DigestInit_ex2(local.ctx, sha256Algorithm(), nullptr) != 1 ||
        EVP_DigestUpdate(local.ctx, data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(local.ctx, digest.data(), &size) != 1)
        throw std::runtime_error("SHA-256 failed");
    return digest;
}

std::string toHex(const Digest &digest)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(digest.size() * 2, '0');
    for (std::size_t i = 0; i < digest.size(); ++i) {
        out[2 * i] = kHex[digest[i] >> 4];
        out[2 * i + 1] = kHex[digest[i] & 0xf];
    }
    return out;
}

} // namespace baton::util
