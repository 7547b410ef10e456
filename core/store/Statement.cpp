#include "store/Statement.h"

#include "store/StatementBackend.h"

namespace baton::store {

Statement::Statement() = default;
Statement::Statement(std::unique_ptr<StatementBackend> backend) : m_impl(std::move(backend))
{
}
Statement::~Statement() = default;
Statement::Statement(Statement &&other) noexcept = default;
Statement &Statement::operator=(Statement &&other) noexcept = default;

Statement &Statement::bind(int index, std::int64_t value)
{
    m_impl->bindInt64(index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    m_impl->bindDouble(index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text)
{
    m_impl->bindText(index, text, true);
    return *this;
}

Statement &Statement::bindStatic(int index, std::string_view text)
{
    m_impl->bindText(index, text, false);
    return *this;
}

Statement &Statement::bind(int index, std::nullptr_t)
{
    m_impl->bindNull(index);
    return *this;
}

Statement &Statement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    m_impl->bindBlob(index, bytes);
    return *this;
}

bool Statement::step()
{
    return m_impl->step();
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    m_impl->reset();
}

bool Statement::isNull(int column) const
{
    return m_impl->isNull(column);
}

std::int64_t Statement::int64At(int column) const
{
    return m_impl->int64At(column);
}

double Statement::doubleAt(int column) const
{
    return m_impl->doubleAt(column);
}

std::string_view Statement::textViewAt(int column) const
{
    return m_impl->textViewAt(column);
}

std::string Statement::textAt(int column) const
{
    return std::string(textViewAt(column));
}

std::optional<std::string> Statement::optionalTextAt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return textAt(column);
}

std::optional<double> Statement::optionalDoubleAt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return doubleAt(column);
}

std::optional<std::int64_t> Statement::optionalInt64At(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64At(column);
}

std::vector<std::uint8_t> Statement::blobAt(int column) const
{
    const auto view = blobViewAt(column);
    return std::vector<std::uint8_t>(view.begin(), view.end());
}

std::span<const std::uint8_t> Statement::blobViewAt(int column) const
{
    return m_impl->blobViewAt(column);
}

int Statement::columnCount() const
{
    return m_impl->columnCount();
}

std::string_view Statement::sql() const
{
    return m_impl ? m_impl->sql() : std::string_view();
}

} // namespace baton::store
