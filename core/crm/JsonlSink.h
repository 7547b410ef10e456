#pragma once

#include "crm/PushWorker.h"

#include <string>

namespace baton {
class Clock;
}
namespace baton::store {
class Database;
}

namespace baton::crm {

// The JSONL file target: each approved (or retracted) brief appended as one line, the
// payload a webhook would get. Operations are claimed (in flight) in a committed transaction,
// the lines appended under an exclusive lock on the file and fsynced, then marked done. A
// crash in between leaves them in flight; the next run looks for their delivery ids in the
// file before appending, and drops a torn last line first, so each delivery is in the file
// exactly once, whole.
class JsonlSink
{
public:
    JsonlSink(store::Database &db, std::string path, const Clock &clock);

    // Everything due now; done counts lines appended or found already there.
    PushSummary runOnce();

private:
    store::Database &m_db;
    std::string m_path;
    const Clock &m_clock;
};

} // namespace baton::crm
