#pragma once

#include "pipeline/LeadInputReader.h"

#include <span>
#include <unordered_map>
#include <unordered_set>

namespace baton::pipeline {

// The inputs of a batch of leads, as LeadInputReader::read gives them one by one, in four
// statements for the whole batch: leads, their accounts, the observations of both, and the
// events of every identity. Leads the store does not hold are left out.
std::unordered_map<std::int64_t, LeadInputs>
readLeadInputBatch(store::Database &db, std::span<const std::int64_t> leadIds,
                   agents::TimePoint now, bool withRecords = false,
                   const std::unordered_set<std::string> *attributeTypes = nullptr);

} // namespace baton::pipeline
