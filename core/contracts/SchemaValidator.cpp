// The only translation unit that includes valijson. That is not tidiness: the explicit
// specializations below replace members of ValidationVisitor<NlohmannJsonAdapter>, and a
// second file instantiating that class without seeing them would break the ODR.
#include "contracts/SchemaValidator.h"

#include "contracts/FormatChecks.h"
#include "contracts/SchemaSupport.h"

// Without this valijson reports a schema it cannot compile by calling abort(); with it, by
// throwing, which becomes std::invalid_argument below. (<stdexcept> first: valijson
// includes it inside its own namespace.)
#include <stdexcept>
#define VALIJSON_USE_EXCEPTIONS 1

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <regex>
#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/adapters/std_string_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>

#include "contracts/SimplePattern.h"

namespace baton::contracts::detail {
namespace {

using JsonAdapter = valijson::adapters::NlohmannJsonAdapter;
using Context = std::vector<std::string>;
using RegexCache = std::unordered_map<std::string, std::regex>;

// The literals of the schema being validated on this thread, set for the duration of one
// validate() call; visitors nested in it run on the same thread.
thread_local const Literals *t_literals = nullptr;

std::string render(const valijson::adapters::Adapter &value)
{
    if (value.isString())
        return quoteText(value.getString());
    if (value.isBool())
        return value.getBool() ? "true" : "false";
    if (value.isNull())
        return "null";
    if (value.isInteger())
        return std::to_string(value.getInteger());
    if (value.isDouble())
        return number(value.getDouble());
    return value.isArray() ? "an array" : "an object";
}

const char *typeName(const valijson::adapters::Adapter &value)
{
    if (value.isString())
        return "string";
    if (value.isBool())
        return "boolean";
    if (value.isNull())
        return "null";
    if (value.isInteger())
        return "integer";
    if (value.isNumber())
        return "number";
    return value.isArray() ? "array" : "object";
}

std::string got(const valijson::adapters::Adapter &value)
{
    if (value.isArray() || value.isObject())
        return std::string("got an ") + typeName(value);
    if (value.isNull())
        return "got null";
    return std::string("got ") + typeName(value) + " " + render(value);
}

const char *typeName(valijson::constraints::TypeConstraint::JsonType type)
{
    using T = valijson::constraints::TypeConstraint;
    switch (type) {
    case T::kArray:
        return "array";
    case T::kBoolean:
        return "boolean";
    case T::kInteger:
        return "integer";
    case T::kNull:
        return "null";
    case T::kNumber:
        return "number";
    case T::kObject:
        return "object";
    case T::kString:
        return "string";
    case T::kAny:
        break;
    }
    return "any";
}

// Draft 7 counts 1.0 as an integer; valijson 1.0 only looks at how the number was parsed.
bool hasType(const valijson::adapters::Adapter &value,
             valijson::constraints::TypeConstraint::JsonType type)
{
    using T = valijson::constraints::TypeConstraint;
    switch (type) {
    case T::kAny:
        return true;
    case T::kArray:
        return value.isArray();
    case T::kBoolean:
        return value.isBool();
    case T::kNull:
        return value.isNull();
    case T::kNumber:
        return value.isNumber();
    case T::kObject:
        return value.isObject();
    case T::kString:
        return value.isString();
    case T::kInteger:
        if (value.isInteger())
            return true;
        if (value.isDouble()) {
            const double d = value.getDouble();
            return std::isfinite(d) && d == std::floor(d);
        }
        return false;
    }
    return false;
}

// Patterns compile once per thread: valijson keys its cache by pattern text and our
// caller keeps that cache thread_local, so std::regex never crosses threads.
const std::regex *compiledPattern(RegexCache &cache, const std::string &pattern)
{
    auto it = cache.find(pattern);
    if (it == cache.end()) {
        try {
            it = cache.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first;
        } catch (const std::regex_error &) {
            return nullptr;
        }
    }
    return &it->second;
}

template <typename Values> std::string joinRendered(const Values &values, std::size_t count)
{
    constexpr std::size_t MaxShown = 12;
    std::string out;
    for (std::size_t i = 0; i < count && i < MaxShown; ++i) {
        if (i > 0)
            out += ", ";
        out += render(JsonAdapter(values[i]));
    }
    if (count > MaxShown)
        out += " and " + std::to_string(count - MaxShown) + " more";
    return out;
}

// The schema's own list for an enum constraint: the one whose values all compare equal.
std::string choicesFor(const valijson::constraints::EnumConstraint &constraint)
{
    if (t_literals == nullptr)
        return {};
    std::vector<const valijson::adapters::FrozenValue *> values;
    constraint.applyToValues([&](const valijson::adapters::FrozenValue &v) {
        values.push_back(&v);
        return true;
    });
    for (const nlohmann::json *candidate : t_literals->enums) {
        if (candidate->size() != values.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; same && i < values.size(); ++i)
            same = values[i]->equalTo(JsonAdapter((*candidate)[i]), true);
        if (same)
            return joinRendered(*candidate, candidate->size());
    }
    return {};
}

std::string constFor(const valijson::constraints::ConstConstraint &constraint)
{
    if (t_literals != nullptr) {
        for (const nlohmann::json *candidate : t_literals->consts) {
            if (constraint.getValue()->equalTo(JsonAdapter(*candidate), true))
                return render(JsonAdapter(*candidate));
        }
    }
    return "the value the schema requires";
}

Context childContext(const Context &context, const std::string &key)
{
    Context child = context;
    child.push_back("[" + key + "]");
    return child;
}

} // namespace
} // namespace baton::contracts::detail

