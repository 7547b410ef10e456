#include "store/OpenStore.h"

#include "store/Migrations.h"

namespace baton::store {

Database openStore(const std::filesystem::path &path, Database::Options options)
{
    Database db = Database::open(path, options);
    if (!options.readOnly)
        migrate(db);
    return db;
}

} // namespace baton::store
