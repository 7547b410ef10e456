#include "contracts/ContractRegistry.h"

#include "contracts/SchemaValidator.h"
#include "util/Sha256.h"
#include "util/Time.h"

#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace baton::contracts {

namespace {

constexpr std::string_view ManifestPath = "registry.json";
constexpr std::string_view SchemaSuffix = ".schema.json";

bool isContractName(std::string_view name)
{
    if (name.empty())
        return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

// "lead/v2.schema.json" -> ("lead", 2). Anything else under resources/contracts is a
// mistake worth stopping the build's tests for, not a file to skip quietly.
std::pair<std::string, int> parseSchemaPath(std::string_view path)
{
    const std::size_t slash = path.find('/');
    const auto fail = [&]() -> std::pair<std::string, int> {
        throw std::invalid_argument("contract file " + std::string(path) +
                                    ": expected <name>/v<N>.schema.json");
    };
    if (slash == std::string_view::npos || !path.ends_with(SchemaSuffix))
        return fail();
    const std::string_view name = path.substr(0, slash);
    std::string_view file = path.substr(slash + 1);
    file.remove_suffix(SchemaSuffix.size());
    if (!isContractName(name) || file.size() < 2 || file.size() > 6 || file.front() != 'v')
        return fail();
    int version = 0;
    for (const char c : file.substr(1)) {
        if (c < '0' || c > '9')
            return fail();
        version = version * 10 + (c - '0');
    }
    if (version < 1)
        return fail();
    return {std::string(name), version};
}

struct Lifecycle
{
    std::optional<std::chrono::system_clock::time_point> deprecatedSince;
    std::optional<std::chrono::system_clock::time_point> sunsetAt;
};

std::optional<std::chrono::system_clock::time_point>
manifestDate(const nlohmann::json &entry, const char *field, const std::string &key)
{
    const auto it = entry.find(field);
    if (it == entry.end() || it->is_null())
        return std::nullopt;
    if (it->is_string()) {
        if (auto at = util::parseRfc3339(it->get<std::string>()))
            return at;
    }
    throw std::invalid_argument(std::string(ManifestPath) + ": " + key + " " + field +
                                " must be an RFC 3339 date-time, got " + it->dump());
}

std::map<std::pair<std::string, int>, Lifecycle> parseManifest(std::string_view text)
{
    const auto fail = [](const std::string &what) {
        throw std::invalid_argument(std::string(ManifestPath) + ": " + what);
    };
    const nlohmann::json manifest = nlohmann::json::parse(text, nullptr, false);
    if (manifest.is_discarded())
        fail("not valid JSON");
    const auto contracts = manifest.find("contracts");
    if (!manifest.is_object() || contracts == manifest.end() || !contracts->is_array())
        fail("expected an object with a \"contracts\" array");

    std::map<std::pair<std::string, int>, Lifecycle> lifecycles;
    for (const nlohmann::json &entry : *contracts) {
        if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string() ||
            !entry.contains("version") || !entry["version"].is_number_integer())
            fail("each contract needs a string \"name\" and an integer \"version\": " +
                 entry.dump());
        const std::string name = entry["name"];
        const int version = entry["version"];
        const std::string key = name + "@" + std::to_string(version);
        Lifecycle lifecycle{manifestDate(entry, "deprecated_since", key),
                            manifestDate(entry, "sunset_at", key)};
        if (!lifecycles.emplace(std::pair{name, version}, lifecycle).second)
            fail(key + " is listed twice");
    }
    return lifecycles;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out.empty() ? "none" : out;
}

} // namespace

struct ContractRegistry::Entry
{
    ContractVersion version;
    SchemaValidator validator;
};

ContractRegistry::ContractRegistry() = default;
ContractRegistry::~ContractRegistry() = default;
ContractRegistry::ContractRegistry(ContractRegistry &&) noexcept = default;
ContractRegistry &ContractRegistry::operator=(ContractRegistry &&) noexcept = default;

ContractRegistry ContractRegistry::builtIn()
{
    return fromFiles(embeddedContractFiles());
}

