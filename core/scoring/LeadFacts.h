#pragma once

#include "scoring/AdditiveFit.h"
#include "scoring/FactBuilder.h"
#include "util/Time.h"

#include <vector>

namespace baton::store {
class Database;
}

namespace baton::scoring {

struct HistoryOptions
{
    // A lead's handoff moment: this many days after it was created. Nothing later is a fact
    // about it. 0: everything up to the as-of time, for stores whose engagement history is
    // not aligned to creation, like `baton demo`'s (its events are the last 90 days); facts
    // after a conversion then count too, so read the leakage report.
    int windowDays = 14;
    // Leads created less than this long before the as-of time have no outcome yet.
    int matureDays = 60;
    double halfLifeDays = kEngagementHalfLifeDays; // a model scores with the same at run time
};

struct History
{
    std::vector<Example> examples;
    // Leads that converted before their handoff moment. A run never scores such a lead, and
    // its facts would end at its conversion while the others' end at their handoff: the
    // timing alone would tell the outcome. So they are left out, unless they are most of
    // the conversions (a window too long for how this team's leads convert): then they are
    // kept, their facts ending just before the conversion, and the fit's reader is told.
    std::int64_t convertedBeforeHandoff = 0;
    bool keptConvertedBeforeHandoff = false;
};

// Every lead of the store old enough to have an outcome, with what the store knew of it at
// its handoff moment, discovered rather than listed: the lead's fields and custom properties,
// its account's, enrichment fields, and per event type (and Marketo activity type) the
// count, days since the last one, a decayed sum and the sums of numeric attributes. Dates
// become ages in days; a date after the handoff moment is not known yet.
History readHistory(store::Database &db, util::TimePoint asOf, const HistoryOptions &options = {});

} // namespace baton::scoring
