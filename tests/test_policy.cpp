#include "agents/Policy.h"
#include "contracts/ContractRegistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton::agents;

class TestPolicy : public QObject
{
    Q_OBJECT
    const baton::contracts::ContractRegistry registry = baton::contracts::ContractRegistry::builtIn();

private slots:
    void theDefaultPolicyLoads()
    {
        const Policy p = defaultPolicy(registry);
        QCOMPARE(p.name, std::string("default"));
        QCOMPARE(p.sha256.size(), 64u);
        QCOMPARE(p.enrichment.staleAfterDays, 180);
        QCOMPARE(p.enrichment.conflictRule, ConflictRule::FreshThenPriority);
        QCOMPARE(p.enrichment.rankOf("crm"), 0u);
        QCOMPARE(p.enrichment.rankOf("harbor_data"), 1u);
        QCOMPARE(p.enrichment.rankOf("somebody_else"), p.enrichment.providerPriority.size());
        QVERIFY(p.enrichment.fieldsThatMatter.count("industry"));
        QVERIFY(p.enrichment.escalateWhen.count("conflict_on_field_that_matters"));
    }

    void aChangedPolicyHasAnotherHash()
    {
        nlohmann::json doc = defaultPolicy(registry).document;
        doc["enrichment"]["stale_after_days"] = 90;
        const Policy changed = parsePolicy(doc.dump(), "test", registry);
        QCOMPARE(changed.enrichment.staleAfterDays, 90);
        QVERIFY(changed.sha256 != defaultPolicy(registry).sha256);
    }

    // policy@2 adds optional heartbeat limits for the dashboard; a v1 policy is a v2 one, and
    // the built-in policy (which names none) keeps the defaults and its hash.
    void heartbeatsAreOptional()
    {
        const Policy builtIn = defaultPolicy(registry);
        QCOMPARE(builtIn.heartbeats.syncHours, 24.0);
        QCOMPARE(builtIn.heartbeats.enrichmentHours, 168.0);
        QVERIFY(!builtIn.document.contains("heartbeats"));
        nlohmann::json doc = builtIn.document;
        doc["heartbeats"] = {{"sync_hours", 6}, {"enrichment_hours", 48}};
        const Policy tight = parsePolicy(doc.dump(), "tight.json", registry);
        QCOMPARE(tight.heartbeats.syncHours, 6.0);
        QCOMPARE(tight.heartbeats.enrichmentHours, 48.0);
        doc["heartbeats"] = {{"sync_hours", 0}, {"every", 1}};
        try {
            parsePolicy(doc.dump(), "bad.json", registry);
            QFAIL("expected PolicyError");
        } catch (const PolicyError &e) {
            const QString what = e.what();
            QVERIFY2(what.contains("/heartbeats/sync_hours"), qPrintable(what));
            QVERIFY2(what.contains("/heartbeats"), qPrintable(what));
        }
    }

    void aBadPolicyIsRefusedWithEveryReason()
    {
        nlohmann::json doc = defaultPolicy(registry).document;
        doc["enrichment"]["conflict_rule"] = "coin_flip";
        doc["enrichment"]["stale_after_days"] = -1;
        doc["enrichment"].erase("scope");
        try {
            parsePolicy(doc.dump(), "mine.json", registry);
            QFAIL("expected PolicyError");
        } catch (const PolicyError &e) {
            const QString what = e.what();
            QVERIFY2(what.contains("mine.json"), qPrintable(what));
            QVERIFY2(what.contains("/enrichment/conflict_rule"), qPrintable(what));
            QVERIFY2(what.contains("/enrichment/stale_after_days"), qPrintable(what));
            QVERIFY2(what.contains("/enrichment/scope"), qPrintable(what));
        }
        QVERIFY_THROWS_EXCEPTION(PolicyError, parsePolicy("{ not json", "x", registry));
        try {
            parsePolicy("{\"name\":" + std::string(100000, '[') + std::string(100000, ']') + "}",
                        "deep.json", registry);
            QFAIL("a policy nested 100,000 deep must be refused");
        } catch (const PolicyError &e) {
            QVERIFY2(std::string(e.what()) ==
                         "policy deep.json: JSON nested deeper than 64 levels at column 72",
                     e.what());
        }
    }

    void loadsAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("policy.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(defaultPolicy(registry).document.dump(2)));
        f.close();
        QCOMPARE(loadPolicyFile(path.toStdString(), registry).sha256, defaultPolicy(registry).sha256);
        QVERIFY_THROWS_EXCEPTION(PolicyError, loadPolicyFile("/nonexistent/policy.json", registry));
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "test_policy.moc"
