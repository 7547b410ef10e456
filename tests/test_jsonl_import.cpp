#include "TempStore.h"

#include <QFile>
#include <QTest>

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(BATON_TEST_DATA "/jsonl/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestJsonlImport : public QObject
{
    Q_OBJECT
private slots:
    void importsEveryContract()
    {
        TempStore s;
        const QByteArray data = readData("mixed.jsonl");
        const auto r = s.import(QStringLiteral("mixed.jsonl"), data);
        QVERIFY2(!r.failed, r.error.c_str());
        QCOMPARE(r.format, std::string("jsonl"));
        QCOMPARE(r.counts.read, 5);
        QCOMPARE(r.counts.accepted, 5);
        QCOMPARE(r.counts.deprecated, 1); // engagement_event@1 is deprecated at the test's "now"
        QCOMPARE(s.scalar("SELECT count(*) FROM accounts WHERE domain = 'acme.com' AND employees = 420"), 1);
        QCOMPARE(s.scalar("SELECT count(*) FROM leads WHERE contract_version = 3"), 1);
        QCOMPARE(s.text("SELECT occurred_at FROM events WHERE source_id = 'ev-1'"),
                 QStringLiteral("2026-11-02T14:00:00.250Z"));
        QCOMPARE(s.scalar("SELECT contract_version FROM events WHERE source_id = 'ev-2'"), 1);
        QCOMPARE(s.text("SELECT subject_key FROM enrichment"), QStringLiteral("acme.com"));
        QCOMPARE(s.scalar("SELECT records FROM contract_usage WHERE contract = 'engagement_event' AND version = 1"), 1);
        QCOMPARE(s.scalar("SELECT count(*) FROM lead_identities"), 2);
    }

    // Text reaches the store byte for byte, whatever it holds: PostgreSQL's COPY escapes
    // backslashes, tabs and line ends, SQLite binds them.
    void keepsEveryCharacterOfAValue()
    {
        TempStore s;
        const QByteArray data =
            R"({"contract":"engagement_event","version":2,"record":{"source_system":"website","source_id":"ev-x","lead":{"source_system":"website","source_id":"w-1"},"type":"pricing_page_view","occurred_at":"2026-11-03T09:00:00Z","asset":"a\\b\tc\nd\re \\N f","attributes":{"q":"x\ty"}}})"
            "\n";
        const auto r = s.import(QStringLiteral("odd.jsonl"), data);
        QVERIFY2(!r.failed, r.error.c_str());
        QCOMPARE(r.counts.accepted, 1);
        QCOMPARE(s.text("SELECT asset FROM events WHERE source_id = 'ev-x'"),
                 QStringLiteral("a\\b\tc\nd\re \\N f"));
        QCOMPARE(s.text("SELECT attributes FROM events WHERE source_id = 'ev-x'"),
                 QStringLiteral(R"({"q":"x\ty"})"));
    }

    void quarantinesWhatTheContractsRefuse()
    {
        TempStore s;
        const QByteArray data = readData("bad.jsonl");
        const auto r = s.import(QStringLiteral("bad.jsonl"), data);
        QCOMPARE(r.counts.read, 9);
        QCOMPARE(r.counts.accepted, 1);
        QCOMPARE(r.counts.quarantined, 8);
        auto q = s.db.prepare("SELECT line, field, message FROM quarantine ORDER BY line");
        QStringList seen;
        while (q.step())
            seen << QStringLiteral("%1|%2|%3").arg(q.int64At(0)).arg(QString::fromStdString(q.textAt(1)),
                                                                     QString::fromStdString(q.textAt(2)));
        QCOMPARE(seen.size(), 8);
        QVERIFY2(seen[0].startsWith("2|record/shoe_size|") || seen[0].startsWith("2|record|"), qPrintable(seen[0]));
        QVERIFY2(seen[0].contains("shoe_size"), qPrintable(seen[0]));
        QVERIFY2(seen[1].startsWith("3|version|") || seen[1].startsWith("3|contract|"), qPrintable(seen[1]));
        QVERIFY2(seen[1].contains("lead@7"), qPrintable(seen[1]));
        QVERIFY2(seen[2].contains("unknown contract \"opportunity\""), qPrintable(seen[2]));
        QVERIFY2(seen[3].startsWith("5|contract|"), qPrintable(seen[3]));
        QVERIFY2(seen[4].startsWith("6|") && seen[4].contains("activity_type_id"), qPrintable(seen[4]));
        QVERIFY2(seen[5].startsWith("7|record/subject/key|") && seen[5].contains("email"), qPrintable(seen[5]));
        QVERIFY2(seen[6].startsWith("8|"), qPrintable(seen[6]));
        QVERIFY2(seen[7].startsWith("9|") && seen[7].contains("not valid JSON"), qPrintable(seen[7]));
    }

    void refusesASunsetContractVersion()
    {
        TempStore s;
        s.clock.set(*baton::util::parseRfc3339("2028-01-01T00:00:00Z")); // after lead@1's sunset
        const QByteArray data = readData("sunset.jsonl");
        const auto r = s.import(QStringLiteral("old.jsonl"), data);
        QCOMPARE(r.counts.quarantined, 1);
        QVERIFY(s.text("SELECT message FROM quarantine").contains("sunset"));
    }
};

QTEST_GUILESS_MAIN(TestJsonlImport)
#include "test_jsonl_import.moc"
