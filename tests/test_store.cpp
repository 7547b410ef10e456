#include "TestStoreLocation.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/OpenStore.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "store/WalRestarts.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <filesystem>

using namespace baton::store;

class TestStore : public QObject
{
    Q_OBJECT

    QString path(const QTemporaryDir &dir, const char *name) { return dir.filePath(name); }

    // A bare connection for the statement tests: in memory on SQLite, a database of its own
    // on PostgreSQL (no schema: the tests make their tables).
    static Database scratch(const QTemporaryDir &dir)
    {
        if (!onPostgres())
            return Database::openInMemory();
        return Database::open(testStoreLocation(dir.filePath("scratch").toStdString()));
    }

    // Loads an SQL fixture (a store frozen at an old schema version) into a new file.
    void loadFixture(const QString &target, const QString &fixture)
    {
        QFile f(QStringLiteral(BATON_TEST_DATA "/") + fixture);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        Database raw = Database::open(target.toStdString(), {.quickCheck = false});
        raw.exec(f.readAll().toStdString());
    }

    // A store with a table of 2,000 rows after the schema, all in the main file.
    static void storeWithFiller(const QString &file)
    {
        auto db = openStore(file.toStdString());
        db.exec("CREATE TABLE filler (v TEXT)");
        db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                "INSERT INTO filler SELECT printf('%0200d', i) FROM n");
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }

