#pragma once

#include "ingest/CsvReader.h"
#include "ingest/RecordSource.h"

#include <string>
#include <string_view>
#include <vector>

namespace baton::ingest {

// What every CSV export shares: header, delimiter and encoding checks, and per-record
// checks of column count, UTF-8 and field size. Subclasses map a checked row to a record.
class CsvSource : public RecordSource
{
public:
    bool next(ParsedItem &item) final;
    void decode(ParsedItem &item) const final;

protected:
    CsvSource(std::string_view data, const SourceOptions &options, std::string_view formatName);

    // Fills item.record (and item.contract) from the row's fields; adds item.errors for
    // values it cannot map.
    virtual void mapRow(const std::vector<std::string_view> &fields, ParsedItem &item) const = 0;

    const std::vector<std::string> &header() const { return m_header; }
    // Index of the first header matching one of the names (case-insensitive), or -1.
    int column(std::initializer_list<std::string_view> names) const;
    // Throws FileError naming the column and its accepted spellings when it is absent.
    int requireColumn(std::initializer_list<std::string_view> names) const;

    const SourceOptions m_options;

private:
    std::string m_formatName;
    CsvReader m_reader;
    CsvRecord m_row;
    std::vector<std::string> m_header;
    std::size_t m_index = 0;
};

std::string lowerTrimmed(std::string_view text);

} // namespace baton::ingest
