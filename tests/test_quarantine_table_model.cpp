#include "UiTestStore.h"

#include "ingest/IngestQueries.h"
#include "models/QuarantineTableModel.h"
#include "widgets/QuarantineDetail.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using baton::ui::QuarantineTableModel;

class TestQuarantineTableModel : public QObject
{
    Q_OBJECT

private:
    static constexpr int kBadInBig = QuarantineTableModel::DefaultPageSize + 20;
    std::unique_ptr<UiTestStore> m_store;
    std::unique_ptr<baton::ingest::IngestQueries> m_queries;
    qint64 m_big = 0;
    qint64 m_small = 0;

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<UiTestStore>();
        // A large export where most rows carry a broken email: more than a page of them.
        const auto big = m_store->import(QStringLiteral("hubspot-all-contacts.csv"),
                                         hubspotCsv(1, kBadInBig + 40,
                                                    [](int i) { return i < kBadInBig; }));
        QCOMPARE(big.counts.quarantined, kBadInBig);
        m_big = big.batchId;
        // A later, small one with two bad rows (positions 1 and 3: file lines 3 and 5).
        const auto small = m_store->import(QStringLiteral("tradeshow-leads.csv"),
                                           hubspotCsv(7001, 5, [](int i) { return i == 1 || i == 3; }));
        QCOMPARE(small.counts.quarantined, 2);
        m_small = small.batchId;
        m_queries = std::make_unique<baton::ingest::IngestQueries>(m_store->db);
    }

    void cleanupTestCase()
    {
        m_queries.reset();
        m_store.reset();
    }

    void pagesThroughEveryRecord()
    {
        QuarantineTableModel model(*m_queries);
        QCOMPARE(model.columnCount(), int(QuarantineTableModel::ColumnCount));
        QCOMPARE(model.totalCount(), qint64(kBadInBig + 2));
        QCOMPARE(model.rowCount(), QuarantineTableModel::DefaultPageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), kBadInBig + 2);
        QVERIFY(!model.canFetchMore({}));
        // The tester (which itself calls fetchMore) once every page is in.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Newest batch first, then in file order; every record once.
        QCOMPARE(model.index(0, 0).data(QuarantineTableModel::BatchIdRole).toLongLong(), m_small);
        QCOMPARE(model.index(2, 0).data(QuarantineTableModel::BatchIdRole).toLongLong(), m_big);
        QSet<qint64> ids;
        qint64 lastLine = 0;
        for (int row = 2; row < model.rowCount(); ++row) {
            ids.insert(model.index(row, 0).data(QuarantineTableModel::QuarantineIdRole).toLongLong());
            const qint64 line = model.index(row, 0).data(QuarantineTableModel::LineRole).toLongLong();
            QVERIFY(line > lastLine);
            lastLine = line;
        }
        QCOMPARE(ids.size(), kBadInBig);
    }

    void rolesOfARecord()
    {
        QuarantineTableModel model(*m_queries);
        auto at = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
        QCOMPARE(at(QuarantineTableModel::BatchColumn).toLongLong(), m_small);
        QCOMPARE(at(QuarantineTableModel::FileColumn).toString(), QStringLiteral("tradeshow-leads.csv"));
        QCOMPARE(at(QuarantineTableModel::LineColumn).toLongLong(), 3);
        QCOMPARE(at(0, QuarantineTableModel::LineRole).toLongLong(), 3);
        QVERIFY(at(QuarantineTableModel::ContractColumn).toString().startsWith(QStringLiteral("lead")));
        QCOMPARE(at(QuarantineTableModel::FieldColumn).toString(), QStringLiteral("Email"));
        QVERIFY(!at(QuarantineTableModel::MessageColumn).toString().isEmpty());
        QVERIFY(at(0, QuarantineTableModel::RawRole).toString().contains(QStringLiteral("ana.ruiz7002(at)example")));
        const QJsonDocument errors =
            QJsonDocument::fromJson(at(0, QuarantineTableModel::ErrorsJsonRole).toString().toUtf8());
        QVERIFY(errors.isArray());
        QVERIFY(!errors.array().isEmpty());
        QVERIFY(!errors.array().first().toObject().value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(at(0, QuarantineTableModel::CreatedAtRole).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(model.headerData(QuarantineTableModel::MessageColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Message"));
        QCOMPARE(model.recordAt(0)->batchId, m_small);
        QCOMPARE(model.recordAt(model.rowCount()), nullptr);
    }

    void detailShowsEveryErrorAndTheRawRecord()
    {
        QuarantineTableModel model(*m_queries);
        baton::ui::QuarantineDetail detail;
        detail.showRecord(model.index(1, QuarantineTableModel::MessageColumn));
        QVERIFY(detail.text().contains(QStringLiteral("ana.ruiz7004(at)example")));
        QVERIFY(detail.text().contains(QStringLiteral("Email (/email): expected a valid email address")));
        detail.showRecord({});
        QVERIFY(detail.text().isEmpty());
        const QString lines = baton::ui::QuarantineDetail::errorLines(
            QStringLiteral(R"([{"pointer":"/email","field":"Email","message":"bad"},)"
                           R"({"pointer":"/created_at","field":"Create Date","message":"no date"}])"));
        QCOMPARE(lines.count(QLatin1Char('\n')), 1);
        QVERIFY(lines.contains(QStringLiteral("Create Date (/created_at): no date")));
    }

    void batchFilter()
    {
        QuarantineTableModel model(*m_queries);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBatchFilter(m_small);
        QCOMPARE(model.batchFilter(), std::optional<qint64>(m_small));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.canFetchMore({}));
        model.setBatchFilter(m_big);
        QCOMPARE(model.totalCount(), qint64(kBadInBig));
        QCOMPARE(model.rowCount(), QuarantineTableModel::DefaultPageSize);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), kBadInBig);
        model.setBatchFilter(std::nullopt);
        QCOMPARE(model.totalCount(), qint64(kBadInBig + 2));
    }

    void textFilter()
    {
        QuarantineTableModel model(*m_queries);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilterText(QStringLiteral("tradeshow"));
        QCOMPARE(model.rowCount(), 2);
        model.setBatchFilter(m_big); // both apply
        QCOMPARE(model.rowCount(), 0);
        model.setBatchFilter(m_small);
        QCOMPARE(model.rowCount(), 2);
        model.setFilterText(QStringLiteral("Email")); // the field
        QCOMPARE(model.rowCount(), 2);
        model.setFilterText(QStringLiteral("no such text"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_MAIN(TestQuarantineTableModel)
#include "test_quarantine_table_model.moc"
