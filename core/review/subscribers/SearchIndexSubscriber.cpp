#include "review/ReviewEvent.h"
#include "review/SearchSql.h"
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
        auto &drop = db.cached(search::dropDocument(db.engine()));
        drop.bind(1, event.after.id);
        drop.run();
        if (db.changes() == 0)
            return;
        auto &add = db.cached(search::addDocument(db.engine()));
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
