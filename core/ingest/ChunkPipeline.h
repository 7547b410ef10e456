#pragma once

#include "ingest/ParsedItem.h"
#include "ingest/RecordGate.h"
#include "util/OrderedPipeline.h"

#include <cstddef>
#include <vector>

namespace baton::ingest {

struct Chunk
{
    std::size_t seq = 0;
    std::vector<ParsedItem> items;
    std::vector<GateResult> results;
    std::size_t endOffset = 0; // where the chunk's last record ends in the file
};

// Reader -> checkers -> writer, in file order.
using ChunkPipeline = util::OrderedPipeline<Chunk>;

} // namespace baton::ingest