ContractRegistry ContractRegistry::fromFiles(const std::vector<EmbeddedFile> &files)
{
    std::map<std::pair<std::string, int>, Lifecycle> lifecycles;
    bool haveManifest = false;
    for (const EmbeddedFile &file : files) {
        if (file.path == ManifestPath) {
            lifecycles = parseManifest(file.text);
            haveManifest = true;
        }
    }
    if (!haveManifest)
        throw std::invalid_argument("contracts: " + std::string(ManifestPath) + " is missing");

    ContractRegistry registry;
    for (const EmbeddedFile &file : files) {
        if (file.path == ManifestPath)
            continue;
        auto [name, number] = parseSchemaPath(file.path);
        ContractVersion version;
        version.name = std::move(name);
        version.version = number;
        version.schemaText = std::string(file.text);
        // Every schema must be in the manifest, so a new version is a deliberate act.
        const auto lifecycle = lifecycles.find(std::pair{version.name, version.version});
        if (lifecycle == lifecycles.end()) {
            throw std::invalid_argument("contract " + version.key() + " is not listed in " +
                                        std::string(ManifestPath));
        }
        version.deprecatedSince = lifecycle->second.deprecatedSince;
        version.sunsetAt = lifecycle->second.sunsetAt;
        lifecycles.erase(lifecycle);
        registry.add(std::move(version));
    }
    if (!lifecycles.empty()) {
        const auto &[name, number] = lifecycles.begin()->first;
        throw std::invalid_argument(std::string(ManifestPath) + " lists " + name + "@" +
                                    std::to_string(number) + " but there is no " + name + "/v" +
                                    std::to_string(number) + ".schema.json");
    }
    return registry;
}

void ContractRegistry::add(ContractVersion version)
{
    const std::string key = version.key();
    const auto fail = [&](const std::string &what) {
        throw std::invalid_argument("contract " + key + ": " + what);
    };
    if (!isContractName(version.name))
        fail("the name must be lower-case letters, digits and underscores");
    if (version.version < 1)
        fail("versions start at 1");
    if (m_entries.count(std::pair{version.name, version.version}) != 0)
        fail("this version is already registered");
    if (version.deprecatedSince && version.sunsetAt && *version.sunsetAt < *version.deprecatedSince)
        fail("sunset before it is deprecated");

    const nlohmann::json schema = nlohmann::json::parse(version.schemaText, nullptr, false);
    if (schema.is_discarded())
        fail("the schema is not valid JSON");
    if (!schema.is_object())
        fail("the schema must be a JSON object");
    // Contracts are draft-07 (DESIGN.md); a schema written for another draft would be
    // read with the wrong keyword meanings rather than fail.
    if (const auto it = schema.find("$schema");
        it != schema.end() && (!it->is_string() || !it->get<std::string>().starts_with(
                                                       "http://json-schema.org/draft-07/schema")))
        fail("\"$schema\" must be http://json-schema.org/draft-07/schema#");

    std::unique_ptr<Entry> entry;
    try {
        entry.reset(new Entry{std::move(version), SchemaValidator(schema)});
    } catch (const std::invalid_argument &e) {
        fail(e.what());
    }
    if (entry->version.schemaSha256.empty())
        entry->version.schemaSha256 = util::sha256Hex(entry->version.schemaText);
    const std::pair<std::string, int> mapKey{entry->version.name, entry->version.version};
    m_entries.emplace(mapKey, std::move(entry));
}

const ContractVersion *ContractRegistry::find(std::string_view name, int version) const
{
    const auto it = m_entries.find(std::pair{name, version});
    return it == m_entries.end() ? nullptr : &it->second->version;
}

const ContractVersion *ContractRegistry::current(std::string_view name,
                                                 std::chrono::system_clock::time_point now) const
{
    const ContractVersion *newest = nullptr;
    for (auto it = m_entries.lower_bound(std::pair{name, std::numeric_limits<int>::min()});
         it != m_entries.end() && it->first.first == name; ++it) {
        if (it->second->version.statusAt(now) != ContractStatus::Sunset)
            newest = &it->second->version; // ascending versions: the last one wins
    }
    return newest;
}

std::vector<const ContractVersion *> ContractRegistry::versions() const
{
    std::vector<const ContractVersion *> out;
    out.reserve(m_entries.size());
    for (const auto &[key, entry] : m_entries)
        out.push_back(&entry->version);
    return out;
}

std::vector<std::string> ContractRegistry::names() const
{
    std::vector<std::string> out;
    for (const auto &[key, entry] : m_entries) {
        if (out.empty() || out.back() != key.first)
            out.push_back(key.first);
    }
    return out;
}

bool ContractRegistry::validate(std::string_view name, int version, const nlohmann::json &record,
                                std::vector<ValidationError> &errors) const
{
    if (const SchemaValidator *v = validator(name, version))
        return v->validate(record, &errors);

    std::vector<std::string> known;
    for (const auto &[key, entry] : m_entries) {
        if (key.first == name)
            known.push_back(entry->version.key());
    }
    if (known.empty()) {
        errors.push_back({"", "unknown contract \"" + std::string(name) +
                                  "\" (known: " + joined(names()) + ")"});
    } else {
        errors.push_back({"", "unknown contract version " + std::string(name) + "@" +
                                  std::to_string(version) + " (known: " + joined(known) + ")"});
    }
    return false;
}

const SchemaValidator *ContractRegistry::validator(std::string_view name, int version) const
{
    const auto it = m_entries.find(std::pair{name, version});
    return it == m_entries.end() ? nullptr : &it->second->validator;
}

} // namespace baton::contracts
