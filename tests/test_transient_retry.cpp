#include "TestStoreLocation.h"
#include "store/OpenStore.h"
#include "store/Transaction.h"
#include "store/TransientRetry.h"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <barrier>
#include <thread>

using namespace baton;

// Two transactions that lock the same rows in opposite orders deadlock on PostgreSQL; the
// server gives one up, and retryTransient runs it again: both take effect, once each.
class TestTransientRetry : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void aDeadlockedTransactionIsTriedAgain()
    {
        if (!onPostgres())
            QSKIP("SQLite has one writer at a time: no deadlock to break");
        const std::string location =
            testStoreLocation(m_dir.filePath("retry.sqlite").toStdString());
        {
            auto db = store::openStore(location);
            db.exec("CREATE TABLE pair (id BIGINT PRIMARY KEY, v BIGINT NOT NULL); "
                    "INSERT INTO pair VALUES (1, 0), (2, 0)");
        }
        std::barrier bothHoldOne(2);
        std::atomic<int> attempts = 0, gaveUp = 0;
        const auto worker = [&](int first, int second) {
            auto db = store::openStore(location);
            bool firstAttempt = true;
            try {
                store::retryTransient([&] {
                    ++attempts;
                    store::Transaction tx(db);
                    db.exec("UPDATE pair SET v = v + 1 WHERE id = " + std::to_string(first));
                    if (firstAttempt) {
                        firstAttempt = false;
                        bothHoldOne.arrive_and_wait();
                    }
                    db.exec("UPDATE pair SET v = v + 1 WHERE id = " + std::to_string(second));
                    tx.commit();
                });
            } catch (const store::StoreError &) {
                ++gaveUp;
            }
        };
        std::thread a(worker, 1, 2), b(worker, 2, 1);
        a.join();
        b.join();
        QCOMPARE(gaveUp.load(), 0);
        QCOMPARE(attempts.load(), 3); // one of them twice
        auto db = store::openStore(location);
        auto st = db.prepare("SELECT sum(v) FROM pair");
        QVERIFY(st.step());
        QCOMPARE(st.int64At(0), 4); // each transaction once: two rows, two each
    }
};

QTEST_GUILESS_MAIN(TestTransientRetry)
#include "test_transient_retry.moc"
