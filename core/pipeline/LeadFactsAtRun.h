#pragma once

#include "pipeline/LeadInputReader.h"
#include "scoring/Feature.h"

namespace baton::pipeline {

// A lead's facts as of a run, from the inputs the run read with records whole
// (LeadInputReader::setReadRecords): the same facts, named the same, that the fit read of
// the leads it learned from (scoring::readHistory), through the same FactBuilder.
scoring::Facts leadFactsAtRun(const LeadInputs &inputs, agents::TimePoint asOf);

} // namespace baton::pipeline