// Explicit specializations of ValidationVisitor members for the adapter Baton uses. They
// must come before anything instantiates the class's member definitions. Nested visitors
// have the same type, so these apply at every depth of a document.
namespace valijson {

namespace bd = baton::contracts::detail;
using bd::JsonAdapter;

// valijson 1.0 builds a std::regex per call here (about 2,500 records/s) and has no email.
template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::FormatConstraint &constraint)
{
    if (!m_target.isString())
        return true;
    const std::string text = m_target.asString();
    bool valid = true;
    if (!baton::contracts::checkFormat(constraint.getFormat(), text, valid) || valid)
        return true;
    if (m_results) {
        m_results->pushError(m_context, "expected " +
                                            bd::formatDescription(constraint.getFormat()) +
                                            ", got " + bd::quoteText(text));
    }
    return false;
}

// propertyNames validates keys through a string adapter; keep regex out of there too.
template <>
bool ValidationVisitor<adapters::StdStringAdapter>::visit(
    const constraints::FormatConstraint &constraint)
{
    bool valid = true;
    return !baton::contracts::checkFormat(constraint.getFormat(), m_target.asString(), valid) ||
           valid;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::TypeConstraint &constraint)
{
    bool matched = false;
    std::string expected;
    constraint.applyToNamedTypes([&](constraints::TypeConstraint::JsonType type) {
        matched = matched || bd::hasType(m_target, type);
        expected += (expected.empty() ? "" : " or ");
        expected += bd::typeName(type);
        return true;
    });
    if (matched)
        return true;
    constraint.applyToSchemaTypes([&](unsigned int, const Subschema *subschema) {
        ValidationVisitor v(m_target, m_context, m_strictTypes, nullptr, m_regexesCache);
        matched = v.validateSchema(*subschema);
        return !matched;
    });
    if (matched)
        return true;
    if (m_results)
        m_results->pushError(m_context, "expected " + expected + ", " + bd::got(m_target));
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::EnumConstraint &constraint)
{
    bool matched = false;
    constraint.applyToValues([&](const adapters::FrozenValue &value) {
        matched = value.equalTo(m_target, m_strictTypes);
        return !matched;
    });
    if (matched)
        return true;
    if (m_results) {
        const std::string choices = bd::choicesFor(constraint);
        m_results->pushError(m_context, (choices.empty() ? "expected one of the allowed values"
                                                         : "expected one of " + choices) +
                                            ", got " + bd::render(m_target));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::ConstConstraint &constraint)
{
    if (constraint.getValue()->equalTo(m_target, m_strictTypes))
        return true;
    if (m_results) {
        m_results->pushError(m_context, "expected " + bd::constFor(constraint) + ", got " +
                                            bd::render(m_target));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::PatternConstraint &constraint)
{
    if (!m_target.isString())
        return true;
    const std::string pattern = constraint.getPattern<std::string::allocator_type>();
    const std::string text = m_target.asString();
    // Identifier-like patterns are matched by hand; std::regex only for the rest.
    thread_local std::unordered_map<std::string, std::optional<baton::contracts::SimplePattern>> simple;
    auto cached = simple.find(pattern);
    if (cached == simple.end())
        cached = simple.emplace(pattern, baton::contracts::SimplePattern::compile(pattern)).first;
    std::optional<bool> fast;
    if (cached->second)
        fast = cached->second->search(text);
    if (fast == true)
        return true;
    const std::regex *regex = bd::compiledPattern(m_regexesCache, pattern);
    if (!fast && regex != nullptr && std::regex_search(text, *regex))
        return true;
    if (m_results) {
        m_results->pushError(m_context, regex == nullptr ? "the schema's pattern " + pattern +
                                                               " is not a valid regular expression"
                                                         : "expected a string matching " + pattern +
                                                               ", got " + bd::quoteText(text));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::RequiredConstraint &constraint)
{
    if (!m_target.isObject())
        return true;
    const auto object = m_target.asObject();
    bool validated = true;
    constraint.applyToRequiredProperties([&](const auto &property) {
        const std::string name(property.c_str());
        if (object.find(name) != object.end())
            return true;
        validated = false;
        // Point at where the property should be, so a reviewer sees which field to fill.
        if (m_results) {
            m_results->pushError(bd::childContext(m_context, name),
                                 "required property '" + name + "' is missing");
        }
        return m_results != nullptr;
    });
    return validated;
}

// Rewritten so that every unexpected property is reported at its own pointer (valijson
// names only the first, at the object) and so pattern properties use the regex cache.
template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::PropertiesConstraint &constraint)
{
    if (!m_target.isObject())
        return true;
    const auto object = m_target.asObject();
    // A few names per object: a flat vector beats a node-based set here.
    std::vector<std::string> matched;
    matched.reserve(object.size());
    const auto isMatched = [&](const std::string &name) {
        return std::find(matched.begin(), matched.end(), name) != matched.end();
    };
    bool validated = true;

    const auto check = [&](const std::string &name, const JsonAdapter &value,
                           const Subschema &subschema) {
        const std::size_t before = m_results ? m_results->numErrors() : 0;
        // Contexts only name errors; the yes/no pass (no results) skips building them.
        const bd::Context context = m_results ? bd::childContext(m_context, name) : bd::Context{};
        ValidationVisitor child(value, context, m_strictTypes, m_results, m_regexesCache);
        if (child.validateSchema(subschema))
            return true;
        validated = false;
        // A `false` subschema fails without a word; say why here.
        if (m_results && m_results->numErrors() == before)
            m_results->pushError(context, "property '" + name + "' is not allowed");
        return m_results != nullptr;
    };

    std::size_t found = 0;
    constraint.applyToProperties([&](const auto &property, const Subschema *subschema) {
        const std::string name(property.c_str());
        const auto it = object.find(name);
        if (it == object.end())
            return true;
        ++found;
        matched.push_back(name);
        return check(name, it->second, *subschema);
    });
    if (!validated && !m_results)
        return false;
    // Every member had a schema property: nothing is left for patternProperties to decide
    // about additional members, which is the common case, so skip the walk over members.
    bool hasPatterns = false;
    constraint.applyToPatternProperties([&](const auto &, const Subschema *) {
        hasPatterns = true;
        return false;
    });
    if (found == object.size() && !hasPatterns)
        return validated;

    constraint.applyToPatternProperties([&](const auto &pattern, const Subschema *subschema) {
        const std::regex *regex = bd::compiledPattern(m_regexesCache, pattern.c_str());
        if (regex == nullptr)
            return true; // rejected when the schema was compiled
        for (const auto member : object) {
            if (!std::regex_search(member.first, *regex))
                continue;
            if (!isMatched(member.first))
                matched.push_back(member.first);
            if (!check(member.first, member.second, *subschema))
                return false;
        }
        return true;
    });
    if (!validated && !m_results)
        return false;

    const Subschema *additional = constraint.getAdditionalPropertiesSubschema();
    for (const auto member : object) {
        if (isMatched(member.first))
            continue;
        if (additional != nullptr) {
            if (!check(member.first, member.second, *additional))
                return false;
            continue;
        }
        validated = false;
        if (!m_results)
            return false;
        m_results->pushError(bd::childContext(m_context, member.first),
                             "unexpected property '" + member.first +
                                 "' (not defined by the schema)");
    }
    return validated;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::MinLengthConstraint &constraint)
{
    if (!m_target.isString())
        return true;
    const std::uint64_t length = utils::u8_strlen(m_target.asString().c_str());
    if (length >= constraint.getMinLength())
        return true;
    if (m_results) {
        m_results->pushError(m_context,
                             "expected at least " +
                                 bd::counted(constraint.getMinLength(), "character", "characters") +
                                 ", got " + std::to_string(length));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::MaxLengthConstraint &constraint)
{
    if (!m_target.isString())
        return true;
    const std::uint64_t length = utils::u8_strlen(m_target.asString().c_str());
    if (length <= constraint.getMaxLength())
        return true;
    if (m_results) {
        m_results->pushError(m_context,
                             "expected at most " +
                                 bd::counted(constraint.getMaxLength(), "character", "characters") +
                                 ", got " + std::to_string(length));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::MinimumConstraint &constraint)
{
    if (!m_target.isNumber())
        return true;
    const double value = m_target.asDouble();
    const double minimum = constraint.getMinimum();
    const bool exclusive = constraint.getExclusiveMinimum();
    if (exclusive ? value > minimum : value >= minimum)
        return true;
    if (m_results) {
        m_results->pushError(m_context, std::string("expected a number ") +
                                            (exclusive ? "> " : ">= ") + bd::number(minimum) +
                                            ", got " + bd::render(m_target));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::MaximumConstraint &constraint)
{
    if (!m_target.isNumber())
        return true;
    const double value = m_target.asDouble();
    const double maximum = constraint.getMaximum();
    const bool exclusive = constraint.getExclusiveMaximum();
    if (exclusive ? value < maximum : value <= maximum)
        return true;
    if (m_results) {
        m_results->pushError(m_context, std::string("expected a number ") +
                                            (exclusive ? "< " : "<= ") + bd::number(maximum) +
                                            ", got " + bd::render(m_target));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::MinItemsConstraint &constraint)
{
    if (!m_target.isArray() || m_target.getArraySize() >= constraint.getMinItems())
        return true;
    if (m_results) {
        m_results->pushError(m_context, "expected at least " +
                                            bd::counted(constraint.getMinItems(), "item", "items") +
                                            ", got " + std::to_string(m_target.getArraySize()));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::MaxItemsConstraint &constraint)
{
    if (!m_target.isArray() || m_target.getArraySize() <= constraint.getMaxItems())
        return true;
    if (m_results) {
        m_results->pushError(m_context, "expected at most " +
                                            bd::counted(constraint.getMaxItems(), "item", "items") +
                                            ", got " + std::to_string(m_target.getArraySize()));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::MinPropertiesConstraint &constraint)
{
    if (!m_target.isObject() || m_target.getObjectSize() >= constraint.getMinProperties())
        return true;
    if (m_results) {
        m_results->pushError(
            m_context, "expected at least " +
                           bd::counted(constraint.getMinProperties(), "property", "properties") +
                           ", got " + std::to_string(m_target.getObjectSize()));
    }
    return false;
}

template <>
bool ValidationVisitor<JsonAdapter>::visit(const constraints::MaxPropertiesConstraint &constraint)
{
    if (!m_target.isObject() || m_target.getObjectSize() <= constraint.getMaxProperties())
        return true;
    if (m_results) {
        m_results->pushError(
            m_context, "expected at most " +
                           bd::counted(constraint.getMaxProperties(), "property", "properties") +
                           ", got " + std::to_string(m_target.getObjectSize()));
    }
    return false;
}

} // namespace valijson

namespace baton::contracts {

namespace {

using detail::JsonAdapter;

// valijson 1.0 joins a relative "$ref" to the scope by plain concatenation; this resolves
// it the RFC 3986 way. The cases mirror SchemaParser::resolveDocumentUri.
class Draft7Parser : public valijson::SchemaParser
{
public:
    Draft7Parser() : SchemaParser(kDraft7) {}

private:
    opt::optional<std::string>
    resolveDocumentUri(const opt::optional<std::string> &scope,
                       const opt::optional<std::string> &documentUri) override
    {
        if (!documentUri)
            return scope;
        if (valijson::internal::uri::isUriAbsolute(*documentUri) ||
            valijson::internal::uri::isUrn(*documentUri) || !scope)
            return documentUri;
        return detail::resolveUri(*scope, *documentUri);
    }
};

} // namespace

struct SchemaValidator::Impl
{
    nlohmann::json json;                                  // owns what `literals` points into
    std::vector<std::unique_ptr<nlohmann::json>> remotes; // likewise, for fetched documents
    detail::Literals literals;
    detail::SchemaIndex ids;
    valijson::Schema schema;
};

SchemaValidator::SchemaValidator(const nlohmann::json &schema)
    : SchemaValidator(schema, DocumentFetcher{})
{
}

SchemaValidator::SchemaValidator(const nlohmann::json &schema, const DocumentFetcher &fetch)
    : m_impl(std::make_unique<Impl>())
{
    const auto fail = [](const std::string &what) {
        throw std::invalid_argument("invalid JSON Schema: " + what);
    };
    if (!schema.is_object() && !schema.is_boolean())
        fail(std::string("expected an object or a boolean, got ") + schema.type_name());
    Impl &impl = *m_impl;
    impl.json = schema;
    try {
        detail::prepareSchema(impl.json, {}, impl.literals, impl.ids);
        Draft7Parser parser;
        // Embedded "$id"s first, then the caller's fetcher. Documents stay with the Impl
        // (their literals are referenced), so freeing is a no-op for valijson.
        const auto fetchDocument = [&](const std::string &uri) -> const nlohmann::json * {
            if (const auto it = impl.ids.find(uri); it != impl.ids.end())
                return it->second;
            auto document = std::make_unique<nlohmann::json>();
            if (!fetch || !fetch(uri, *document))
                return nullptr;
            detail::prepareSchema(*document, uri, impl.literals, impl.ids);
            impl.remotes.push_back(std::move(document));
            return impl.remotes.back().get();
        };
        parser.populateSchema(JsonAdapter(impl.json), impl.schema, fetchDocument,
                              [](const nlohmann::json *) {});
    } catch (const std::exception &e) {
        fail(e.what());
    }
}

SchemaValidator::~SchemaValidator() = default;
SchemaValidator::SchemaValidator(SchemaValidator &&) noexcept = default;
SchemaValidator &SchemaValidator::operator=(SchemaValidator &&) noexcept = default;

bool SchemaValidator::validate(const nlohmann::json &document,
                               std::vector<ValidationError> *errors) const
{
    // valijson::Validator owns its regex cache, so one per call would recompile every
    // pattern per record; one cache per thread compiles each pattern once and needs no lock.
    thread_local detail::RegexCache regexes;

    struct LiteralsScope
    {
        const detail::Literals *previous;
        ~LiteralsScope() { detail::t_literals = previous; }
    } scope{std::exchange(detail::t_literals, &m_impl->literals)};

    // First the yes/no pass: without a results sink valijson stops at the first failure and
    // builds no error contexts. Only a record that fails is walked again to name its errors.
    const JsonAdapter target(document);
    valijson::ValidationVisitor<JsonAdapter> check(target, detail::Context{}, true, nullptr, regexes);
    const bool valid = check.validateSchema(m_impl->schema);
    if (errors != nullptr && !valid) {
        valijson::ValidationResults results;
        valijson::ValidationVisitor<JsonAdapter> explain(target, detail::Context{}, true, &results,
                                                         regexes);
        explain.validateSchema(m_impl->schema);
        std::vector<detail::RawError> raw;
        raw.reserve(results.numErrors());
        for (const auto &error : results)
            raw.push_back({error.context, error.description});
        const std::size_t before = errors->size();
        detail::appendErrors(raw, *errors);
        if (errors->size() == before) // a `false` schema fails without a word
            errors->push_back({"", "the schema allows no value here"});
    }
    return valid;
}

} // namespace baton::contracts
