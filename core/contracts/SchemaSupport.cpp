#include "contracts/SchemaSupport.h"

#include <cmath>
#include <regex>
#include <stdexcept>
#include <utility>

namespace baton::contracts::detail {

namespace {

constexpr std::size_t MaxShownBytes = 64;

bool isAtOrBelow(const std::string &pointer, const std::string &ancestor)
{
    return pointer.size() >= ancestor.size() &&
           pointer.compare(0, ancestor.size(), ancestor) == 0 &&
           (pointer.size() == ancestor.size() || pointer[ancestor.size()] == '/');
}

// valijson's wrapper errors only say "a child failed". Sets `target` to the place the
// wrapper is about; for items that is the item, though valijson reports the array.
bool isWrapper(const std::string &message, const std::string &pointer, std::string &target)
{
    constexpr std::string_view item = "Failed to validate item #";
    if (message.starts_with(item)) {
        target = pointer;
        if (!message.ends_with("corresponding item schema.")) {
            const std::size_t end = message.find(' ', item.size());
            target += "/" + message.substr(item.size(), end - item.size());
        }
        return true;
    }
    for (const std::string_view prefix :
         {"Failed to validate against child schema #", "Failed to validate against a conditional",
          "Failed to validate against dependent schema"}) {
        if (message.starts_with(prefix)) {
            target = pointer;
            return true;
        }
    }
    return false;
}

// valijson's messages for the constraints SchemaValidator does not word itself.
std::string humanize(const std::string &message)
{
    static const std::pair<std::string_view, std::string_view> rewrites[] = {
        {"Failed to validate against any schemas allowed by anyOf",
         "expected a value matching at least one anyOf alternative, it matches none"},
        {"Failed to validate against any child schemas allowed by oneOf",
         "expected a value matching exactly one oneOf alternative, it matches none"},
        {"Failed to validate against exactly one child schema",
         "expected a value matching exactly one oneOf alternative, it matches several"},
        {"Target should not validate against schema specified in 'not'",
         "expected a value that does not match the 'not' schema"},
        {"Failed to any values against subschema in 'contains'",
         "expected at least one item matching the 'contains' schema"},
        {"Failed to validate item #", "this item is not allowed here"},
    };
    for (const auto &[prefix, replacement] : rewrites) {
        if (message.starts_with(prefix))
            return std::string(replacement);
    }
    return message;
}

void checkPattern(const std::string &pattern)
{
    try {
        std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error &) {
        throw std::invalid_argument("pattern " + quoteText(pattern) +
                                    " is not a regular expression this validator can run");
    }
}

// Draft-07 keywords whose value is a schema, a list of schemas, or a map to schemas.
constexpr const char *SchemaKeywords[] = {"additionalItems",
                                          "additionalProperties",
                                          "contains",
                                          "if",
                                          "then",
                                          "else",
                                          "not",
                                          "propertyNames",
                                          "items",
                                          "allOf",
                                          "anyOf",
                                          "oneOf"};
constexpr const char *SchemaMapKeywords[] = {"definitions", "properties", "patternProperties",
                                             "dependencies"};

struct Walk
{
    Literals &literals;
    SchemaIndex &ids;
};

void walk(nlohmann::json &schema, std::string base, Walk &out);

void walkAny(nlohmann::json &node, const std::string &base, Walk &out)
{
    if (node.is_array()) {
        for (auto &element : node)
            walk(element, base, out);
    } else {
        walk(node, base, out);
    }
}

void walk(nlohmann::json &schema, std::string base, Walk &out)
{
    if (!schema.is_object())
        return; // true/false schemas, or dependencies' property lists
    Literals &literals = out.literals;
    const auto id = schema.find("$id");
    if (id != schema.end() && id->is_string() && !id->get<std::string>().starts_with("#")) {
        base = resolveUri(base, id->get<std::string>());
        out.ids.emplace(base, &schema);
    }
    // "id" is not a draft-07 keyword, so it is free to carry the scope valijson needs.
    if (base.empty())
        schema.erase("id");
    else
        schema["id"] = base;
    if (const auto it = schema.find("enum"); it != schema.end() && it->is_array())
        literals.enums.push_back(&*it);
    if (const auto it = schema.find("const"); it != schema.end())
        literals.consts.push_back(&*it);
    if (const auto it = schema.find("pattern"); it != schema.end() && it->is_string())
        checkPattern(it->get<std::string>());
    if (const auto it = schema.find("patternProperties"); it != schema.end() && it->is_object()) {
        for (auto p = it->begin(); p != it->end(); ++p)
            checkPattern(p.key());
    }
    for (const char *keyword : SchemaKeywords) {
        if (const auto it = schema.find(keyword); it != schema.end())
            walkAny(*it, base, out);
    }
    for (const char *keyword : SchemaMapKeywords) {
        if (const auto it = schema.find(keyword); it != schema.end() && it->is_object()) {
            for (auto &value : *it)
                walk(value, base, out);
        }
    }
}

// RFC 3986 section 5.2.4.
std::string removeDotSegments(std::string_view path)
{
    std::string out;
    while (!path.empty()) {
        if (path.starts_with("../")) {
            path.remove_prefix(3);
        } else if (path.starts_with("./")) {
            path.remove_prefix(2);
        } else if (path.starts_with("/./")) {
            path.remove_prefix(2);
        } else if (path == "/.") {
            path = "/";
        } else if (path.starts_with("/../") || path == "/..") {
            path = path.size() == 3 ? std::string_view("/") : path.substr(3);
            const std::size_t slash = out.rfind('/');
            out.erase(slash == std::string::npos ? 0 : slash);
        } else if (path == "." || path == "..") {
            path = {};
        } else {
            const std::size_t next = path.find('/', 1);
            const std::size_t length = next == std::string_view::npos ? path.size() : next;
            out += path.substr(0, length);
            path.remove_prefix(length);
        }
    }
    return out;
}

bool hasScheme(std::string_view uri)
{
    const std::size_t colon = uri.find(':');
    return colon != std::string_view::npos && colon > 0 && uri.find_first_of("/?#") > colon;
}

} // namespace

std::string quoteText(std::string_view text)
{
    const bool cut = text.size() > MaxShownBytes;
    std::string shown(text.substr(0, MaxShownBytes));
    if (cut) {
        // Drop a trailing partial UTF-8 sequence rather than print a broken character.
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80)
            shown.pop_back();
        if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0)
            shown.pop_back();
    }
    // Records can carry invalid UTF-8 (that may be why they fail); dumping must not throw.
    std::string out =
        nlohmann::json(shown).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (cut)
        out.insert(out.size() - 1, "...");
    return out;
}

