#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton::contracts {

// The regular expressions contracts actually use for identifiers and codes
// (`^[a-z][a-z0-9_]*$`, `^[A-Z]{2}$`, `^(lead|event)#[0-9]+$`): anchors, literal characters,
// escapes, `.`, bracket classes with ranges and negation, the quantifiers * + ? {m} {m,} {m,n},
// and unquantified groups whose alternatives are literal words. Matching them
// by hand costs nanoseconds where std::regex costs about a microsecond, on every record.
// compile() returns nullopt for anything beyond that (other groups, top-level alternation, \d,
// lookahead),
// and the caller falls back to std::regex. ASCII semantics: a class or `.` consumes one
// byte, so a pattern with `.` or a negated class is refused when the text is not ASCII.
class SimplePattern
{
public:
    static std::optional<SimplePattern> compile(std::string_view pattern);

    // ECMAScript search semantics, as JSON Schema's "pattern" has: a match anywhere unless
    // anchored. Returns nullopt when the text needs full regex semantics (non-ASCII input
    // against a pattern whose classes could split a UTF-8 sequence).
    std::optional<bool> search(std::string_view text) const;

private:
    struct Atom
    {
        std::bitset<256> set; // the bytes one repetition consumes
        // Set for a group: its literal alternatives, tried in order; `set` is then unused.
        std::vector<std::string> words;
        int min = 1;
        int max = 1; // -1: unbounded
        bool matches(char c) const { return set[static_cast<unsigned char>(c)]; }
    };

    bool matchHere(std::size_t atom, std::string_view text, std::size_t pos) const;

    std::vector<Atom> m_atoms;
    bool m_anchoredStart = false;
    bool m_anchoredEnd = false;
    bool m_byteSensitive = false; // has '.' or a negated class
};

} // namespace baton::contracts
