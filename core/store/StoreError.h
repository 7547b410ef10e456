#pragma once

#include <stdexcept>
#include <string>

namespace baton::store {

// Every failure of the store surfaces as this, carrying SQLite's result code so callers
// can tell "busy" from "corrupt" from "not a database" without parsing messages.
class StoreError : public std::runtime_error
{
public:
    StoreError(int code, const std::string &message) : std::runtime_error(message), m_code(code) {}
    int code() const noexcept { return m_code; }

private:
    int m_code;
};

} // namespace baton::store
