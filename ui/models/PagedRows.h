#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace baton::ui {

// The rows a paged table model has loaded so far, out of `total` that matched when it was
// last reset. Pages are read by offset; a row that lands in a page again because rows were
// added ahead of it since the reset is dropped (`comesAfter` says whether a fetched row
// belongs after the last loaded one), so a view never shows a row twice.
template <typename Row> class PagedRows
{
public:
    void reset(std::int64_t total)
    {
        m_rows.clear();
        m_total = total;
        m_offset = 0;
    }

    // Stops paging with what is loaded (after a page could not be read).
    void stopFetching() { m_total = static_cast<std::int64_t>(m_rows.size()); }

    bool canFetchMore() const { return static_cast<std::int64_t>(m_rows.size()) < m_total; }
    int size() const { return static_cast<int>(m_rows.size()); }
    const Row &at(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    bool contains(int row) const { return row >= 0 && row < size(); }
    std::int64_t total() const { return m_total; }

    // Reads the next page: `fetch(offset, limit)` returns rows in the model's order. The
    // result is what to append (possibly nothing); pass it to append() between the
    // model's beginInsertRows and endInsertRows.
    template <typename Fetch, typename ComesAfter>
    std::vector<Row> nextPage(int pageSize, Fetch &&fetch, ComesAfter &&comesAfter)
    {
        std::vector<Row> page = fetch(m_offset, static_cast<std::int64_t>(pageSize));
        m_offset += static_cast<std::int64_t>(page.size());
        if (page.empty()) {
            // Rows went away since the reset: nothing more to read.
            m_total = static_cast<std::int64_t>(m_rows.size());
            return page;
        }
        if (!m_rows.empty()) {
            const Row &last = m_rows.back();
            page.erase(std::remove_if(page.begin(), page.end(),
                                      [&](const Row &r) { return !comesAfter(last, r); }),
                       page.end());
        }
        const auto room =
            std::max<std::int64_t>(0, m_total - static_cast<std::int64_t>(m_rows.size()));
        if (static_cast<std::int64_t>(page.size()) > room)
            page.resize(static_cast<std::size_t>(room));
        return page;
    }

    // The first page after a reset, read elsewhere (on a worker connection).
    void setFirstPage(std::vector<Row> &&rows)
    {
        m_offset = static_cast<std::int64_t>(rows.size());
        append(std::move(rows));
    }

    // Rows read again: the same ones, possibly changed, in the same places.
    void replace(std::vector<Row> &&rows) { m_rows = std::move(rows); }

    void append(std::vector<Row> &&rows)
    {
        m_rows.insert(m_rows.end(), std::make_move_iterator(rows.begin()),
                      std::make_move_iterator(rows.end()));
    }

private:
    std::vector<Row> m_rows;
    std::int64_t m_total = 0;
    std::int64_t m_offset = 0;
};

} // namespace baton::ui
