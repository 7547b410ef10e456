#pragma once

#include "store/StatementBackend.h"

#include <string>
#include <vector>

struct pg_result;

namespace baton::store {

class PgConnection;

// A statement over libpq. Parameters travel as text (blobs as binary) with no declared
// type, so the server infers each from where it is used, as SQLite accepts any value
// anywhere. A persistent statement is prepared on the server once, at its first step; a
// one-off statement is sent with its parameters in one round trip. The whole result
// arrives at the first step.
class PgStatement final : public StatementBackend
{
public:
    PgStatement(PgConnection &connection, std::string_view sql, bool persistent);
    ~PgStatement() override;
    PgStatement(const PgStatement &) = delete;
    PgStatement &operator=(const PgStatement &) = delete;

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
    std::string_view sql() const override { return m_original; }

private:
    std::string &slot(int index, int format);
    pg_result *execute();
    [[noreturn]] void fail(pg_result *result);

    PgConnection &m_connection;
    std::string m_original;
    std::string m_text; // with $N parameters
    std::string m_name; // on the server, once prepared; empty for a one-off
    bool m_persistent = false;
    bool m_prepared = false;
    std::vector<std::string> m_values;
    std::vector<char> m_null;
    std::vector<int> m_formats;
    pg_result *m_result = nullptr;
    int m_rows = 0;
    int m_row = -1;
    mutable std::vector<std::vector<std::uint8_t>> m_blobs;
};

} // namespace baton::store
