#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace baton::store {

class StatementBackend;

// A prepared statement of either engine, written with `?` or `?N` parameters. Move-only;
// binds are 1-based like SQLite's own API, columns 0-based. step() returns true while
// there is a row.
class Statement
{
public:
    Statement();
    explicit Statement(std::unique_ptr<StatementBackend> backend);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, std::int64_t value);
    // Any other integer type (int, long long, size_t) binds as a 64-bit integer.
    template <typename T, typename = std::enable_if_t<std::is_integral_v<T> &&
                                                      !std::is_same_v<T, std::int64_t> &&
                                                      !std::is_same_v<T, bool>>>
    Statement &bind(int index, T value)
    {
        return bind(index, static_cast<std::int64_t>(value));
    }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    Statement &bind(int index, const std::string &text)
    {
        return bind(index, std::string_view(text));
    }
    Statement &bind(int index, std::nullptr_t);
    // Binds without copying: `text` must stay alive and unchanged until the statement is
    // reset. For hot paths that bind fields of a struct they step right away.
    Statement &bindStatic(int index, std::string_view text);
    Statement &bindBlob(int index, std::span<const std::uint8_t> bytes);
    template <typename T> Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    // Binds every argument in order from index 1.
    template <typename... Args> Statement &bindAll(const Args &...args)
    {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    bool step();
    // Steps a statement that must not return rows (INSERT/UPDATE/DDL), then resets it.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64At(int column) const;
    int intAt(int column) const { return static_cast<int>(int64At(column)); }
    double doubleAt(int column) const;
    std::string textAt(int column) const;
    std::string_view textViewAt(int column) const;
    std::optional<std::string> optionalTextAt(int column) const;
    std::optional<std::int64_t> optionalInt64At(int column) const;
    std::optional<double> optionalDoubleAt(int column) const;
    std::vector<std::uint8_t> blobAt(int column) const;
    // Valid until the next step or reset; no copy.
    std::span<const std::uint8_t> blobViewAt(int column) const;
    int columnCount() const;

    std::string_view sql() const;
    bool isValid() const { return m_impl != nullptr; }

private:
    std::unique_ptr<StatementBackend> m_impl;
};

} // namespace baton::store
