#include "store/BufferedInsert.h"

#include "store/Database.h"

#include <algorithm>

namespace baton::store {

namespace {

// Parameters per statement: far below both engines' limits (SQLite 32,766, PostgreSQL
// 65,535), and enough that a chunk of the pipeline's rows takes a few statements.
constexpr std::size_t kParametersPerStatement = 4000;

} // namespace

BufferedInsert::BufferedInsert(std::string head, int columns, std::string tail)
    : m_head(std::move(head)), m_tail(std::move(tail)),
      m_columns(static_cast<std::size_t>(std::max(columns, 1)))
{
}

std::string BufferedInsert::sqlFor(std::size_t rows) const
{
    std::string row = "(?";
    for (std::size_t c = 1; c < m_columns; ++c)
        row += ", ?";
    row += ")";
    std::string sql = m_head + " VALUES ";
    sql.reserve(sql.size() + rows * (row.size() + 2) + m_tail.size() + 1);
    for (std::size_t r = 0; r < rows; ++r)
        sql.append(r ? ", " : "").append(row);
    if (!m_tail.empty())
        sql.append(" ").append(m_tail);
    return sql;
}

void BufferedInsert::bindRows(Statement &st, std::size_t firstValue, std::size_t rows) const
{
    const std::size_t count = rows * m_columns;
    for (std::size_t i = 0; i < count; ++i) {
        const int index = static_cast<int>(i + 1);
        std::visit(
            [&](const auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string>)
                    st.bindStatic(index, v);
                else if constexpr (std::is_same_v<T, Blob>)
                    st.bindBlob(index, v);
                else
                    st.bind(index, v);
            },
            m_values[firstValue + i]);
    }
}

void BufferedInsert::flush(Database &db)
{
    const std::size_t full = std::max<std::size_t>(1, kParametersPerStatement / m_columns);
    std::size_t done = 0;
    const std::size_t rows = pendingRows();
    while (done < rows) {
        const std::size_t n = std::min(full, rows - done);
        // The full-size statement is prepared once; a remainder's size varies, so it is not
        // kept.
        Statement once;
        Statement &st = n == full ? db.cached(sqlFor(n)) : (once = db.prepare(sqlFor(n)));
        bindRows(st, done * m_columns, n);
        st.run();
        done += n;
    }
    m_values.clear();
}

} // namespace baton::store
