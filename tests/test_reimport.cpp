#include "TempStore.h"

#include <QTest>

// Importing the same data again changes nothing; a re-export with changed records updates
// them and keeps the previous content hash.
class TestReimport : public QObject
{
    Q_OBJECT

    const QByteArray first = "Record ID,Email,Job Title,Lifecycle Stage\n"
                             "1,a@example.com,CTO,Lead\n2,b@example.com,CFO,Lead\n3,c@example.com,COO,Lead\n";

private slots:
    void sameFileTwiceIsSkipped()
    {
        TempStore s;
        const auto a = s.import(QStringLiteral("contacts.csv"), first);
        QCOMPARE(a.counts.inserted, 3);
        const auto b = s.import(QStringLiteral("contacts.csv"), first);
        QVERIFY(b.sameAsBatch.has_value());
        QCOMPARE(*b.sameAsBatch, a.batchId);
        QCOMPARE(s.scalar("SELECT count(*) FROM ingest_batches"), 1);
        QCOMPARE(s.scalar("SELECT count(*) FROM leads"), 3);
    }

    void sameRecordsInAnotherShapeAreUnchanged()
    {
        TempStore s;
        s.import(QStringLiteral("contacts.csv"), first);
        const auto hashBefore = s.text("SELECT " + hexSql("content_hash") + " FROM leads WHERE source_id = '2'");
        // Columns reordered and quoted, CRLF: the same records, another file.
        const QByteArray reshaped = "\"Lifecycle Stage\",\"Job Title\",\"Email\",\"Record ID\"\r\n"
                                    "\"Lead\",\"CFO\",\"b@example.com\",\"2\"\r\n"
                                    "\"Lead\",\"CTO\",\"a@example.com\",\"1\"\r\n";
        const auto r = s.import(QStringLiteral("contacts-again.csv"), reshaped);
        QCOMPARE(r.counts.accepted, 2);
        QCOMPARE(r.counts.unchanged, 2);
        QCOMPARE(r.counts.inserted + r.counts.updated, 0);
        QCOMPARE(s.text("SELECT " + hexSql("content_hash") + " FROM leads WHERE source_id = '2'"), hashBefore);
        QVERIFY(s.text("SELECT updated_at FROM leads WHERE source_id = '2'").isEmpty());
    }

    void changedRecordsAreUpdatedKeepingThePreviousHash()
    {
        TempStore s;
        const auto a = s.import(QStringLiteral("contacts.csv"), first);
        const auto hashBefore = s.text("SELECT " + hexSql("content_hash") + " FROM leads WHERE source_id = '1'");
        const QByteArray second = "Record ID,Email,Job Title,Lifecycle Stage\n"
                                  "1,a@example.com,Chief Technology Officer,Marketing Qualified Lead\n"
                                  "2,b@example.com,CFO,Lead\n4,d@example.com,CEO,Lead\n";
        s.clock.set(*baton::util::parseRfc3339("2026-11-21T12:00:00Z"));
        const auto b = s.import(QStringLiteral("contacts-2.csv"), second);
        QCOMPARE(b.counts.updated, 1);
        QCOMPARE(b.counts.unchanged, 1);
        QCOMPARE(b.counts.inserted, 1);
        QCOMPARE(s.scalar("SELECT count(*) FROM leads"), 4);
        QCOMPARE(s.text("SELECT title FROM leads WHERE source_id = '1'"), QStringLiteral("Chief Technology Officer"));
        QCOMPARE(s.text("SELECT " + hexSql("previous_hash") + " FROM leads WHERE source_id = '1'"), hashBefore);
        QVERIFY(s.text("SELECT " + hexSql("content_hash") + " FROM leads WHERE source_id = '1'") != hashBefore);
        QCOMPARE(s.text("SELECT updated_at FROM leads WHERE source_id = '1'"), QStringLiteral("2026-11-21T12:00:00Z"));
        QCOMPARE(s.scalar("SELECT batch_id FROM leads WHERE source_id = '1'"), b.batchId);
        QCOMPARE(s.scalar("SELECT batch_id FROM leads WHERE source_id = '2'"), a.batchId);
    }

    void forceReimportsIdenticalContent()
    {
        TempStore s;
        s.import(QStringLiteral("contacts.csv"), first);
        baton::ingest::ImportOptions options;
        options.force = true;
        const auto r = s.import(QStringLiteral("contacts.csv"), first, options);
        QVERIFY(!r.sameAsBatch);
        QCOMPARE(r.counts.unchanged, 3);
        QCOMPARE(s.scalar("SELECT count(*) FROM leads"), 3);
    }

