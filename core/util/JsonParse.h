#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace baton::util {

// How deeply arrays and objects may nest in any JSON Baton reads. Records, attributes,
// policies and API answers are a handful of levels deep; the limit keeps a hostile
// document (200,000 nested arrays in 400 KB) from exhausting the stack of whatever walks
// it later (conversion, validation, dump, destruction).
inline constexpr int kMaxJsonDepth = 64;

// Parses JSON text into nlohmann::json, the document type the contracts validate. simdjson
// does the lexing (nlohmann's char-at-a-time lexer was the largest single cost of a JSONL
// import); anything simdjson refuses is parsed again by nlohmann, so results, duplicate-key
// handling and error messages are nlohmann's. Thread-safe: one parser per thread.
// Returns false and sets `error` (with the 1-based column) for invalid JSON and for JSON
// nested deeper than kMaxJsonDepth.
bool parseJson(std::string_view text, nlohmann::json &out, std::string *error = nullptr);

// JSON from outside (an HTTP answer, an LLM's content): the document, or a discarded value
// (is_discarded()) when the text is not JSON or nests too deeply, as
// nlohmann::json::parse(text, nullptr, false) would give, but with the depth limit.
nlohmann::json parseUntrustedJson(std::string_view text, std::string *error = nullptr);

// The top-level fields of a JSON object whose value is a number, or a string that reads
// whole as a finite number, as (key, value); nothing for other text. No document is built:
// engagement features sum event attributes over millions of events.
void forEachNumericField(std::string_view text,
                         const std::function<void(std::string_view key, double value)> &fn);

// A scalar met by forEachScalarField, as JSON wrote it.
struct JsonScalar
{
    enum class Kind
    {
        Boolean,
        Int64,
        UInt64,
        Real,
        Text
    };
    Kind kind = Kind::Text;
    bool boolean = false;
    std::int64_t int64 = 0;
    std::uint64_t uint64 = 0;
    double real = 0;       // also set for Int64 and UInt64
    std::string_view text; // Text, unescaped; valid during the call
};

// The scalar fields of a JSON object as (key, value), and those of the objects under a key
// named in `descend`, at any depth (such a key is never a field itself); nulls, arrays and
// other objects are skipped. No document
// is built: scoring reads a few fields of every lead's and account's record on each run.
// False, having called nothing, for text simdjson does not read as an object (not JSON, not
// an object, or numbers past 64 bits, which nlohmann reads as doubles).
bool forEachScalarField(std::string_view text, std::initializer_list<std::string_view> descend,
                        const std::function<void(std::string_view key, const JsonScalar &)> &fn);

// The 1-based column of the first bracket that opens level `limit + 1`, or 0 when the text
// never nests deeper than `limit`. Brackets inside strings do not count.
std::size_t columnPastDepth(std::string_view text, int limit);

} // namespace baton::util
