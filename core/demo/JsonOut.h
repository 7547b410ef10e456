#pragma once

#include "demo/Formats.h"
#include "demo/TextOut.h"

#include <cstdint>
#include <string>
#include <string_view>

// Helpers shared by the demo's writers (not part of the demo's interface).
namespace baton::demo::detail {

class Json
{
public:
    explicit Json(std::string &out, bool csv = false) : s(out), q(csv ? "\"\"" : "\"") {}
    Json &open()
    {
        s += '{';
        first = true;
        return *this;
    }
    Json &close()
    {
        s += '}';
        first = false;
        return *this;
    }
    Json &object(std::string_view k)
    {
        key(k);
        return open();
    }
    Json &key(std::string_view k)
    {
        if (!first)
            s += ',';
        first = false;
        s += q;
        s += k;
        s += q;
        s += ':';
        return *this;
    }
    // Any text: escaped for JSON (and, in CSV mode, its quotes doubled).
    Json &str(std::string_view k, std::string_view v)
    {
        key(k);
        if (q.size() == 1) {
            appendJsonString(s, v);
        } else {
            std::string escaped;
            appendJsonString(escaped, v);
            appendCsvEscaped(s, escaped);
        }
        return *this;
    }
    // Text known to need no escaping (the demo's own tables: URLs, user agents, names).
    Json &safe(std::string_view k, std::string_view v, std::string_view more = {},
               std::string_view rest = {})
    {
        key(k);
        s += q;
        s += v;
        s += more;
        s += rest;
        s += q;
        return *this;
    }
    Json &num(std::string_view k, std::int64_t v)
    {
        key(k);
        appendInt(s, v);
        return *this;
    }
    Json &numText(std::string_view k, std::int64_t v) // a number Marketo writes as a string
    {
        key(k);
        s += q;
        appendInt(s, v);
        s += q;
        return *this;
    }
    Json &real(std::string_view k, double v, int decimals)
    {
        key(k);
        appendFixed(s, v, decimals);
        return *this;
    }
    Json &boolean(std::string_view k, bool v)
    {
        key(k);
        s += v ? "true" : "false";
        return *this;
    }
    Json &null(std::string_view k)
    {
        key(k);
        s += "null";
        return *this;
    }
    Json &time(std::string_view k, std::int64_t t)
    {
        key(k);
        s += q;
        appendIsoUtc(s, t);
        s += q;
        return *this;
    }
    Json &ip(std::string_view k, std::uint32_t ip)
    {
        key(k);
        s += q;
        for (int shift = 24; shift >= 0; shift -= 8) {
            appendInt(s, (ip >> shift) & 0xFF);
            if (shift)
                s += '.';
        }
        s += q;
        return *this;
    }

private:
    static void appendCsvEscaped(std::string &out, std::string_view text)
    {
        for (char c : text) {
            out += c;
            if (c == '"')
                out += '"';
        }
    }

    std::string &s;
    std::string_view q;
    bool first = true;
};


inline std::string_view lastSegment(std::string_view path)
{
    return path.substr(path.rfind('/') + 1);
}

// Cuts the line started at `start` to three fifths, never inside a UTF-8 sequence: what a
// JSONL line looks like when a writer died mid-line.
inline void truncateLine(std::string &out, std::size_t start)
{
    const std::string_view line(out.data() + start, out.size() - start);
    const std::size_t keep = utf8Prefix(line, line.size() * 3 / 5).size();
    out.resize(start + keep);
}

// {"contract":"<name>","version":<n>,"record":  ... closed by endLine().
inline void beginEnvelope(std::string &out, std::string_view contract, int version)
{
    out += "{\"contract\":\"";
    out += contract;
    out += "\",\"version\":";
    appendInt(out, version);
    out += ",\"record\":";
}

inline void endLine(std::string &out, std::size_t start, Break how)
{
    if (how == Break::Truncate)
        truncateLine(out, start);
    else
        out += '}';
    out += '\n';
}

// A serial number as 16 hex digits, scrambled by a bijection of 64-bit values, so ids look
// random but never collide.
inline void appendScrambledHex(std::string &out, std::uint64_t serial, std::uint64_t salt)
{
    const std::uint64_t x = mix64(serial ^ (salt << 48));
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4)
        out += kHex[(x >> shift) & 15];
}

} // namespace baton::demo::detail
