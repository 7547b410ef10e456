#include "ApprovedStore.h"
#include "FakeSeams.h"
#include "KpiFixture.h"
#include "MainWindow.h"
#include "TestContexts.h"
#include "models/DisplayFormat.h"
#include "models/InboxTableModel.h"
#include "models/Labels.h"
#include "models/ReadableJson.h"
#include "pages/ContractsPage.h"
#include "pages/DashboardPage.h"
#include "pages/InboxPage.h"
#include "pages/LineagePage.h"
#include "pages/OutboxPage.h"
#include "store/OpenStore.h"
#include "workers/ThreadedImportRunner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <ctime>

using namespace baton;

namespace {

// Every value of E has a label a person reads: not empty, not the stored word, no "_".
template <typename E> void checkLabels(const char *vocabulary)
{
    for (const E value : util::allOf<E>()) {
        const QString text = ui::label(value);
        const QString word = ui::nameText(value);
        const QString where = QStringLiteral("%1 %2").arg(QLatin1String(vocabulary), word);
        QVERIFY2(!text.trimmed().isEmpty(), qPrintable(where));
        QVERIFY2(text != word, qPrintable(where + QStringLiteral(" is shown raw")));
        QVERIFY2(!text.contains(QLatin1Char('_')), qPrintable(where + QStringLiteral(": ") + text));
        QCOMPARE(ui::labelOf<E>(util::nameOf(value)), text);
    }
}

QDateTime utc(const char *rfc3339)
{
    return QDateTime::fromString(QLatin1String(rfc3339), Qt::ISODate);
}

} // namespace

// The console in people's words: labels for every vocabulary, times relative to the console's
// clock, numbers and percentages in the locale, people by name, a Lineage page that offers
// briefs when opened from the sidebar, dated dashboard axes, and empty views that say why.
class TestHumanWords : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    std::unique_ptr<BriefedStores> m_stores;
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_dialogs;
    FakeFileDialogs m_files;
    TestContexts m_contexts{m_messages, m_dialogs, &m_files};

