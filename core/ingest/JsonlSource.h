#pragma once

#include "ingest/RecordSource.h"

namespace baton::ingest {

// Baton's own exchange format: one JSON object per line,
//   {"contract": "lead", "version": 2, "record": {...}}
// "version" may be left out: the contract's current version applies.
class JsonlSource final : public RecordSource
{
public:
    JsonlSource(std::string_view data, const SourceOptions &options);

    SourceFormat format() const override { return SourceFormat::BatonJsonl; }
    std::string sourceSystem() const override { return "baton"; }
    bool next(ParsedItem &item) override;
    void decode(ParsedItem &item) const override;
    std::string labelFor(std::string_view pointer) const override;

private:
    std::string_view m_data;
    SourceOptions m_options;
    std::size_t m_pos = 0;
    std::size_t m_line = 0;
    std::size_t m_index = 0;
};

} // namespace baton::ingest
