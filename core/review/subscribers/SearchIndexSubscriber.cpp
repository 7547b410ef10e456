#include "review/ReviewEvent.h"
#include "review/subscribers/StandardSubscribers.h"
#include "store/Database.h"

namespace baton::review {

namespace {

// Search finds what an edited brief now says, once the index has reached it (the index
// catches up on newer briefs when a search needs it).
class SearchIndexSubscriber final : public ReviewSubscriber
{
public:
    void onTransition(store::Database &db, const ReviewEvent &event) override
    {
        if (!event.textChanged)
            return;
        auto &drop = db.cached("DELETE FROM briefs_fts WHERE rowid = ?1 AND ?1 <= (SELECT "
                               "indexed_through FROM search_index_state)");
        drop.bind(1, event.after.id);
        drop.run();
        if (db.changes() == 0)
            return;
        auto &add = db.cached("INSERT INTO briefs_fts (rowid, lead, company, body) SELECT id, "
                              "lead, company, body FROM brief_search_text WHERE id = ?");
        add.bind(1, event.after.id);
        add.run();
    }
};

} // namespace

std::unique_ptr<ReviewSubscriber> makeSearchIndexSubscriber()
{
    return std::make_unique<SearchIndexSubscriber>();
}

} // namespace baton::review
