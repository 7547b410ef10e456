#include "TestStoreLocation.h"
#include "KpiFixture.h"
#include "TestContexts.h"
#include "contracts/ContractRegistry.h"
#include "pages/ContractsPage.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

// The Contracts page on the fixed store of test_telemetry: read off the ui thread, every
// version listed with what arrived under it, the drift and the violations by field and day.
class TestContractsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_path;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("contracts.sqlite")).toStdString();
        auto db = store::openStore(testStoreLocation(m_path));
        loadKpiFixture(db);
        db.exec("INSERT INTO contract_drift (batch_id, contract, version, field, records) VALUES "
                "(1, 'lead', 2, 'properties/Industry', 7)");
    }

    void listsVersionsDriftAndViolations()
    {
        const auto registry = contracts::ContractRegistry::builtIn();
        FakeMessageBoxes boxes;
        FakeReviewDialogs dialogs;
        TestContexts contexts(boxes, dialogs);
        auto db = store::openStore(testStoreLocation(m_path));
        const FixedClock clock(*util::parseRfc3339("2026-11-05T00:00:00Z"));
        ui::ContractsPage page(contexts.make(db, registry, QString(), &clock));
        QSignalSpy refreshed(&page, &ui::ContractsPage::refreshed);
        page.show();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(page.versions()->rowCount(), int(registry.versions().size()));
        QCOMPARE(page.drift()->rowCount(), 1);
        QCOMPARE(page.drift()->item(0, 1)->text(), QStringLiteral("properties/Industry"));
        QCOMPARE(page.drift()->item(0, 2)->data(Qt::DisplayRole).toLongLong(), 7);
        bool email = false;
        for (int row = 0; row < page.violations()->rowCount(); ++row)
            if (page.violations()->item(row, 1)->text() == QLatin1String("email")) {
                email = true;
                QCOMPARE(page.violations()->item(row, 3)->data(Qt::DisplayRole).toLongLong(), 2);
                QCOMPARE(page.violations()->item(row, 4)->data(Qt::DisplayRole).toLongLong(), 43);
            }
        QVERIFY(email);
        // F5 reads again.
        QTest::keyClick(&page, Qt::Key_F5);
        QVERIFY(refreshed.wait(10000));
    }
};

QTEST_MAIN(TestContractsPage)
#include "test_contracts_page.moc"
