#include "util/Sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace baton::util {

Digest sha256(std::string_view data)
{
    Digest digest{};
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
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

struct Sha256::Impl
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Impl() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : m_impl(std::make_unique<Impl>())
{
    if (!m_impl->ctx || EVP_DigestInit_ex(m_impl->ctx, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 init failed");
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view data)
{
    EVP_DigestUpdate(m_impl->ctx, data.data(), data.size());
}

Digest Sha256::finish()
{
    Digest digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_impl->ctx, digest.data(), &size);
    return digest;
}

} // namespace baton::util
