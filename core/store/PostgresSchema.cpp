#include "store/PostgresSchema.h"
namespace baton::store::pg {
std::string_view baselineSchema()
{
    return "CREATE TABLE baton_schema (id INT PRIMARY KEY CHECK (id = 1), version INT NOT NULL, "
           "application_id BIGINT NOT NULL);";
}
} // namespace baton::store::pg