std::string number(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    return nlohmann::json(value).dump();
}

std::string formatDescription(const std::string &format)
{
    if (format == "date-time")
        return "a valid date-time (RFC 3339)";
    if (format == "date")
        return "a valid date (RFC 3339 full-date, YYYY-MM-DD)";
    if (format == "time")
        return "a valid time (RFC 3339 full-time)";
    if (format == "email")
        return "a valid email address (RFC 5321)";
    return "a valid " + format;
}

std::string counted(std::uint64_t n, const char *singular, const char *plural)
{
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

std::string toPointer(const std::vector<std::string> &context)
{
    std::string pointer;
    for (const std::string &segment : context) {
        std::string_view token = segment;
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
            token = token.substr(1, token.size() - 2);
        else if (token == "<root>")
            continue;
        pointer += '/';
        for (const char c : token) {
            if (c == '~')
                pointer += "~0";
            else if (c == '/')
                pointer += "~1";
            else
                pointer += c;
        }
    }
    return pointer;
}

void appendErrors(const std::vector<RawError> &raw, std::vector<ValidationError> &out)
{
    struct Item
    {
        std::string pointer;
        bool wrapper = false;
        std::string target;
    };
    std::vector<Item> items;
    items.reserve(raw.size());
    for (const RawError &error : raw) {
        Item item{toPointer(error.context), false, {}};
        item.wrapper = isWrapper(error.message, item.pointer, item.target);
        items.push_back(std::move(item));
    }
    const std::size_t first = out.size();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (items[i].wrapper) {
            // Children report before their wrapper does, so look only behind it.
            bool explained = false;
            for (std::size_t j = 0; j < i && !explained; ++j)
                explained = !items[j].wrapper && isAtOrBelow(items[j].pointer, items[i].target);
            if (explained)
                continue;
        }
        ValidationError error{items[i].wrapper ? items[i].target : items[i].pointer,
                              humanize(raw[i].message)};
        bool duplicate = false;
        for (std::size_t k = first; k < out.size() && !duplicate; ++k)
            duplicate = out[k].pointer == error.pointer && out[k].message == error.message;
        if (!duplicate)
            out.push_back(std::move(error));
    }
}

void prepareSchema(nlohmann::json &schema, const std::string &baseUri, Literals &literals,
                   SchemaIndex &ids)
{
    Walk out{literals, ids};
    walk(schema, resolveUri({}, baseUri), out);
}

std::string resolveUri(std::string_view base, std::string_view reference)
{
    if (const std::size_t hash = base.find('#'); hash != std::string_view::npos)
        base = base.substr(0, hash);
    if (hasScheme(reference))
        return std::string(reference);
    if (reference.empty())
        return std::string(base);

    // base = scheme ":" ["//" authority] path
    std::size_t pathStart = 0;
    if (hasScheme(base)) {
        pathStart = base.find(':') + 1;
        if (base.substr(pathStart, 2) == "//") {
            const std::size_t slash = base.find('/', pathStart + 2);
            pathStart = slash == std::string_view::npos ? base.size() : slash;
        }
    }
    const std::string_view prefix = base.substr(0, pathStart);
    const std::string_view basePath = base.substr(pathStart);

    if (reference.starts_with("//"))
        return std::string(base.substr(0, base.find(':') + 1)) + std::string(reference);
    if (reference.starts_with("/"))
        return std::string(prefix) + removeDotSegments(reference);
    if (reference.starts_with("#") || reference.starts_with("?"))
        return std::string(base) + std::string(reference);

    std::string merged;
    const std::size_t lastSlash = basePath.rfind('/');
    if (lastSlash != std::string_view::npos)
        merged = std::string(basePath.substr(0, lastSlash + 1));
    else if (!prefix.empty() && basePath.empty())
        merged = "/"; // "http://host" + "x" is "http://host/x"
    merged += reference;
    return std::string(prefix) + (merged.starts_with("/") ? removeDotSegments(merged) : merged);
}

} // namespace baton::contracts::detail