private slots:
    void initTestCase()
    {
        // Local time is UTC and the locale British English, whatever the machine's.
        qputenv("TZ", "UTC");
        ::tzset();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_stores = std::make_unique<BriefedStores>(
            std::filesystem::path(m_dir.filePath(QStringLiteral("stores")).toStdString()),
            m_registry, 300, 7);
    }

    void cleanup()
    {
        m_contexts.clear();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void everyVocabularyHasAHumanLabel()
    {
        checkLabels<review::BriefStatus>("brief status");
        checkLabels<review::ReviewAction>("review action");
        checkLabels<review::Resolution>("resolution");
        checkLabels<review::EscalationCategory>("escalation category");
        checkLabels<review::RejectionReason>("rejection reason");
        checkLabels<governance::Role>("role");
        checkLabels<crm::OpStatus>("outbox status");
        checkLabels<crm::OpKind>("outbox kind");
        checkLabels<crm::Target>("CRM target");
        checkLabels<pipeline::ItemStatus>("pipeline item status");
        QCOMPARE(ui::label(review::BriefStatus::PendingReview), QStringLiteral("To review"));
        QCOMPARE(ui::label(review::RejectionReason::NotAFit), QStringLiteral("Not a fit"));
        QCOMPARE(ui::reasonLabel("fit_unclear"), QStringLiteral("Fit unclear"));
        // A word of another vocabulary stays as it is.
        QCOMPARE(ui::labelOf<review::ReviewAction>("import"), QStringLiteral("import"));
    }

    void timesReadRelativeToTheConsoleClock()
    {
        const QDateTime now = utc("2026-12-03T15:30:00Z");
        QCOMPARE(ui::relativeTime(utc("2026-12-03T14:00:00Z"), now), QStringLiteral("today 14:00"));
        QCOMPARE(ui::relativeTime(utc("2026-12-02T09:12:00Z"), now),
                 QStringLiteral("yesterday 09:12"));
        QCOMPARE(ui::relativeTime(utc("2026-12-04T08:00:00Z"), now),
                 QStringLiteral("tomorrow 08:00"));
        QCOMPARE(ui::relativeTime(utc("2026-11-03T10:00:00Z"), now), QStringLiteral("3 Nov"));
        QCOMPARE(ui::relativeTime(utc("2025-12-03T10:00:00Z"), now), QStringLiteral("3 Dec 2025"));
        QCOMPARE(ui::relativeTime(std::string("2026-12-03T14:00:00.000Z"), now),
                 QStringLiteral("today 14:00"));
        QCOMPARE(ui::relativeTime(std::string("not a time"), now), QStringLiteral("not a time"));
        QVERIFY(ui::fullTime(std::string("2026-12-03T14:00:00Z")).contains(QStringLiteral("2026")));
    }

    void numbersAndPercentagesFollowTheLocale()
    {
        QCOMPARE(ui::percentText(0.00995064), QStringLiteral("1.0 %"));
        QCOMPARE(ui::percentText(0.15, 0), QStringLiteral("15 %"));
        QCOMPARE(ui::countText(12480), QStringLiteral("12,480"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(ui::percentText(0.00995064), QStringLiteral("1,0 %"));
        QCOMPARE(ui::percentText(0.15, 0), QStringLiteral("15 %"));
        QCOMPARE(ui::countText(12480), QStringLiteral("12.480"));
    }

    void jsonReadsAsLabelledFields()
    {
        const QString text = ui::readableJson(
            QStringLiteral("{\"source_system\": \"hubspot\", \"batch\": 3, \"received_at\": "
                           "\"2026-12-03T14:00:00Z\", \"fields\": [\"email\", \"title\"]}"),
            utc("2026-12-03T15:00:00Z"));
        QVERIFY2(text.contains(QStringLiteral("Source system: hubspot")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Batch: 3")));
        QVERIFY(text.contains(QStringLiteral("Received at: today 14:00")));
        QVERIFY(text.contains(QStringLiteral("Fields: email, title")));
        QVERIFY(!text.contains(QLatin1Char('{')));
        QCOMPARE(ui::readableJson(QStringLiteral("plain words"), QDateTime()),
                 QStringLiteral("plain words"));
    }

    // The inbox names statuses and people: "To review" (not pending_review), "Dana Okoro"
    // (the address in the tooltip), and scores in the locale ("88,5" in German).
    void theInboxShowsStatusesAndPeopleInWords()
    {
        auto db = store::openStore(m_stores->fresh());
        auto &context = m_contexts.make(db, m_registry, QStringLiteral("dana.okoro@baton.example"));
        ui::InboxPage page(ui::InboxPage::Mode::Inbox, context);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *model = page.model();
        QAbstractItemModelTester tester(model);
        QTRY_VERIFY(model->rowCount() > 0);
        bool toReview = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString status =
                model->index(row, ui::InboxTableModel::StatusColumn).data().toString();
            QVERIFY2(!status.contains(QLatin1Char('_')), qPrintable(status));
            toReview = toReview || status == QLatin1String("To review");
            const QModelIndex owner = model->index(row, ui::InboxTableModel::OwnerColumn);
            QVERIFY2(!owner.data().toString().contains(QLatin1Char('@')),
                     qPrintable(owner.data().toString()));
            QVERIFY(owner.data(Qt::ToolTipRole).toString().contains(QLatin1Char('@')));
        }
        QVERIFY(toReview);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString score = model->index(0, ui::InboxTableModel::ScoreColumn).data().toString();
        QVERIFY2(score.contains(QLatin1Char(',')) && !score.contains(QLatin1Char('.')),
                 qPrintable(score));
    }

    // Ctrl+3 from anywhere opens Lineage on the newest briefs to choose from, not a blank
    // pane; Enter shows the chosen one, and a node's details read as labelled fields with the
    // stored JSON behind a toggle.
    void lineageFromTheSidebarOffersTheNewestBriefs()
    {
        auto db = store::openStore(m_stores->fresh());
        auto &context = m_contexts.make(db, m_registry, QStringLiteral("dana.okoro@baton.example"));
        app::ThreadedImportRunner runner(context.storePath(),
                                         std::make_shared<const contracts::ContractRegistry>(
                                             contracts::ContractRegistry::builtIn()));
        ui::MainWindow window(context, ui::MainWindow::Runners{runner, nullptr, nullptr});
        window.resize(1280, 800);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        auto *lineage = qobject_cast<ui::LineagePage *>(window.page(ui::PageId::Lineage));
        QVERIFY(lineage);
        QTRY_VERIFY(lineage->isVisible());
        QVERIFY(lineage->recent()->isVisible());
        QVERIFY(lineage->recent()->count() > 0);
        const auto *state = lineage->findChild<QLabel *>(QStringLiteral("lineageState"));
        QVERIFY2(!state->text().isEmpty(), "the page says nothing");
        QVERIFY(!lineage->recent()->item(0)->text().contains(QLatin1Char('_')));
        const qint64 newest = lineage->recent()->item(0)->data(Qt::UserRole).toLongLong();

        QTRY_VERIFY(lineage->recent()->hasFocus());
        QTest::keyClick(lineage->recent(), Qt::Key_Return);
        QVERIFY(lineage->graph().has_value());
        QCOMPARE(lineage->graph()->briefId, newest);
        QVERIFY(lineage->view()->isVisible());

        QVERIFY(lineage->selectNode(QStringLiteral("step:scoring")));
        const QString details = lineage->details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("Kind: agent step")), qPrintable(details));
        auto *raw = lineage->findChild<QCheckBox *>(QStringLiteral("lineageRawJson"));
        QVERIFY(raw);
        raw->setFocus();
        QTest::keyClick(raw, Qt::Key_Space);
        QVERIFY(raw->isChecked());
        QVERIFY(lineage->details()->toPlainText().startsWith(QLatin1Char('{')));
    }

    // Days along the dashboard's x axes read as dates ("1 Nov"), upright and whole: not "11-01"
    // drawn as ":", not "day of the period 0-29".
    void dashboardAxesAreDates()
    {
        const std::string path = m_dir.filePath(QStringLiteral("kpi.sqlite")).toStdString();
        auto db = store::openStore(testStoreLocation(path));
        loadKpiFixture(db);
        const FixedClock clock(*util::parseRfc3339("2026-11-30T00:00:00Z"));
        ui::DashboardPage page(m_contexts.make(db, m_registry, QString(), &clock));
        QSignalSpy refreshed(&page, &ui::DashboardPage::refreshed);
        page.resize(1280, 800);
        page.show();
        QVERIFY(refreshed.count() == 1 || refreshed.wait(10000));
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("dashboardEmpty"))->isVisible());
        int dated = 0;
        for (QChartView *view : page.chartViews()) {
            for (QAbstractAxis *axis : view->chart()->axes(Qt::Horizontal)) {
                QVERIFY2(!axis->titleText().contains(QStringLiteral("day of the period")),
                         qPrintable(axis->titleText()));
                auto *days = qobject_cast<QCategoryAxis *>(axis);
                if (!days)
                    continue;
                ++dated;
                QVERIFY(!days->categoriesLabels().isEmpty());
                for (const QString &label : days->categoriesLabels()) {
                    const QDate date = QLocale().toDate(label + QStringLiteral(" 2026"),
                                                        QStringLiteral("d MMM yyyy"));
                    QVERIFY2(date.isValid() && date.month() == 11, qPrintable(label));
                }
                QCOMPARE(days->categoriesLabels().first(), QStringLiteral("1 Nov"));
            }
        }
        QCOMPARE(dated, 7); // every chart by day
    }

    // An empty store: each view says why it is empty and what to do.
    void emptyViewsSayWhyAndWhatToDo()
    {
        auto db = store::openStore(testStoreLocation(m_dir.filePath(QStringLiteral("empty.sqlite")).toStdString()));
        auto &context = m_contexts.make(db, m_registry);
        const auto emptyText = [](QWidget *page) {
            const auto *empty = page->findChild<QLabel *>(QStringLiteral("emptyState"));
            return empty && empty->isVisible() ? empty->text() : QString();
        };
        ui::InboxPage inbox(ui::InboxPage::Mode::Inbox, context);
        inbox.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inbox));
        QTRY_VERIFY(emptyText(&inbox).contains(QStringLiteral("No briefs to review")));
        QVERIFY(emptyText(&inbox).contains(QStringLiteral("baton run")));
        ui::InboxPage escalations(ui::InboxPage::Mode::Escalations, context);
        escalations.show();
        QTRY_VERIFY(emptyText(&escalations).contains(QStringLiteral("No escalations")));
        // The outbox is shown to managers: a store with briefs, none approved yet.
        auto briefed = store::openStore(m_stores->fresh());
        ui::OutboxPage outbox(
            m_contexts.make(briefed, m_registry, QStringLiteral("dana.okoro@baton.example")));
        outbox.show();
        QTRY_VERIFY(emptyText(&outbox).contains(QStringLiteral("Approving a brief")));
        ui::LineagePage lineage(context);
        lineage.show();
        QVERIFY(!lineage.findChild<QLabel *>(QStringLiteral("lineageState"))->text().isEmpty());
        QVERIFY(!lineage.findChild<QLabel *>(QStringLiteral("lineageHint"))->text().isEmpty());

        const FixedClock clock(*util::parseRfc3339("2026-11-30T00:00:00Z"));
        ui::DashboardPage dashboard(m_contexts.make(db, m_registry, QString(), &clock));
        QSignalSpy refreshed(&dashboard, &ui::DashboardPage::refreshed);
        dashboard.show();
        QVERIFY(refreshed.count() == 1 || refreshed.wait(10000));
        auto *nothing = dashboard.findChild<QLabel *>(QStringLiteral("dashboardEmpty"));
        QVERIFY(nothing->isVisible());
        QVERIFY(nothing->text().contains(QStringLiteral("baton run")));
    }

    // Violation rates read as percentages in the locale, "4.7 %" (2 of 43 records checked),
    // not a bare 4.65116 beside 0.15.
    void contractRatesArePercentages()
    {
        const std::string path = m_dir.filePath(QStringLiteral("contracts.sqlite")).toStdString();
        auto db = store::openStore(testStoreLocation(path));
        loadKpiFixture(db);
        const FixedClock clock(*util::parseRfc3339("2026-11-05T00:00:00Z"));
        ui::ContractsPage page(m_contexts.make(db, m_registry, QString(), &clock));
        QSignalSpy refreshed(&page, &ui::ContractsPage::refreshed);
        page.show();
        QVERIFY(refreshed.wait(10000));
        bool email = false;
        for (int row = 0; row < page.violations()->rowCount(); ++row) {
            const QString rate = page.violations()->item(row, 5)->text();
            QVERIFY2(rate.endsWith(QStringLiteral(" %")), qPrintable(rate));
            if (page.violations()->item(row, 1)->text() == QLatin1String("email")) {
                email = true;
                QCOMPARE(rate, QStringLiteral("4.7 %"));
                QCOMPARE(page.violations()->item(row, 2)->text(),
                         QLocale().toString(QDate(2026, 11, 4), QLocale::ShortFormat));
            }
        }
        QVERIFY(email);
        QStringList statuses;
        for (int row = 0; row < page.versions()->rowCount(); ++row)
            statuses << page.versions()->item(row, 2)->text();
        QVERIFY2(statuses.contains(QStringLiteral("Active")) &&
                     !statuses.contains(QStringLiteral("active")),
                 qPrintable(statuses.join(QLatin1Char(','))));
    }
};

QTEST_MAIN(TestHumanWords)
#include "test_human_words.moc"
