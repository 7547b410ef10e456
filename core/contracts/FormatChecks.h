#pragma once

#include <string_view>

namespace baton::contracts {

// Hand-written checks for the JSON Schema formats Baton's contracts use. No std::regex:
// they run on every record of every import. Verified against the official JSON Schema
// Test Suite (optional/format) in tests/test_format_checks.
bool isDateTime(std::string_view text); // RFC 3339 date-time, leap seconds per the suite
bool isDate(std::string_view text);     // RFC 3339 full-date
bool isTime(std::string_view text);     // RFC 3339 full-time
bool isEmail(std::string_view text);    // RFC 5321 Mailbox (dot-atom or quoted local part)

// Returns true for formats it knows and sets `valid`; false for formats it does not check
// (which then pass, as draft-07 makes format assertion optional).
bool checkFormat(std::string_view format, std::string_view text, bool &valid);

} // namespace baton::contracts
