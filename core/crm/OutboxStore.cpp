#include "crm/OutboxStore.h"

#include "store/Database.h"

namespace baton::crm {

OutboxStore::OutboxStore(store::Database &db) : m_db(db)
{
}

void OutboxStore::enqueue(std::int64_t briefId, const std::vector<PlannedOperation> &ops,
                          const std::string &now)
{
    auto &insert = m_db.cached(
        "INSERT INTO outbox (brief_id, kind, op_key, payload, depends_on, next_attempt_at, "
        "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6) "
        "ON CONFLICT (op_key) DO NOTHING");
    auto &find = m_db.cached("SELECT id FROM outbox WHERE op_key = ?");
    std::vector<std::int64_t> ids;
    for (const auto &op : ops) {
        std::optional<std::int64_t> dependsOn;
        if (op.dependsOn && *op.dependsOn < ids.size())
            dependsOn = ids[*op.dependsOn];
        insert.bindAll(briefId, op.kind, op.opKey, op.payload.dump(), dependsOn, now);
        insert.run();
        find.bind(1, op.opKey);
        find.step();
        ids.push_back(find.int64At(0));
        find.reset();
    }
}

std::vector<OutboxRow> OutboxStore::forBrief(std::int64_t briefId)
{
    auto &st =
        m_db.cached("SELECT id, brief_id, kind, op_key, payload, status, depends_on, attempts, "
                    "next_attempt_at, coalesce(last_error, ''), coalesce(crm_system, ''), "
                    "coalesce(crm_id, '') FROM outbox WHERE brief_id = ? ORDER BY id");
    st.bind(1, briefId);
    std::vector<OutboxRow> out;
    while (st.step()) {
        OutboxRow r;
        r.id = st.int64At(0);
        r.briefId = st.int64At(1);
        r.kind = st.textAt(2);
        r.opKey = st.textAt(3);
        r.payload = st.textAt(4);
        r.status = st.textAt(5);
        r.dependsOn = st.optionalInt64At(6);
        r.attempts = st.int64At(7);
        r.nextAttemptAt = st.textAt(8);
        r.lastError = st.textAt(9);
        r.crmSystem = st.textAt(10);
        r.crmId = st.textAt(11);
        out.push_back(std::move(r));
    }
    st.reset();
    return out;
}

} // namespace baton::crm
