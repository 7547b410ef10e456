#pragma once

#include "store/StatementBackend.h"

struct sqlite3;
struct sqlite3_stmt;

namespace baton::store {

class SqliteStatement final : public StatementBackend
{
public:
    SqliteStatement(sqlite3 *db, std::string_view sql);
    ~SqliteStatement() override;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    void bindInt64(int index, std::int64_t value) override;
    void bindDouble(int index, double value) override;
    void bindText(int index, std::string_view text, bool copy) override;
    void bindNull(int index) override;
    void bindBlob(int index, std::span<const std::uint8_t> bytes) override;
    bool step() override;
    void reset() override;
    bool isNull(int column) const override;
    std::int64_t int64At(int column) const override;
    double doubleAt(int column) const override;
    std::string_view textViewAt(int column) const override;
    std::span<const std::uint8_t> blobViewAt(int column) const override;
    int columnCount() const override;
    std::string_view sql() const override;

private:
    [[noreturn]] void fail(int rc) const;
    void check(int rc) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace baton::store
