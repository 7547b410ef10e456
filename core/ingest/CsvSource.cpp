#include "ingest/CsvSource.h"

#include "util/Utf8.h"

#include <cctype>

namespace baton::ingest {

std::string lowerTrimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

namespace {

std::string_view firstLine(std::string_view data)
{
    const auto end = data.find_first_of("\r\n");
    return end == std::string_view::npos ? data : data.substr(0, end);
}

std::string describeBytes(std::size_t bytes)
{
    if (bytes >= (1u << 20))
        return std::to_string(bytes / (1u << 20)) + "." +
               std::to_string(bytes % (1u << 20) * 10 / (1u << 20)) + " MiB";
    return std::to_string(bytes / 1024) + " KiB";
}

} // namespace

CsvSource::CsvSource(std::string_view data, const SourceOptions &options,
                     std::string_view formatName)
    : m_options(options), m_formatName(formatName), m_reader(data, ',')
{
    if (data.size() >= 2 && (data.substr(0, 2) == "\xFF\xFE" || data.substr(0, 2) == "\xFE\xFF"))
        throw FileError{1, {}, "the file is UTF-16 encoded; export it as UTF-8 CSV"};
    std::string_view body = data;
    if (m_reader.hadByteOrderMark())
        body.remove_prefix(3);
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw FileError{1, {}, "the file is empty: expected a header line of " + m_formatName};

    const char delimiter = CsvReader::sniffDelimiter(firstLine(body));
    if (delimiter != ',') {
        const std::string name = delimiter == ';'    ? "semicolons"
                                 : delimiter == '\t' ? "tabs"
                                                     : "'|'";
        throw FileError{1,
                        {},
                        "the header is separated by " + name +
                            ", not commas: export as comma-separated CSV"};
    }
    if (!m_reader.next(m_row))
        throw FileError{1, {}, "the file is empty: expected a header line of " + m_formatName};
    if (!m_row.error.empty())
        throw FileError{m_row.line, {}, "cannot read the header: " + m_row.error};
    std::size_t bad = 0;
    if (!util::isValidUtf8(m_row.raw, &bad))
        throw FileError{1,
                        {},
                        "the header is not valid UTF-8 (byte " + std::to_string(bad + 1) +
                            "); export as UTF-8"};
    for (std::string_view field : m_row.fields)
        m_header.emplace_back(field);
}

int CsvSource::column(std::initializer_list<std::string_view> names) const
{
    for (std::string_view name : names) {
        const std::string wanted = lowerTrimmed(name);
        for (std::size_t i = 0; i < m_header.size(); ++i)
            if (lowerTrimmed(m_header[i]) == wanted)
                return static_cast<int>(i);
    }
    return -1;
}

int CsvSource::requireColumn(std::initializer_list<std::string_view> names) const
{
    const int index = column(names);
    if (index >= 0)
        return index;
    std::string accepted;
    for (std::string_view name : names)
        accepted += (accepted.empty() ? "'" : ", '") + std::string(name) + "'";
    std::string found;
    for (const std::string &h : m_header)
        found += (found.empty() ? "'" : ", '") + h + "'";
    throw FileError{1, std::string(*names.begin()),
                    "missing required column '" + std::string(*names.begin()) +
                        "' (accepted: " + accepted + "); the header has " + found};
}

bool CsvSource::next(ParsedItem &item)
{
    if (!m_reader.next(m_row))
        return false;
    item = ParsedItem{};
    item.line = m_row.line;
    item.index = m_index++;
    item.raw = m_row.raw;
    if (!m_row.error.empty())
        item.errors.push_back({{}, m_row.error});
    return true;
}

void CsvSource::decode(ParsedItem &item) const
{
    if (!item.errors.empty())
        return;
    // The record's own text, read again on this worker: the producer's field views point
    // into scratch space it has reused since.
    thread_local CsvRecord row;
    thread_local CsvReader reader({}, ',');
    reader.reset(item.raw);
    if (!reader.next(row)) {
        row.fields.assign(1, std::string_view());
    }
    if (row.fields.size() != m_header.size()) {
        const bool fewer = row.fields.size() < m_header.size();
        item.errors.push_back(
            {{},
             "expected " + std::to_string(m_header.size()) + " columns, found " +
                 std::to_string(row.fields.size()) +
                 (fewer ? " (a truncated line, or a field with an unquoted line break?)"
                        : " (an unquoted comma inside a field?)")});
        return;
    }
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        const std::string_view field = row.fields[i];
        if (field.size() > m_options.maxFieldBytes) {
            item.errors.push_back(
                {m_header[i], "field is " + describeBytes(field.size()) + ", over the " +
                                  describeBytes(m_options.maxFieldBytes) + " limit for one field"});
            continue;
        }
        std::size_t bad = 0;
        if (!util::isValidUtf8(field, &bad))
            item.errors.push_back({m_header[i], "invalid UTF-8 at byte " + std::to_string(bad + 1) +
                                                    " of the field (export as UTF-8)"});
    }
    if (!item.errors.empty())
        return;
    mapRow(row.fields, item);
}

} // namespace baton::ingest
