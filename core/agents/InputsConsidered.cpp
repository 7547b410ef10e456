#include "agents/InputsConsidered.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace baton::agents {

namespace {

constexpr std::uint8_t kFormat = 1;
constexpr std::size_t kDigestBytes = 32;

struct Kind
{
    char letter;
    std::string_view name;
};
constexpr std::array<Kind, 4> kKinds = {
    {{'l', "lead"}, {'a', "account"}, {'n', "enrichment"}, {'e', "event"}}};

// Writes `s` as nlohmann's dump() would: refs and hex hashes never need escaping, so the
// common case is a copy.
void appendJsonString(std::string &out, const std::string &s)
{
    const bool plain = std::none_of(s.begin(), s.end(), [](char c) {
        return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20 ||
               static_cast<unsigned char>(c) >= 0x80;
    });
    if (plain) {
        out += '"';
        out += s;
        out += '"';
    } else {
        out += nlohmann::json(s).dump();
    }
}

void appendItem(std::string &out, std::string_view kind, std::uint64_t id,
                std::span<const std::uint8_t> digest)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += R"({"ref":")";
    out += kind;
    out += '#';
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, id).ptr;
    out.append(digits, end);
    out += R"(","sha256":")";
    for (const std::uint8_t b : digest) {
        out += hex[b >> 4];
        out += hex[b & 0xf];
    }
    out += "\"}";
}

} // namespace

std::string inputsJson(const InputRefs &inputs)
{
    std::string items = "[";
    items.reserve(inputs.size() * 100 + 2);
    for (const auto &[ref, sha] : inputs) {
        if (items.size() > 1)
            items += ',';
        items += R"({"ref":)";
        appendJsonString(items, ref);
        items += R"(,"sha256":)";
        appendJsonString(items, sha);
        items += '}';
    }
    items += ']';
    return items;
}

std::optional<std::string> withInputs(std::string briefText, std::string_view listJson)
{
    // The key is ours and dump() sorts keys, so its first unescaped occurrence is the
    // member, not text inside a string.
    constexpr std::string_view key = "\"inputs_considered\":null";
    std::size_t at = briefText.find(key);
    while (at != std::string::npos && at > 0 && briefText[at - 1] == '\\')
        at = briefText.find(key, at + 1);
    if (at == std::string::npos)
        return std::nullopt;
    briefText.replace(at + key.size() - 4, 4, listJson);
    return briefText;
}

std::vector<std::uint8_t> packedInputsStart(std::size_t records)
{
    std::vector<std::uint8_t> out;
    out.reserve(1 + records * (1 + 4 + kDigestBytes));
    out.push_back(kFormat);
    return out;
}

void appendPackedInput(std::vector<std::uint8_t> &packed, char kind, std::uint64_t id,
                       std::span<const std::uint8_t, 32> digest)
{
    packed.push_back(static_cast<std::uint8_t>(kind));
    do {
        const auto low = static_cast<std::uint8_t>(id & 0x7f);
        id >>= 7;
        packed.push_back(id ? static_cast<std::uint8_t>(low | 0x80) : low);
    } while (id);
    packed.insert(packed.end(), digest.begin(), digest.end());
}

std::string unpackInputsJson(std::span<const std::uint8_t> packed)
{
    const auto damaged = [] {
        return std::runtime_error("a brief's packed inputs_considered is damaged");
    };
    if (packed.empty() || packed[0] != kFormat)
        throw damaged();
    std::string out = "[";
    out.reserve(packed.size() * 100 / 38 + 2);
    std::size_t at = 1;
    while (at < packed.size()) {
        const auto letter = static_cast<char>(packed[at++]);
        const auto kind = std::find_if(kKinds.begin(), kKinds.end(),
                                       [&](const Kind &k) { return k.letter == letter; });
        if (kind == kKinds.end())
            throw damaged();
        std::uint64_t id = 0;
        for (int shift = 0;; shift += 7) {
            if (at >= packed.size() || shift > 63)
                throw damaged();
            const std::uint8_t b = packed[at++];
            id |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80))
                break;
        }
        if (packed.size() - at < kDigestBytes)
            throw damaged();
        if (out.size() > 1)
            out += ',';
        appendItem(out, kind->name, id, packed.subspan(at, kDigestBytes));
        at += kDigestBytes;
    }
    out += ']';
    return out;
}

std::string storedBrief(std::string text, std::optional<std::span<const std::uint8_t>> packed)
{
    if (!packed)
        return text;
    auto whole = withInputs(std::move(text), unpackInputsJson(*packed));
    if (!whole)
        throw std::runtime_error("a brief kept with packed inputs has no place for them");
    return std::move(*whole);
}

} // namespace baton::agents
