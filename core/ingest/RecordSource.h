#pragma once

#include "ingest/ParsedItem.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace baton::ingest {

enum class SourceFormat
{
    Auto,
    HubSpotContacts,
    MarketoActivities,
    BatonJsonl
};

const char *toString(SourceFormat format);
std::optional<SourceFormat> sourceFormatFromString(std::string_view name);

struct SourceOptions
{
    // HubSpot's export writes datetimes in the portal's time zone without an offset.
    int utcOffsetMinutes = 0;
    // A single field larger than this is refused (the record is quarantined): no export
    // we read has legitimate multi-megabyte cells, and one would bloat every later query.
    std::size_t maxFieldBytes = 1u << 20;
};

// Reads one file format into ParsedItems, in two steps so that the expensive one runs in
// parallel: next() only finds where the next record is (sequential, cheap), decode() turns
// its text into a record (const, thread-safe, run by the import's workers). Constructed
// over the whole file in memory; the constructor reads the header and throws FileError if
// the file cannot be read at all.
class RecordSource
{
public:
    virtual ~RecordSource() = default;
    virtual SourceFormat format() const = 0;
    virtual std::string sourceSystem() const = 0;
    // Sets line, index and raw; or errors, for a record whose very framing is broken.
    virtual bool next(ParsedItem &item) = 0;
    // Fills contract, version and record from raw, or adds errors. Skips items that
    // next() already marked as broken.
    virtual void decode(ParsedItem &item) const = 0;
    // The source's own name for a field of the record ("Create Date" for /created_at), so
    // a quarantine entry names what the person sees in their file.
    virtual std::string labelFor(std::string_view pointer) const { return std::string(pointer); }
};

// Chooses the format from the content when `format` is Auto. Throws FileError.
std::unique_ptr<RecordSource> makeSource(std::string_view data, SourceFormat format,
                                         const SourceOptions &options);
SourceFormat detectFormat(std::string_view data);

} // namespace baton::ingest
