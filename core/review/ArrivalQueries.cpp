#include "review/ArrivalQueries.h"

#include "review/Vocabulary.h"
#include "store/Database.h"

namespace baton::review {

Queue queueOf(store::Database &db, const std::string &owner, std::int64_t afterId)
{
    auto &st = db.cached("SELECT count(*), count(*) FILTER (WHERE id > ?3), coalesce(max(id), 0) "
                         "FROM briefs WHERE owner = ?1 AND status = ?2");
    st.bindAll(owner, util::nameOf(BriefStatus::PendingReview), afterId);
    Queue q;
    if (st.step()) {
        q.waiting = st.int64At(0);
        q.arrived = st.int64At(1);
        q.newestId = st.int64At(2);
    }
    st.reset();
    return q;
}

} // namespace baton::review
