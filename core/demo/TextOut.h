#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

// Fast text output for the demo generator: a file written through a large std::string
// buffer (flushed with fwrite), and hand-written formatting of the few shapes the demo
// writes (integers, UTC times, JSON strings, CSV fields). No iostreams, no locale.
namespace baton::demo {

class FileWriter
{
public:
    FileWriter() = default; // a disabled writer: appends go to the buffer and are dropped
    explicit FileWriter(const std::filesystem::path &path);
    ~FileWriter();
    FileWriter(const FileWriter &) = delete;
    FileWriter &operator=(const FileWriter &) = delete;
    FileWriter(FileWriter &&other) noexcept;
    FileWriter &operator=(FileWriter &&other) noexcept;

    bool enabled() const { return m_file != nullptr; }
    std::string &buffer() { return m_buffer; }
    // Call after each record: writes the buffer out once it holds about a megabyte.
    void recordDone()
    {
        if (m_buffer.size() >= kFlushAt)
            flush();
    }
    void flush();
    // Flushes and closes; throws std::runtime_error naming the file on any write error.
    void close();
    std::int64_t bytes() const { return m_written + static_cast<std::int64_t>(m_buffer.size()); }

    static constexpr std::size_t kFlushAt = 1u << 20;

private:
    std::FILE *m_file = nullptr;
    std::filesystem::path m_path;
    std::string m_buffer;
    std::int64_t m_written = 0;
};

void appendInt(std::string &out, std::int64_t value);
// Fixed notation with `decimals` digits after the point (std::to_chars: exact, locale-free).
void appendFixed(std::string &out, double value, int decimals);
// "2026-10-02T14:06:20Z"
void appendIsoUtc(std::string &out, std::int64_t epochSeconds);
// "2026-10-02 14:06" (HubSpot's export form)
void appendExportDateTime(std::string &out, std::int64_t epochSeconds);
// "2026-10-02"
void appendDate(std::string &out, std::int64_t epochSeconds);
// A JSON string literal with its quotes; escapes ", \ and control characters.
void appendJsonString(std::string &out, std::string_view text);
// A CSV field wrapped in quotes with inner quotes doubled.
void appendCsvQuoted(std::string &out, std::string_view text);
// A CSV field quoted only if it needs to be (comma, quote, CR or LF inside).
void appendCsvField(std::string &out, std::string_view text);
// Lower-case ASCII letters and digits of `text`, with accented Latin letters folded
// ("Müller" -> "muller", "Łukasz" -> "lukasz", "Groß" -> "gross"); everything else dropped.
std::string foldToAscii(std::string_view text);
// `bytes` of `text`, shortened so no UTF-8 sequence is cut.
std::string_view utf8Prefix(std::string_view text, std::size_t bytes);

} // namespace baton::demo
