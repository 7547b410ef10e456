#include "ingest/CsvReader.h"

#include <array>
#include <cstring>

namespace baton::ingest {

CsvReader::CsvReader(std::string_view data, char delimiter) : m_delimiter(delimiter)
{
    reset(data);
}

void CsvReader::reset(std::string_view data)
{
    m_data = data;
    m_pos = 0;
    m_line = 1;
    m_hadBom = m_data.size() >= 3 && m_data.substr(0, 3) == "\xEF\xBB\xBF";
    if (m_hadBom)
        m_pos = 3;
}

char CsvReader::sniffDelimiter(std::string_view header)
{
    static constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
    std::array<int, 4> counts{};
    bool quoted = false;
    for (char c : header) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted)
            for (std::size_t i = 0; i < kCandidates.size(); ++i)
                counts[i] += c == kCandidates[i];
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < kCandidates.size(); ++i)
        if (counts[i] > counts[best])
            best = i;
    return counts[best] > 0 ? kCandidates[best] : ',';
}

std::string_view CsvReader::unescape(std::string_view body)
{
    if (m_scratchUsed == m_scratch.size())
        m_scratch.emplace_back();
    std::string &out = m_scratch[m_scratchUsed++];
    out.clear();
    out.reserve(body.size());
    // Copy the runs between doubled quotes whole; each "" becomes one ".
    std::size_t from = 0;
    while (from < body.size()) {
        const std::size_t quote = body.find('"', from);
        if (quote == std::string_view::npos) {
            out.append(body.substr(from));
            break;
        }
        out.append(body.substr(from, quote + 1 - from));
        from = quote + 2;
    }
    return out;
}

bool CsvReader::next(CsvRecord &record)
{
    record.fields.clear();
    record.error.clear();
    m_scratchUsed = 0;
    const std::size_t size = m_data.size();
    const char *d = m_data.data();

    // Blank lines between records carry no data; skip them but keep counting lines.
    while (m_pos < size && (d[m_pos] == '\n' || d[m_pos] == '\r')) {
        if (d[m_pos] == '\r' && m_pos + 1 < size && d[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }
    if (m_pos >= size)
        return false;

    const std::size_t start = m_pos;
    record.line = m_line;
    bool endOfRecord = false;
    while (!endOfRecord) {
        if (m_pos < size && d[m_pos] == '"') {
            const std::size_t bodyStart = ++m_pos;
            const std::size_t quoteLine = m_line;
            bool doubled = false;
            bool closed = false;
            while (m_pos < size) {
                const void *hit = std::memchr(d + m_pos, '"', size - m_pos);
                const std::size_t q = hit ? static_cast<const char *>(hit) - d : size;
                for (std::size_t k = m_pos; k < q; ++k) // quoted line breaks still count
                    if (d[k] == '\n' || (d[k] == '\r' && (k + 1 >= size || d[k + 1] != '\n')))
                        ++m_line;
                if (q >= size) {
                    m_pos = size;
                    break;
                }
                if (q + 1 < size && d[q + 1] == '"') {
                    doubled = true;
                    m_pos = q + 2;
                    continue;
                }
                m_pos = q + 1;
                closed = true;
                break;
            }
            if (!closed) {
                record.error = "unterminated quoted field starting on line " +
                               std::to_string(quoteLine) + " (is the file truncated?)";
                record.fields.emplace_back(d + bodyStart, size - bodyStart);
                break;
            }
            const std::string_view body(d + bodyStart, m_pos - 1 - bodyStart);
            record.fields.push_back(doubled ? unescape(body) : body);
            if (m_pos < size && d[m_pos] != m_delimiter && d[m_pos] != '\n' && d[m_pos] != '\r') {
                record.error = "unexpected text after a closing quote in field " +
                               std::to_string(record.fields.size()) + " on line " +
                               std::to_string(m_line);
                // Resynchronise at the next line end so one bad record costs one record.
                while (m_pos < size && d[m_pos] != '\n' && d[m_pos] != '\r')
                    ++m_pos;
            }
        } else {
            const std::size_t fieldStart = m_pos;
            while (m_pos < size) {
                const char c = d[m_pos];
                if (c == m_delimiter || c == '\n' || c == '\r')
                    break;
                ++m_pos;
            }
            record.fields.emplace_back(d + fieldStart, m_pos - fieldStart);
        }
        if (m_pos >= size) {
            endOfRecord = true;
        } else if (d[m_pos] == m_delimiter) {
            ++m_pos;
        } else { // line end
            if (d[m_pos] == '\r' && m_pos + 1 < size && d[m_pos + 1] == '\n')
                ++m_pos;
            ++m_pos;
            ++m_line;
            endOfRecord = true;
        }
    }
    std::size_t rawEnd = m_pos;
    while (rawEnd > start && (d[rawEnd - 1] == '\n' || d[rawEnd - 1] == '\r'))
        --rawEnd;
    record.raw = std::string_view(d + start, rawEnd - start);
    record.endLine =
        m_line - (m_pos < size || (size && (d[size - 1] == '\n' || d[size - 1] == '\r')) ? 1 : 0);
    if (record.endLine < record.line)
        record.endLine = record.line;
    return true;
}

} // namespace baton::ingest
