#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace baton::store {

class Database;
class Statement;

// Rows for one INSERT, held until flush() sends them as multi-row statements: one
// statement for hundreds of rows instead of one each, which on PostgreSQL is one round trip
// instead of hundreds. Callers flush inside the transaction the rows belong to.
class BufferedInsert
{
public:
    // `head`: "INSERT INTO t (a, b)"; `tail`: what follows the rows (ON CONFLICT ...).
    BufferedInsert(std::string head, int columns, std::string tail = {});

    template <typename... Args> void add(const Args &...args)
    {
        static_assert(sizeof...(Args) > 0);
        (push(args), ...);
    }
    void flush(Database &db);
    std::size_t pendingRows() const { return m_values.size() / m_columns; }

private:
    using Blob = std::vector<std::uint8_t>;
    using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;
    void push(std::nullptr_t) { m_values.emplace_back(nullptr); }
    void push(std::span<const std::uint8_t> v) { m_values.emplace_back(Blob(v.begin(), v.end())); }
    void push(double v) { m_values.emplace_back(v); }
    void push(std::string_view v) { m_values.emplace_back(std::string(v)); }
    void push(const std::string &v) { m_values.emplace_back(v); }
    void push(const char *v) { m_values.emplace_back(std::string(v)); }
    template <typename T, typename = std::enable_if_t<std::is_integral_v<T>>> void push(T v)
    {
        m_values.emplace_back(static_cast<std::int64_t>(v));
    }
    template <typename T> void push(const std::optional<T> &v)
    {
        if (v)
            push(*v);
        else
            push(nullptr);
    }
    std::string sqlFor(std::size_t rows) const;
    void bindRows(Statement &st, std::size_t firstValue, std::size_t rows) const;

    std::string m_head, m_tail;
    std::size_t m_columns;
    std::vector<Value> m_values;
};

} // namespace baton::store
