#include "contracts/SimplePattern.h"

#include <cctype>

namespace baton::contracts {

namespace {

bool isSpecial(char c)
{
    return std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos;
}

// Escapes whose meaning is a literal character; \d, \w, \b and friends are not handled.
std::optional<char> literalEscape(char c)
{
    if (isSpecial(c) || c == '-' || c == '/')
        return c;
    return std::nullopt;
}

bool parseInt(std::string_view p, std::size_t &i, int &out)
{
    const std::size_t start = i;
    out = 0;
    while (i < p.size() && std::isdigit(static_cast<unsigned char>(p[i]))) {
        out = out * 10 + (p[i] - '0');
        if (out > 10000)
            return false;
        ++i;
    }
    return i > start;
}

// `(word|word|...)` at p[i] == '(': literal alternatives only, so matching stays a handful of
// comparisons. Anything else inside (classes, quantifiers, nested groups) is refused.
bool parseWords(std::string_view p, std::size_t &i, std::vector<std::string> &words)
{
    ++i;
    if (i < p.size() && p[i] == '?') {
        if (i + 1 >= p.size() || p[i + 1] != ':')
            return false; // lookaround
        i += 2;
    }
    words.emplace_back();
    while (i < p.size()) {
        const char c = p[i];
        if (c == ')') {
            ++i;
            return true;
        }
        if (c == '|') {
            words.emplace_back();
            ++i;
        } else if (c == '\\') {
            if (i + 1 >= p.size())
                return false;
            const auto lit = literalEscape(p[i + 1]);
            if (!lit)
                return false;
            words.back().push_back(*lit);
            i += 2;
        } else if (isSpecial(c) || static_cast<unsigned char>(c) >= 0x80) {
            return false;
        } else {
            words.back().push_back(c);
            ++i;
        }
    }
    return false; // unclosed
}

} // namespace

std::optional<SimplePattern> SimplePattern::compile(std::string_view p)
{
    SimplePattern out;
    std::size_t i = 0;
    if (i < p.size() && p[i] == '^') {
        out.m_anchoredStart = true;
        ++i;
    }
    while (i < p.size()) {
        const char c = p[i];
        if (c == '$' && i + 1 == p.size()) {
            out.m_anchoredEnd = true;
            ++i;
            break;
        }
        Atom atom;
        bool negated = false;
        if (c == '(') {
            if (!parseWords(p, i, atom.words))
                return std::nullopt;
            if (i < p.size() && (p[i] == '?' || p[i] == '*' || p[i] == '+' || p[i] == '{'))
                return std::nullopt; // a quantified group needs real backtracking
            out.m_atoms.push_back(std::move(atom));
            continue;
        } else if (c == '.') {
            atom.set.set();
            atom.set.reset('\n');
            atom.set.reset('\r');
            out.m_byteSensitive = true;
            ++i;
        } else if (c == '\\') {
            if (i + 1 >= p.size())
                return std::nullopt;
            const auto lit = literalEscape(p[i + 1]);
            if (!lit)
                return std::nullopt;
            atom.set.set(static_cast<unsigned char>(*lit));
            i += 2;
        } else if (c == '[') {
            ++i;
            if (i < p.size() && p[i] == '^') {
                negated = true;
                out.m_byteSensitive = true;
                ++i;
            }
            bool closed = false;
            bool first = true;
            while (i < p.size()) {
                char a = p[i];
                if (a == ']' && !first) {
                    closed = true;
                    ++i;
                    break;
                }
                first = false;
                if (a == '[' || static_cast<unsigned char>(a) >= 0x80)
                    return std::nullopt; // [:classes:], or a class that must know UTF-8
                if (a == '\\') {
                    if (i + 1 >= p.size())
                        return std::nullopt;
                    const auto lit = literalEscape(p[i + 1]);
                    if (!lit)
                        return std::nullopt;
                    a = *lit;
                    i += 2;
                } else {
                    ++i;
                }
                if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
                    char b = p[i + 1];
                    i += 2;
                    if (b == '\\') {
                        if (i >= p.size())
                            return std::nullopt;
                        const auto lit = literalEscape(p[i]);
                        if (!lit)
                            return std::nullopt;
                        b = *lit;
                        ++i;
                    }
                    if (b < a)
                        return std::nullopt;
                    for (int x = static_cast<unsigned char>(a); x <= static_cast<unsigned char>(b);
                         ++x)
                        atom.set.set(static_cast<std::size_t>(x));
                } else {
                    atom.set.set(static_cast<unsigned char>(a));
                }
            }
            if (!closed)
                return std::nullopt;
            if (negated)
                atom.set.flip();
        } else if (isSpecial(c) || static_cast<unsigned char>(c) >= 0x80) {
            return std::nullopt; // groups, alternation, a stray quantifier, non-ASCII
        } else {
            atom.set.set(static_cast<unsigned char>(c));
            ++i;
        }
        if (i < p.size()) {
            const char q = p[i];
            if (q == '*' || q == '+' || q == '?') {
                atom.min = q == '+' ? 1 : 0;
                atom.max = q == '?' ? 1 : -1;
                ++i;
            } else if (q == '{') {
                ++i;
                int m = 0, n = 0;
                if (!parseInt(p, i, m))
                    return std::nullopt;
                n = m;
                if (i < p.size() && p[i] == ',') {
                    ++i;
                    n = -1;
                    if (i < p.size() && p[i] != '}' && (!parseInt(p, i, n) || n < m))
                        return std::nullopt;
                }
                if (i >= p.size() || p[i] != '}')
                    return std::nullopt;
                ++i;
                atom.min = m;
                atom.max = n;
            }
            if (i < p.size() && (p[i] == '?' || p[i] == '*' || p[i] == '+' || p[i] == '{'))
                return std::nullopt; // lazy or possessive quantifiers
        }
        out.m_atoms.push_back(std::move(atom));
    }
    return out;
}

bool SimplePattern::matchHere(std::size_t a, std::string_view text, std::size_t pos) const
{
    if (a == m_atoms.size())
        return !m_anchoredEnd || pos == text.size();
    const Atom &atom = m_atoms[a];
    if (!atom.words.empty()) {
        for (const std::string &word : atom.words)
            if (text.substr(pos).starts_with(word) && matchHere(a + 1, text, pos + word.size()))
                return true;
        return false;
    }
    std::size_t count = 0;
    const std::size_t limit = atom.max < 0 ? text.size() - pos : static_cast<std::size_t>(atom.max);
    while (count < limit && pos + count < text.size() && atom.matches(text[pos + count]))
        ++count;
    // Greedy with backtracking: the longest run first, then shorter ones.
    for (std::size_t n = count + 1; n-- > static_cast<std::size_t>(atom.min);) {
        if (matchHere(a + 1, text, pos + n))
            return true;
    }
    return false;
}

std::optional<bool> SimplePattern::search(std::string_view text) const
{
    if (m_byteSensitive) {
        for (char c : text)
            if (static_cast<unsigned char>(c) >= 0x80)
                return std::nullopt;
    }
    if (m_anchoredStart)
        return matchHere(0, text, 0);
    for (std::size_t start = 0; start <= text.size(); ++start)
        if (matchHere(0, text, start))
            return true;
    return false;
}

} // namespace baton::contracts
