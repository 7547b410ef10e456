#include "demo/TextOut.h"

#include "util/Time.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>

namespace baton::demo {

FileWriter::FileWriter(const std::filesystem::path &path) : m_path(path)
{
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file)
        throw std::runtime_error("cannot create " + path.string() + ": " + std::strerror(errno));
    m_buffer.reserve(kFlushAt + (64u << 10));
}

FileWriter::~FileWriter()
{
    if (m_file) {
        flush();
        std::fclose(m_file);
    }
}

FileWriter::FileWriter(FileWriter &&other) noexcept
    : m_file(other.m_file), m_path(std::move(other.m_path)), m_buffer(std::move(other.m_buffer)),
      m_written(other.m_written)
{
    other.m_file = nullptr;
}

FileWriter &FileWriter::operator=(FileWriter &&other) noexcept
{
    if (this != &other) {
        if (m_file) {
            flush();
            std::fclose(m_file);
        }
        m_file = other.m_file;
        m_path = std::move(other.m_path);
        m_buffer = std::move(other.m_buffer);
        m_written = other.m_written;
        other.m_file = nullptr;
    }
    return *this;
}

void FileWriter::flush()
{
    if (m_file && !m_buffer.empty()) {
        // A short write is detected at close() through ferror().
        m_written += static_cast<std::int64_t>(std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file));
    }
    m_buffer.clear();
}

void FileWriter::close()
{
    if (!m_file)
        return;
    flush();
    const bool failed = std::ferror(m_file) != 0;
    const bool closeFailed = std::fclose(m_file) != 0;
    m_file = nullptr;
    if (failed || closeFailed)
        throw std::runtime_error("cannot write " + m_path.string() + ": " + std::strerror(errno));
}

void appendInt(std::string &out, std::int64_t value)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, r.ptr);
}

void appendFixed(std::string &out, double value, int decimals)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    out.append(buf, r.ptr);
}

namespace {

inline char *put2(char *p, unsigned v)
{
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
    return p + 2;
}

// Writes "YYYY-MM-DD" + sep + "HH:MM" (+ ":SS" if seconds) into p; returns the end.
char *putDateTime(char *p, std::int64_t t, char sep, bool seconds)
{
    long long days = t / 86400;
    long long rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    const util::CivilDate c = util::civilFromDays(days);
    const auto y = static_cast<unsigned>(c.year);
    p = put2(p, y / 100 % 100);
    p = put2(p, y % 100);
    *p++ = '-';
    p = put2(p, c.month);
    *p++ = '-';
    p = put2(p, c.day);
    if (sep == 0)
        return p;
    *p++ = sep;
    const auto r = static_cast<unsigned>(rem);
    p = put2(p, r / 3600);
    *p++ = ':';
    p = put2(p, r / 60 % 60);
    if (seconds) {
        *p++ = ':';
        p = put2(p, r % 60);
    }
    return p;
}

} // namespace

void appendIsoUtc(std::string &out, std::int64_t t)
{
    char buf[32];
    char *p = putDateTime(buf, t, 'T', true);
    *p++ = 'Z';
    out.append(buf, p);
}

void appendExportDateTime(std::string &out, std::int64_t t)
{
    char buf[32];
    out.append(buf, putDateTime(buf, t, ' ', false));
}

void appendDate(std::string &out, std::int64_t t)
{
    char buf[32];
    out.append(buf, putDateTime(buf, t, 0, false));
}

void appendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + start, i - start);
        start = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            static constexpr char kHex[] = "0123456789abcdef";
            const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            out.append(esc, 6);
        }
        }
    }
    out.append(text.data() + start, text.size() - start);
    out += '"';
}

void appendCsvQuoted(std::string &out, std::string_view text)
{
    out += '"';
    for (;;) {
        const std::size_t q = text.find('"');
        if (q == std::string_view::npos) {
            out.append(text);
            break;
        }
        out.append(text.data(), q + 1);
        out += '"';
        text.remove_prefix(q + 1);
    }
    out += '"';
}

void appendCsvField(std::string &out, std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        out.append(text);
    else
        appendCsvQuoted(out, text);
}

namespace {

// U+00C0..U+00FF. Digraph letters are spelled out; the two signs (U+00D7, U+00F7) drop.
constexpr const char *kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// U+0100..U+017F: each code point's base letter; '#' is "ij", '%' is "oe".
constexpr std::string_view kLatinExtA =
    "aaaaaa"
    "cccccccc"
    "dddd"
    "eeeeeeeeee"
    "gggggggg"
    "hhhh"
    "iiiiiiiiii"
    "##"
    "jj"
    "kkk"
    "llllllllll"
    "nnnnnnnnn"
    "oooooo"
    "%%"
    "rrrrrr"
    "ssssssss"
    "tttttt"
    "uuuuuuuuuuuu"
    "ww"
    "yyy"
    "zzzzzz"
    "s";
static_assert(kLatinExtA.size() == 128);

} // namespace

std::string foldToAscii(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                out += static_cast<char>(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
            const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            if (cp >= 0xC0 && cp < 0x100) {
                out += kLatin1[cp - 0xC0];
            } else if (cp >= 0x100 && cp < 0x180) {
                const char b = kLatinExtA[cp - 0x100];
                out += b == '#' ? "ij" : b == '%' ? "oe" : std::string(1, b);
            }
            i += 2;
            continue;
        }
        // Other scripts and symbols: skip the whole sequence.
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            ++i;
    }
    return out;
}

std::string_view utf8Prefix(std::string_view text, std::size_t bytes)
{
    if (bytes >= text.size())
        return text;
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80)
        --bytes;
    return text.substr(0, bytes);
}

} // namespace baton::demo
