#pragma once

#include "pipeline/LeadInputReader.h"
#include "scoring/FactBuilder.h"

namespace baton::scoring {
class RecordBinsMemo;
}

namespace baton::pipeline {

// A lead's facts as of a run, from the inputs the run read with records whole
// (LeadInputReader::setReadRecords): the same facts, named the same, that the fit read of
// the leads it learned from (scoring::readHistory), through the same FactBuilder.
// With `filter`, only the facts it names (those a model reads).
scoring::Facts leadFactsAtRun(const LeadInputs &inputs, agents::TimePoint asOf,
                              const scoring::FactFilter *filter = nullptr);
// The facts a model's filter (FactFilter::of(features)) names, binned at their positions:
// what a run scores with. With `memo` (a worker's), an account's records are binned once for
// its leads, as long as their content stays the same.
scoring::BinRow leadBinRowAtRun(const LeadInputs &inputs, agents::TimePoint asOf,
                                const scoring::FactFilter &filter,
                                scoring::RecordBinsMemo *memo = nullptr);

} // namespace baton::pipeline
