#include "UiTestStore.h"

#include "ingest/IngestQueries.h"
#include "models/BatchTableModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QTest>

using baton::ui::BatchTableModel;

class TestBatchTableModel : public QObject
{
    Q_OBJECT

private:
    static constexpr int kBatches = BatchTableModel::DefaultPageSize + 7;
    std::unique_ptr<UiTestStore> m_store;
    std::unique_ptr<baton::ingest::IngestQueries> m_queries;
    qint64 m_mixedBatch = 0;
    qint64 m_failedBatch = 0;

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<UiTestStore>();
        // More batches than a page: one small export per day, each its own content.
        for (int i = 0; i < kBatches - 2; ++i) {
            const auto r = m_store->import(
                QStringLiteral("hubspot-contacts-%1.csv").arg(i, 3, 10, QLatin1Char('0')),
                hubspotCsv(1000 + i, 1));
            QVERIFY(r.batchId > 0);
        }
        // Three rows, the second with an email HubSpot would never have accepted.
        const auto mixed = m_store->import(QStringLiteral("mixed-export.csv"),
                                           hubspotCsv(5000, 3, [](int i) { return i == 1; }));
        m_mixedBatch = mixed.batchId;
        QCOMPARE(mixed.counts.quarantined, 1);
        // A file no source can read: the batch fails as a whole.
        const auto failed = m_store->import(QStringLiteral("notes.csv"), "Name,Comment\nfoo,bar\n");
        QVERIFY(failed.failed);
        m_failedBatch = failed.batchId;
        QVERIFY(m_failedBatch > m_mixedBatch);
        m_queries = std::make_unique<baton::ingest::IngestQueries>(m_store->db);
    }

    void cleanupTestCase()
    {
        m_queries.reset();
        m_store.reset();
    }

    void emptyStore()
    {
        UiTestStore empty;
        baton::ingest::IngestQueries queries(empty.db);
        BatchTableModel model(queries);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(BatchTableModel::ColumnCount));
        QVERIFY(!model.canFetchMore({}));
    }

    void pagesThroughAllBatches()
    {
        BatchTableModel model(*m_queries);
        QCOMPARE(model.totalCount(), qint64(kBatches));
        QCOMPARE(model.rowCount(), BatchTableModel::DefaultPageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), kBatches);
        QVERIFY(!model.canFetchMore({}));
        // The tester (which itself calls fetchMore) once every page is in.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({}); // nothing left: a no-op
        QCOMPARE(model.rowCount(), kBatches);

        // Newest first, no batch twice.
        QSet<qint64> seen;
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 id = model.index(row, 0).data(BatchTableModel::BatchIdRole).toLongLong();
            QVERIFY(id < previous);
            previous = id;
            seen.insert(id);
        }
        QCOMPARE(seen.size(), kBatches);
        QCOMPARE(model.index(0, 0).data(BatchTableModel::BatchIdRole).toLongLong(), m_failedBatch);
    }

    void smallerPages()
    {
        BatchTableModel model(*m_queries);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(50);
        model.refresh();
        QCOMPARE(model.rowCount(), 50);
        int fetches = 0;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            ++fetches;
        }
        QCOMPARE(fetches, (kBatches - 1) / 50);
        QCOMPARE(model.rowCount(), kBatches);
    }

    void rolesOfAMixedBatch()
    {
        BatchTableModel model(*m_queries);
        const int row = model.rowOfBatch(m_mixedBatch);
        QCOMPARE(row, 1);
        auto at = [&](int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(at(BatchTableModel::IdColumn).toLongLong(), m_mixedBatch);
        QCOMPARE(at(BatchTableModel::FileColumn).toString(), QStringLiteral("mixed-export.csv"));
        QCOMPARE(at(BatchTableModel::SourceColumn).toString(), QStringLiteral("hubspot"));
        QCOMPARE(at(BatchTableModel::StatusColumn).toString(), QStringLiteral("Done"));
        QCOMPARE(at(BatchTableModel::ReadColumn).toLongLong(), 3);
        QCOMPARE(at(BatchTableModel::AcceptedColumn).toLongLong(), 2);
        QCOMPARE(at(BatchTableModel::InsertedColumn).toLongLong(), 2);
        QCOMPARE(at(BatchTableModel::QuarantinedColumn).toLongLong(), 1);
        QVERIFY(at(BatchTableModel::QuarantinedColumn, Qt::ForegroundRole).value<QColor>().isValid());
        QVERIFY(!at(BatchTableModel::DurationColumn).toString().isEmpty());
        QVERIFY(!at(BatchTableModel::StartedColumn).toString().isEmpty());
        QVERIFY(at(BatchTableModel::ReadColumn, Qt::TextAlignmentRole).value<int>() & Qt::AlignRight);
        QCOMPARE(at(0, BatchTableModel::BatchIdRole).toLongLong(), m_mixedBatch);
        QCOMPARE(at(0, BatchTableModel::StatusRole).toString(), QStringLiteral("done"));
        QVERIFY(at(0, BatchTableModel::FilePathRole).toString().endsWith(QStringLiteral("mixed-export.csv")));
        QVERIFY(at(0, BatchTableModel::ErrorRole).toString().isEmpty());
        QVERIFY(at(0, BatchTableModel::StartedAtRole).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(model.headerData(BatchTableModel::QuarantinedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Quarantined"));
        QCOMPARE(model.batchAt(row)->id, m_mixedBatch);
        QCOMPARE(model.batchAt(-1), nullptr);
    }

    void failedBatchStandsOut()
    {
        BatchTableModel model(*m_queries);
        const QModelIndex status = model.index(0, BatchTableModel::StatusColumn);
        QCOMPARE(status.data(BatchTableModel::StatusRole).toString(), QStringLiteral("failed"));
        QCOMPARE(status.data().toString(), QStringLiteral("Failed"));
        const QColor color = status.data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(color.isValid());
        QVERIFY(color.red() > color.green());
        QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!status.data(BatchTableModel::ErrorRole).toString().isEmpty());
        // Escaped: a stored error is never rendered as markup.
        QVERIFY(status.data(Qt::ToolTipRole).toString().contains(
            status.data(BatchTableModel::ErrorRole).toString().toHtmlEscaped()));
    }

    void filterNarrowsAndReloads()
    {
        BatchTableModel model(*m_queries);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilterText(QStringLiteral("mixed-export"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.totalCount(), 1);
        QVERIFY(!model.canFetchMore({}));
        model.setFilterText(QStringLiteral("failed"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(BatchTableModel::BatchIdRole).toLongLong(), m_failedBatch);
        model.setFilterText(QStringLiteral("hubspot-contacts-00"));
        QCOMPARE(model.rowCount(), 10);
        model.setFilterText(QStringLiteral("100%_")); // LIKE wildcards are taken literally
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(QString());
        QCOMPARE(model.totalCount(), qint64(kBatches));
    }

    void refreshSeesNewBatches()
    {
        BatchTableModel model(*m_queries);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        UiTestStore &s = *m_store;
        BatchTableModel other(*m_queries);
        const auto r = s.import(QStringLiteral("late-export.csv"), hubspotCsv(9000, 2));
        QVERIFY(r.batchId > 0);
        // Paging on from an older snapshot neither repeats nor invents rows.
        while (other.canFetchMore({}))
            other.fetchMore({});
        QCOMPARE(other.rowCount(), kBatches);
        model.refresh();
        QCOMPARE(model.totalCount(), qint64(kBatches + 1));
        QCOMPARE(model.index(0, 0).data(BatchTableModel::BatchIdRole).toLongLong(), r.batchId);
    }
};

QTEST_MAIN(TestBatchTableModel)
#include "test_batch_table_model.moc"
