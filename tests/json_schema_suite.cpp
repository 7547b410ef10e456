// Runs every case of the official JSON Schema Test Suite's required draft-07 tests through
// SchemaValidator. valijson 1.0 is not complete, so the cases it gets wrong are listed
// below with the reason; anything else failing, or a pass rate under 95%, fails the test.
#include "contracts/SchemaValidator.h"

#include <QTest>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>

using baton::contracts::SchemaValidator;
using baton::contracts::ValidationError;
namespace fs = std::filesystem;

namespace {

const fs::path SuiteRoot = "/usr/share/json-schema-test-suite";
const std::string RemoteBase = "http://localhost:1234/";

struct CaseId
{
    std::string file;
    std::string group;
    std::string test;
    auto operator<=>(const CaseId &) const = default;
};

// file, group description, test description ("*" for every test of the group) -> reason.
const std::map<CaseId, std::string> KnownExceptions = {
    {{"ref.json", "Recursive references between schemas", "*"},
     "valijson 1.0 caches a schema reached in another document under the referring "
     "document's scope plus the pointer, so two documents whose roots refer to each other "
     "(tree -> node -> tree) get one cache entry; \"invalid tree\" passes only by accident"},
    {{"definitions.json", "valid definition", "*"},
     "needs the draft-07 meta-schema, which the suite package does not ship; passes when "
     "python3-jsonschema provides a copy"},
    {{"definitions.json", "invalid definition", "*"}, "as for \"valid definition\""},
    {{"ref.json", "remote ref, containing refs itself", "*"}, "as for \"valid definition\""},
};

std::string reasonFor(const CaseId &id)
{
    for (const CaseId &key : {id, CaseId{id.file, id.group, "*"}}) {
        const auto it = KnownExceptions.find(key);
        if (it != KnownExceptions.end())
            return it->second;
    }
    return {};
}

bool readJson(const fs::path &path, nlohmann::json &out)
{
    std::ifstream in(path);
    if (!in)
        return false;
    out = nlohmann::json::parse(in, nullptr, false);
    return !out.is_discarded();
}

// The suite serves its remotes/ directory at http://localhost:1234/ (see its README). It
// does not ship the draft-07 meta-schema; python3-jsonschema has a copy, when installed.
bool fetchRemote(const std::string &uri, nlohmann::json &document)
{
    if (uri == "http://json-schema.org/draft-07/schema")
        return readJson("/usr/lib/python3/dist-packages/jsonschema/schemas/draft7.json", document);
    if (uri.rfind(RemoteBase, 0) != 0)
        return false;
    return readJson(SuiteRoot / "remotes" / uri.substr(RemoteBase.size()), document);
}

} // namespace

class JsonSchemaSuite : public QObject
{
    Q_OBJECT

private slots:
    void requiredDraft7()
    {
        const fs::path dir = SuiteRoot / "tests" / "draft7";
        QVERIFY2(fs::is_directory(dir), "install the json-schema-test-suite package");
        std::set<fs::path> files;
        for (const auto &entry : fs::directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".json")
                files.insert(entry.path());
        }

        int passed = 0, failed = 0, known = 0;
        std::string unexpected;
        for (const fs::path &file : files) {
            nlohmann::json groups;
            QVERIFY2(readJson(file, groups), file.c_str());
            for (const auto &group : groups) {
                const std::string groupName = group.at("description");
                std::unique_ptr<SchemaValidator> validator;
                std::string loadError;
                try {
                    validator = std::make_unique<SchemaValidator>(group.at("schema"), fetchRemote);
                } catch (const std::exception &e) {
                    loadError = e.what();
                }
                for (const auto &test : group.at("tests")) {
                    const CaseId id{file.filename().string(), groupName, test.at("description")};
                    const bool expected = test.at("valid");
                    std::string problem;
                    if (!validator) {
                        problem = "schema did not load: " + loadError;
                    } else {
                        std::vector<ValidationError> errors;
                        const bool valid = validator->validate(test.at("data"), &errors);
                        // The yes/no path stops early; it must agree with the full one.
                        const bool quick = validator->validate(test.at("data"), nullptr);
                        if (valid != expected && expected)
                            problem = "rejected a valid instance: [" + errors.front().pointer +
                                      "] " + errors.front().message;
                        else if (valid != expected)
                            problem = "accepted an invalid instance";
                        else if (quick != valid)
                            problem = "fast path disagrees with the detailed path";
                        else if (!valid && errors.empty())
                            problem = "invalid but no error reported";
                    }
                    if (problem.empty()) {
                        ++passed;
                        continue;
                    }
                    ++failed;
                    const std::string reason = reasonFor(id);
                    std::printf("FAIL %s | %s | %s: %s%s\n", id.file.c_str(), id.group.c_str(),
                                id.test.c_str(), problem.c_str(),
                                reason.empty() ? " [NOT A KNOWN EXCEPTION]"
                                               : (" [known: " + reason + "]").c_str());
                    if (reason.empty()) {
                        unexpected += id.file + " | " + id.group + " | " + id.test + "\n";
                    } else {
                        ++known;
                    }
                }
            }
        }

        std::printf("%d passed, %d failed\n", passed, failed);
        std::printf("known exceptions: %d failing cases, %zu entries listed\n", known,
                    KnownExceptions.size());
        std::fflush(stdout);

        const int total = passed + failed;
        QVERIFY(total > 0);
        QVERIFY2(passed * 100 >= total * 95, "pass rate below 95%");
        QVERIFY2(unexpected.empty(),
                 ("failures not in the known exceptions:\n" + unexpected).c_str());
    }
};

QTEST_GUILESS_MAIN(JsonSchemaSuite)
#include "json_schema_suite.moc"