    void anInterruptedBatchIsCompletedByImportingAgain()
    {
        TempStore s;
        // A batch another process left running, then died: its pid is gone.
        s.db.exec("INSERT INTO ingest_batches (source_system, format, file_name, file_sha256, "
                  "file_size, status, started_at, owner_pid) VALUES ('hubspot', 'hubspot', "
                  "'contacts.csv', '" + baton::util::sha256Hex(first.toStdString()) +
                  "', 10, 'running', '2026-11-20T11:00:00Z', 999999999)");
        s.db.exec("INSERT INTO quarantine (batch_id, file_name, message, errors, created_at) "
                  "VALUES (1, 'contacts.csv', 'stale', '[]', 'x')");
        const auto r = s.import(QStringLiteral("contacts.csv"), first);
        QVERIFY(!r.sameAsBatch);
        QCOMPARE(r.counts.inserted, 3);
        QCOMPARE(s.text("SELECT status FROM ingest_batches WHERE id = 1"), QStringLiteral("interrupted"));
        QCOMPARE(s.scalar("SELECT count(*) FROM quarantine WHERE message = 'stale'"), 0);
    }

    void eventsAreCountedAsInsertedUpdatedOrUnchanged()
    {
        TempStore s;
        const QByteArray header = "marketoGUID,leadId,activityDate,activityTypeId,campaignId,"
                                  "primaryAttributeValueId,primaryAttributeValue,attributes\n";
        QByteArray first = header;
        for (int i = 0; i < 150; ++i) // more than one multi-row statement
            first += QByteArray::number(5000 + i) + ",77,2026-10-02T14:06:20Z,10,12,null,Newsletter,null\n";
        const auto a = s.import(QStringLiteral("acts-1.csv"), first);
        QCOMPARE(a.counts.inserted, 150);
        // One changed, one the same, one new, and the new one again later in the same file:
        // the later line wins, as it would row by row.
        const QByteArray second = header +
                                  "5000,77,2026-10-02T14:06:20Z,11,12,null,Newsletter,null\n"
                                  "5001,77,2026-10-02T14:06:20Z,10,12,null,Newsletter,null\n"
                                  "9999,77,2026-10-03T09:00:00Z,1,null,null,/pricing,null\n"
                                  "9999,77,2026-10-03T09:00:00Z,1,null,null,/pricing/enterprise,null\n";
        const auto b = s.import(QStringLiteral("acts-2.csv"), second);
        QCOMPARE(b.counts.read, 4);
        QCOMPARE(b.counts.inserted, 1);
        QCOMPARE(b.counts.updated, 2);
        QCOMPARE(b.counts.unchanged, 1);
        QCOMPARE(s.scalar("SELECT count(*) FROM events"), 151);
        QCOMPARE(s.text("SELECT type FROM events WHERE source_id = '5000'"), QStringLiteral("email_click"));
        QCOMPARE(s.text("SELECT asset FROM events WHERE source_id = '9999'"), QStringLiteral("/pricing/enterprise"));
        QVERIFY(!s.text("SELECT " + hexSql("previous_hash") + " FROM events WHERE source_id = '5000'").isEmpty());
        QVERIFY(s.text("SELECT " + hexSql("previous_hash") + " FROM events WHERE source_id = '5001'").isEmpty());
    }

    void largeFilesCommitInGroupsAndCountEveryRecord()
    {
        TempStore s;
        QByteArray data = "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n";
        for (int i = 0; i < 30000; ++i)
            data += QByteArray::number(1000000 + i) + "," + QByteArray::number(i % 700) +
                    ",2026-10-02T14:06:20Z,10,12,null,Newsletter,null\n";
        baton::ingest::ImportOptions options;
        options.commitEvery = 4000;
        options.workerThreads = 3;
        std::vector<qint64> progress;
        options.onProgress = [&](const baton::ingest::ImportProgress &p) { progress.push_back(p.bytesDone); };
        const auto r = s.import(QStringLiteral("big.csv"), data, options);
        QCOMPARE(r.counts.accepted, 30000);
        QCOMPARE(r.counts.inserted, 30000);
        QCOMPARE(s.scalar("SELECT count(*) FROM events"), 30000);
        QCOMPARE(s.scalar("SELECT count(DISTINCT source_id) FROM events"), 30000);
        QVERIFY(progress.size() > 10);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        QCOMPARE(progress.back(), qint64(data.size()));
    }
};

QTEST_GUILESS_MAIN(TestReimport)
#include "test_reimport.moc"
