#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace baton::store {

// What an engine implements for Statement. Binds are 1-based, columns 0-based, as
// Statement documents; views returned stay valid until the next step or reset.
class StatementBackend
{
public:
    virtual ~StatementBackend() = default;

    virtual void bindInt64(int index, std::int64_t value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    // `copy` false: the caller keeps `text` alive until the statement is reset.
    virtual void bindText(int index, std::string_view text, bool copy) = 0;
    virtual void bindNull(int index) = 0;
    virtual void bindBlob(int index, std::span<const std::uint8_t> bytes) = 0;

    virtual bool step() = 0;
    // Back to before the first step, bindings cleared.
    virtual void reset() = 0;

    virtual bool isNull(int column) const = 0;
    virtual std::int64_t int64At(int column) const = 0;
    virtual double doubleAt(int column) const = 0;
    virtual std::string_view textViewAt(int column) const = 0;
    virtual std::span<const std::uint8_t> blobViewAt(int column) const = 0;
    virtual int columnCount() const = 0;
    virtual std::string_view sql() const = 0;
};

} // namespace baton::store