private slots:
    void opensNewStoreInWalWithSchema()
    {
        if (onPostgres())
            QSKIP("WAL, PRAGMAs and sqlite_schema are SQLite's: aNewStoreHasTheSchema covers "
                  "PostgreSQL");
        QTemporaryDir dir;
        auto db = openStore(path(dir, "a/b/store.sqlite").toStdString());
        QVERIFY(QFile::exists(path(dir, "a/b/store.sqlite")));
        auto mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.textAt(0), std::string("wal"));
        auto fk = db.prepare("PRAGMA foreign_keys");
        QVERIFY(fk.step());
        QCOMPARE(fk.int64At(0), 1);
        auto sync = db.prepare("PRAGMA synchronous");
        QVERIFY(sync.step());
        QCOMPARE(sync.int64At(0), 1); // NORMAL
        QCOMPARE(db.userVersion(), latestSchemaVersion());
        for (const char *table :
             {"accounts", "leads", "events", "enrichment", "contracts", "ingest_batches",
              "quarantine", "sync_cursors", "sync_files", "lead_identities", "contract_usage"}) {
            auto st =
                db.prepare("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?");
            st.bind(1, table);
            QVERIFY(st.step());
            QVERIFY2(st.int64At(0) == 1, table);
        }
    }

    // A new store at the latest version with Baton's tables, on either engine.
    void aNewStoreHasTheSchema()
    {
        QTemporaryDir dir;
        auto db = openStore(testStoreLocation(path(dir, "new.sqlite").toStdString()));
        QCOMPARE(db.userVersion(), latestSchemaVersion());
        const char *exists =
            db.engine() == Engine::Postgres
                ? "SELECT count(*) FROM pg_tables WHERE tablename = ?"
                : "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?";
        for (const char *table :
             {"accounts", "leads", "events", "enrichment", "contracts", "ingest_batches",
              "quarantine", "sync_cursors", "sync_files", "lead_identities", "contract_usage",
              "briefs", "review_actions", "audit_log", "outbox"}) {
            auto st = db.prepare(exists);
            st.bind(1, table);
            QVERIFY(st.step());
            QVERIFY2(st.int64At(0) == 1, table);
        }
    }

    void statementBindsAndReadsTypes()
    {
        QTemporaryDir dir;
        auto db = scratch(dir);
        db.exec(db.engine() == Engine::Postgres
                    ? "CREATE TABLE t (i BIGINT, r DOUBLE PRECISION, s TEXT, b BYTEA, n TEXT)"
                    : "CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)");
        auto insert = db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)");
        const std::uint8_t bytes[] = {0, 1, 255};
        insert.bind(1, std::int64_t(1) << 40).bind(2, 2.5).bind(3, std::string_view("grüße"));
        insert.bindBlob(4, bytes).bind(5, nullptr);
        insert.run();
        auto select = db.prepare("SELECT i, r, s, b, n FROM t");
        QVERIFY(select.step());
        QCOMPARE(select.int64At(0), std::int64_t(1) << 40);
        QCOMPARE(select.doubleAt(1), 2.5);
        QCOMPARE(select.textAt(2), std::string("grüße"));
        QCOMPARE(select.blobAt(3), std::vector<std::uint8_t>({0, 1, 255}));
        QVERIFY(select.isNull(4));
        QVERIFY(!select.optionalTextAt(4).has_value());
        QVERIFY(!select.step());

        Statement moved = std::move(select);
        QVERIFY(moved.isValid());
        QVERIFY(!select.isValid()); // NOLINT: testing the moved-from state
    }

    void cachedStatementsAreReusedAndReset()
    {
        QTemporaryDir dir;
        auto db = scratch(dir);
        db.exec("CREATE TABLE t (v INTEGER)");
        Statement *first = &db.cached("INSERT INTO t VALUES (?)");
        first->bind(1, 1);
        first->step();
        Statement *second = &db.cached("INSERT INTO t VALUES (?)");
        QCOMPARE(first, second);
        second->bind(1, 2);
        second->run();
        auto count = db.prepare("SELECT sum(v) FROM t");
        QVERIFY(count.step());
        QCOMPARE(count.int64At(0), 3);
    }

    void errorsNameTheStatement()
    {
        QTemporaryDir dir;
        auto db = scratch(dir);
        try {
            // SQLite refuses it when preparing, PostgreSQL when it first runs.
            db.prepare("SELECT * FROM no_such_table").step();
            QFAIL("expected StoreError");
        } catch (const StoreError &e) {
            QVERIFY(QString(e.what()).contains("no_such_table"));
        }
        db.exec("CREATE TABLE u (v INTEGER UNIQUE)");
        db.exec("INSERT INTO u VALUES (1)");
        auto dup = db.prepare("INSERT INTO u VALUES (1)");
        QVERIFY_THROWS_EXCEPTION(StoreError, dup.run());
    }

    void transactionRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        auto db = openStore(testStoreLocation(path(dir, "s.sqlite").toStdString()));
        db.exec("CREATE TABLE t (v INTEGER)");
        {
            Transaction tx(db);
            db.exec("INSERT INTO t VALUES (1)");
        }
        {
            Transaction tx(db);
            db.exec("INSERT INTO t VALUES (2)");
            tx.commit();
        }
        auto st =
            db.prepare(db.engine() == Engine::Postgres ? "SELECT string_agg(v::text, ',') FROM t"
                                                       : "SELECT group_concat(v) FROM t");
        QVERIFY(st.step());
        QCOMPARE(st.textAt(0), std::string("2"));
        QVERIFY(!db.inTransaction());
    }

    void refusesAFileThatIsNotADatabase()
    {
        if (onPostgres())
            QSKIP("about a file that is not SQLite's");
        QTemporaryDir dir;
        const QString file = path(dir, "notes.sqlite");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("Name,Email\nAna,ana@example.com\n").repeated(200));
        f.close();
        try {
            openStore(file.toStdString());
            QFAIL("expected StoreError");
        } catch (const StoreError &e) {
            const QString what = e.what();
            QVERIFY2(what.contains(file), qPrintable(what));
            QVERIFY2(what.contains("not a SQLite database"), qPrintable(what));
        }
    }

    void refusesAForeignSqliteDatabase()
    {
        if (onPostgres())
            QSKIP("about a foreign SQLite file");
        QTemporaryDir dir;
        const QString file = path(dir, "other.sqlite");
        {
            auto other = Database::open(file.toStdString());
            other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
        }
        try {
            openStore(file.toStdString());
            QFAIL("expected StoreError");
        } catch (const StoreError &e) {
            QVERIFY2(QString(e.what()).contains("not a Baton store"), e.what());
        }
    }

    void reportsADamagedStore()
    {
        if (onPostgres())
            QSKIP("damages a SQLite file's pages: PostgreSQL checks its own");
        QTemporaryDir dir;
        const QString file = path(dir, "damaged.sqlite");
        storeWithFiller(file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 40 * 4096);
        // Scribble over interior pages, leaving the header intact.
        for (qint64 page = 10; page < 40; page += 3) {
            f.seek(page * 4096);
            f.write(QByteArray(4096, '\x5a'));
        }
        f.close();
        try {
            openStore(file.toStdString());
            QFAIL("expected StoreError for a damaged store");
        } catch (const StoreError &e) {
            const QString what = e.what();
            QVERIFY2(what.contains(file), qPrintable(what));
            QVERIFY2(what.contains("damaged") || what.contains("malformed"), qPrintable(what));
        }
    }

    // Above the size that is read page by page on open, damage to a table's pages is found
    // on request (`baton check`), while the header and schema are still checked on open.
    void aBigStoreIsCheckedPageByPageOnRequest()
    {
        if (onPostgres())
            QSKIP("damages a SQLite file's pages: PostgreSQL checks its own");
        QTemporaryDir dir;
        const QString file = path(dir, "big.sqlite");
        storeWithFiller(file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 pages = f.size() / 4096;
        for (qint64 page = pages - 40; page < pages - 5; page += 3) { // the filler's pages
            f.seek(page * 4096);
            f.write(QByteArray(4096, '\x5a'));
        }
        f.close();
        QVERIFY_THROWS_EXCEPTION(StoreError, Database::open(file.toStdString()));
        auto big = Database::open(file.toStdString(), {.quickCheckUpToBytes = 4096});
        QVERIFY(!big.checkIntegrity(false).empty());
        QVERIFY(!big.checkIntegrity(true).empty());
    }

    void migratesAVersion1FixtureKeepingData()
    {
        if (onPostgres())
            QSKIP("a v1 store is SQLite's: PostgreSQL stores start at v16");
        QTemporaryDir dir;
        const QString file = path(dir, "v1.sqlite");
        loadFixture(file, QStringLiteral("store_v1.sql"));
        {
            auto raw = Database::open(file.toStdString());
            QCOMPARE(raw.userVersion(), 1);
        }
        auto db = openStore(file.toStdString());
        QCOMPARE(db.userVersion(), latestSchemaVersion());
        auto leads = db.prepare("SELECT email FROM leads ORDER BY id");
        QVERIFY(leads.step());
        QCOMPARE(leads.textAt(0), std::string("ana.ruiz@example.com"));
        auto events = db.prepare("SELECT count(*) FROM events");
        QVERIFY(events.step());
        QCOMPARE(events.int64At(0), 3);
        db.exec("INSERT INTO sync_cursors (folder, last_synced_at) VALUES ('/tmp/x', 'now')");
    }

    // v3 -> v4: the briefs a run wrote before review existed get the inbox's columns, join
    // the search index when it catches up, and start with an empty, verifiable audit log.
    void migratesAVersion3FixtureIntoReview()
    {
        if (onPostgres())
            QSKIP("a v3 store is SQLite's: PostgreSQL stores start at v16");
        QTemporaryDir dir;
        const QString file = path(dir, "v3.sqlite");
        loadFixture(file, QStringLiteral("store_v3.sql"));
        {
            auto raw = Database::open(file.toStdString());
            QCOMPARE(raw.userVersion(), 3);
        }
        auto db = openStore(file.toStdString());
        QCOMPARE(db.userVersion(), latestSchemaVersion());
        auto brief = db.prepare("SELECT lead_name, company, version, edited IS NULL FROM briefs");
        QVERIFY(brief.step());
        QCOMPARE(brief.textAt(0), std::string("Ana Ruiz"));
        QCOMPARE(brief.textAt(1), std::string("Nordwind Logistik GmbH"));
        QCOMPARE(brief.int64At(2), 1);
        QCOMPARE(brief.int64At(3), 1);
        auto waiting = db.prepare("SELECT count(*) FROM briefs WHERE id > (SELECT "
                                  "indexed_through FROM search_index_state)");
        QVERIFY(waiting.step());
        QCOMPARE(waiting.int64At(0), 1);
        auto audit = db.prepare("SELECT count(*) FROM audit_log");
        QVERIFY(audit.step());
        QCOMPARE(audit.int64At(0), 0);
        // The table was rebuilt with the JSON last, keys checked, and keys are on again.
        std::vector<std::string> columns;
        auto info = db.prepare("SELECT name FROM pragma_table_info('briefs') ORDER BY cid");
        while (info.step())
            columns.push_back(info.textAt(0));
        // (v8 then added three small columns, read through the covering index briefs_kpi,
        // and v11 the packed inputs list, read with the brief.)
        const auto edited = std::find(columns.begin(), columns.end(), std::string("edited"));
        QVERIFY(edited != columns.end() && edited != columns.begin());
        QCOMPARE(*(edited - 1), std::string("brief"));
        QCOMPARE(std::vector<std::string>(edited + 1, columns.end()),
                 (std::vector<std::string>{"completeness", "signal_at", "pipeline_ms", "inputs"}));
        // Briefs from before v11 stay whole and read as they were.
        auto whole = db.prepare("SELECT count(*) FROM briefs WHERE inputs IS NULL");
        QVERIFY(whole.step());
        QCOMPARE(whole.int64At(0), 1);
        auto keys = db.prepare("PRAGMA foreign_keys");
        QVERIFY(keys.step());
        QCOMPARE(keys.int64At(0), 1);
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 db.exec("INSERT INTO review_actions (brief_id, version, action, "
                                         "actor, role, os_user, status_before, status_after, at) "
                                         "VALUES (99, 1, 'approve', 'a', 'rep', 'u', 'x', 'y', "
                                         "'t')"));
    }

    void aFailedMigrationStepLeavesTheStoreAtItsVersion()
    {
        if (onPostgres())
            QSKIP("steps from v1 are SQLite's: PostgreSQL stores start at v16");
        QTemporaryDir dir;
        const QString file = path(dir, "v1-clash.sqlite");
        loadFixture(file, QStringLiteral("store_v1.sql"));
        {
            auto raw = Database::open(file.toStdString());
            raw.exec("CREATE TABLE sync_files (x)"); // v2 creates this: the step must fail whole
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, openStore(file.toStdString()));
        auto raw = Database::open(file.toStdString());
        QCOMPARE(raw.userVersion(), 1);
        auto st = raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sync_cursors'");
        QVERIFY(st.step());
        QCOMPARE(st.int64At(0), 0); // sync_cursors (created first in v2) was rolled back
    }

    void refusesAStoreFromANewerBaton()
    {
        QTemporaryDir dir;
        const QString file =
            QString::fromStdString(testStoreLocation(path(dir, "future.sqlite").toStdString()));
        {
            auto db = openStore(file.toStdString());
            db.exec(db.engine() == Engine::Postgres ? "UPDATE baton_schema SET version = 99"
                                                    : "PRAGMA user_version = 99");
        }
        try {
            openStore(file.toStdString());
            QFAIL("expected StoreError");
        } catch (const StoreError &e) {
            QVERIFY2(QString(e.what()).contains("newer"), e.what());
        }
    }

    // Transactions of one 200 KB blob each: about 50 pages through the WAL apiece.
    static void writeBlobs(Database &db, int transactions)
    {
        auto &insert = db.cached("INSERT INTO blobs (b) VALUES (randomblob(200000))");
        for (int i = 0; i < transactions; ++i) {
            Transaction tx(db);
            insert.run();
            tx.commit();
        }
    }

    static std::int64_t walFrames(const QString &file)
    {
        const auto wal = std::filesystem::path(file.toStdString() + "-wal");
        return std::filesystem::exists(wal)
                   ? static_cast<std::int64_t>(std::filesystem::file_size(wal) / 4120)
                   : 0;
    }

    void aWriterWalStartsOverInsteadOfGrowing()
    {
        if (onPostgres())
            QSKIP("about SQLite's WAL file");
        QTemporaryDir dir;
        const QString file = path(dir, "restarts.sqlite");
        auto db = openStore(file.toStdString());
        db.exec("CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BLOB)");
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        {
            WalRestarts restarts(db, 256);
            writeBlobs(db, 40); // ~2,000 pages through the WAL
            QVERIFY2(restarts.restarts() >= 5, qPrintable(QString::number(restarts.restarts())));
            QCOMPARE(restarts.busy(), 0);
            // The file never held much more than the limit plus one transaction.
            QVERIFY2(walFrames(file) < 256 + 120, qPrintable(QString::number(walFrames(file))));
        }
        auto count = db.prepare("SELECT count(*), sum(length(b)) FROM blobs");
        QVERIFY(count.step());
        QCOMPARE(count.int64At(0), 40);
        QCOMPARE(count.int64At(1), 40 * 200000);
        // SQLite's own automatic checkpoints are back.
        auto pragma = db.prepare("PRAGMA wal_autocheckpoint");
        QVERIFY(pragma.step());
        QCOMPARE(pragma.int64At(0), 1000);
    }

    void aReaderOnOldFramesHoldsRestartsOffWithoutLosingWrites()
    {
        if (onPostgres())
            QSKIP("about SQLite's WAL file");
        QTemporaryDir dir;
        const QString file = path(dir, "held.sqlite");
        auto db = Database::open(file.toStdString());
        db.exec("CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BLOB)");
        writeBlobs(db, 1);
        auto reader = Database::open(file.toStdString(), {.quickCheck = false});
        reader.exec("BEGIN");
        auto seen = reader.prepare("SELECT count(*) FROM blobs");
        QVERIFY(seen.step());
        QCOMPARE(seen.int64At(0), 1);
        seen.reset();
        {
            WalRestarts restarts(db, 256, 20);
            QElapsedTimer held;
            held.start();
            writeBlobs(db, 40); // ~2,000 frames
            // Held off, each time for the 20 ms asked (not the connection's 5 s), and tried
            // again after 512, then 1,024 more frames, not on every commit.
            QCOMPARE(restarts.restarts(), 0);
            QVERIFY2(restarts.busy() >= 2 && restarts.busy() <= 3, // every 256: 7
                     qPrintable(QString::number(restarts.busy())));
            QVERIFY2(held.elapsed() < 2000, qPrintable(QString::number(held.elapsed())));
            // The reader still sees its snapshot.
            QVERIFY(seen.step());
            QCOMPARE(seen.int64At(0), 1);
            seen.reset();
            reader.exec("COMMIT");
            writeBlobs(db, 45); // past the next attempt, now 2,048 frames on
            QVERIFY(restarts.restarts() >= 1);
        }
        QVERIFY(seen.step());
        QCOMPARE(seen.int64At(0), 86);
    }

    // Every event names a batch that exists, and a batch with events stays: SQLite's foreign
    // key, PostgreSQL's per-statement triggers (v19).
    void anEventsBatchExistsAndStays()
    {
        QTemporaryDir dir;
        auto db = openStore(testStoreLocation(path(dir, "batches.sqlite").toStdString()));
        db.exec("INSERT INTO ingest_batches (id, source_system, format, file_name, file_sha256, "
                "file_size, started_at) VALUES (7, 'web', 'jsonl', 'a.jsonl', 'x', 1, "
                "'2026-11-01T00:00:00Z')");
        const auto insert = [&](std::int64_t batch, const char *id) {
            auto st = db.prepare("INSERT INTO events (source_system, source_id, batch_id, "
                                 "content_hash, contract_version, lead_system, lead_ref, type, "
                                 "occurred_at) VALUES ('web', ?, ?, ?, 1, 'web', 'l', "
                                 "'page_view', '2026-11-01T00:00:00Z')");
            const std::uint8_t hash[] = {0};
            st.bindAll(id, batch);
            st.bindBlob(3, hash);
            st.run();
        };
        insert(7, "e1");
        QVERIFY_THROWS_EXCEPTION(StoreError, insert(8, "e2"));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 db.exec("UPDATE events SET batch_id = 9 WHERE source_id = 'e1'"));
        QVERIFY_THROWS_EXCEPTION(StoreError, db.exec("DELETE FROM ingest_batches WHERE id = 7"));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 db.exec("UPDATE ingest_batches SET id = 70 WHERE id = 7"));
        db.exec("UPDATE ingest_batches SET status = 'done' WHERE id = 7"); // other columns may
        db.exec("DELETE FROM events");
        db.exec("DELETE FROM ingest_batches WHERE id = 7"); // ...and without events it may go
        auto left = db.prepare("SELECT count(*) FROM ingest_batches");
        QVERIFY(left.step());
        QCOMPARE(left.int64At(0), 0);
    }

    void migrationsAreOrderedAndComplete()
    {
        int expected = 1;
        for (const Migration &m : migrations()) {
            QCOMPARE(m.version, expected++);
            QVERIFY(!m.title.empty());
        }
        QCOMPARE(latestSchemaVersion(), expected - 1);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
