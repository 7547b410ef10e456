#include "store/IndexHint.h"

namespace baton::store {

std::string indexedBy(Engine engine, std::string_view table, std::string_view index)
{
    std::string out(table);
    if (engine == Engine::Sqlite)
        out.append(" INDEXED BY ").append(index);
    return out;
}

} // namespace baton::store
