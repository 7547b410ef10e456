#include "DemoStore.h"
#include "FakeSeams.h"
#include "MainWindow.h"
#include "OsAccount.h"
#include "Settings.h"
#include "TestContexts.h"
#include "adapters/OneShotHttpTransport.h"
#include "agents/Policy.h"
#include "console/Console.h"
#include "crm/HubSpotConnector.h"
#include "crm/OutboxStore.h"
#include "crm/PushWorker.h"
#include "models/InboxTableModel.h"
#include "models/OutboxTableModel.h"
#include "pages/AuditPage.h"
#include "pages/InboxPage.h"
#include "pages/OutboxPage.h"
#include "pages/SettingsPage.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/RunStore.h"
#include "pipeline/Team.h"
#include "ports/IdGenerator.h"
#include "review/ApprovalGrace.h"
#include "sandbox/CrmSandbox.h"
#include "util/Time.h"
#include "widgets/BriefView.h"
#include "widgets/EditBriefDialog.h"
#include "workers/ThreadedPipelineRunner.h"
#include "workers/ThreadedPushRunner.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace baton;

// The inbox and escalations pages as people use them, by keyboard, on a real store the
// pipeline filled: approving three briefs, an edit that breaks the contract refused with
// its reason, an escalation resolved by a manager with edits, a rep who cannot resolve,
// and two sessions acting on one brief.
class TestInboxPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_template;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    int m_copies = 0;
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_dialogs;
    TestContexts m_contexts{m_messages, m_dialogs};

    std::string freshStore()
    {
        return copyStore(
            m_template.toStdString(),
            m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_copies)).toStdString());
    }

    static void activate(ui::InboxPage *p)
    {
        QApplication::setActiveWindow(p);
        QVERIFY(QTest::qWaitForWindowActive(p));
        p->table()->setFocus();
    }

    std::unique_ptr<ui::InboxPage> page(store::Database &db, const QString &user,
                                        ui::InboxPage::Mode mode = ui::InboxPage::Mode::Inbox)
    {
        auto p = std::make_unique<ui::InboxPage>(mode, context(db, user));
        p->resize(1400, 800);
        p->show();
        QApplication::setActiveWindow(p.get());
        if (!QTest::qWaitForWindowActive(p.get()))
            qWarning("the page did not become active");
        p->table()->setFocus();
        return p;
    }

    ui::ConsoleContext &context(store::Database &db, const QString &user = {})
    {
        return m_contexts.make(db, m_registry, user);
    }

    static QString replaceFirstTalkingPoint(const QString &json, const QString &key,
                                            const QString &value)
    {
        auto brief = nlohmann::json::parse(json.toStdString());
        brief["summary"]["talking_points"][0][key.toStdString()] =
            key == QLatin1String("evidence") ? nlohmann::json::array({value.toStdString()})
                                             : nlohmann::json(value.toStdString());
        return QString::fromStdString(brief.dump());
    }

private slots:
    void initTestCase()
    {
        // Runs read the LLM backend from the settings: the person's own stay out of the test.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_template = m_dir.filePath(QStringLiteral("template.sqlite"));
        const auto now = *util::parseRfc3339("2026-11-16T12:00:00Z");
        buildDemoStore(m_template.toStdString(),
                       m_dir.filePath(QStringLiteral("demo")).toStdString(), 400, 21, now);
        auto db = store::openStore(testStoreLocation(m_template.toStdString()));
        pipeline::saveUsers(db, pipeline::demoTeam());
        const auto policy = agents::defaultPolicy(m_registry);
        const FixedClock clock(now);
        RandomIdGenerator ids(3);
        pipeline::Orchestrator(db, m_registry, policy, clock, ids).run({});
        checkpointTestStore(db);
    }

    void init()
    {
        m_messages.titles.clear();
        m_messages.texts.clear();
        m_messages.infoTitles.clear();
        m_messages.infoTexts.clear();
        m_dialogs = FakeReviewDialogs();
    }

    void cleanup() { m_contexts.clear(); }

    void aRepApprovesThreeBriefsByKeyboard()
    {
        auto db = store::openStore(freshStore());
        const QString lena = QStringLiteral("lena.fischer@baton.example");
        auto inbox = page(db, lena);
        QAbstractItemModelTester tester(inbox->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(inbox->actor().has_value());
        const auto mine = scalar(db, "SELECT count(*) FROM briefs WHERE owner = "
                                     "'lena.fischer@baton.example' AND status = 'pending_review'");
        QVERIFY2(mine >= 4, "the demo gives Lena too few briefs for this test");
        // A rep sees their own briefs, and cannot widen the view to everyone's.
        for (int row = 0; row < inbox->model()->rowCount(); ++row)
            QCOMPARE(inbox->model()->briefAt(row)->owner, lena.toStdString());
        QVERIFY(!inbox->findChild<QComboBox *>(QStringLiteral("ownerFilter"))->isEnabled());

        QTest::keyClick(inbox->table(), Qt::Key_J); // the second brief
        const qint64 shown = inbox->briefView()->briefId();
        QCOMPARE(inbox->model()->briefAt(1)->id, shown);
        QTest::keyClick(inbox->table(), Qt::Key_K);
        QCOMPARE(inbox->briefView()->briefId(), inbox->model()->briefAt(0)->id);

        std::vector<qint64> approvedInOrder;
        for (int i = 0; i < 3; ++i) {
            approvedInOrder.push_back(inbox->briefView()->briefId());
            QTest::keyClick(inbox->table(), Qt::Key_A);
            QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
            // Approve moves on: what is shown now is another brief, still to review.
            QVERIFY(inbox->briefView()->briefId() != approvedInOrder.back());
        }
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'approved' AND owner = "
                            "'lena.fischer@baton.example'"),
                 3);
        for (qint64 id : approvedInOrder)
            QCOMPARE(scalar(db, "SELECT count(*) FROM review_actions WHERE action = 'approve' AND "
                                "actor = 'lena.fischer@baton.example' AND brief_id = " +
                                    std::to_string(id)),
                     1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log"), 3);

        QTest::keyClick(inbox->table(), Qt::Key_Question);
        QVERIFY(m_dialogs.shortcutSheet.contains(QStringLiteral("Approve")));
        QVERIFY(!inbox->action("reassign")->isEnabled()); // a rep does not reassign

        // L asks for the lineage of the brief shown.
        QSignalSpy lineage(inbox.get(), &ui::InboxPage::lineageRequested);
        QTest::keyClick(inbox->table(), Qt::Key_L);
        QCOMPARE(lineage.count(), 1);
        QCOMPARE(lineage.at(0).at(0).toLongLong(), inbox->briefView()->briefId());
    }

    void anInvalidEditIsRefusedWithItsReason()
    {
        auto db = store::openStore(freshStore());
        auto inbox = page(db, QStringLiteral("Lena Fischer"));
        const qint64 id = inbox->briefView()->briefId();
        const auto version =
            scalar(db, "SELECT version FROM briefs WHERE id = " + std::to_string(id));

        // The dialog itself: type a citation that is not a record, see why, no Save.
        std::string current;
        {
            const auto stored = pipeline::RunStore(db).briefJson(id);
            QVERIFY(stored);
            current = *stored;
        }
        review::ReviewService service(db, m_registry, SystemClock());
        const auto currentJson = nlohmann::json::parse(current);
        ui::EditBriefDialog dialog(QString::fromStdString(current), [&](const QString &text) {
            QStringList problems;
            const auto edited = nlohmann::json::parse(text.toStdString(), nullptr, false);
            if (edited.is_discarded())
                return QStringList{QStringLiteral("not valid JSON")};
            for (const auto &p : service.checkEdit(currentJson, edited))
                problems << QString::fromStdString(p);
            return problems;
        });
        QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("my notes"));
        QVERIFY(dialog.saveButton()->isEnabled()); // unchanged and with a reason: fine
        // The form: a talking point retyped in the Fields table lands in the JSON.
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTableWidget *fields = dialog.fields();
        int talkingPoint = -1;
        for (int r = 0; r < fields->rowCount() && talkingPoint < 0; ++r)
            if (fields->item(r, 0)->data(Qt::UserRole).toString() ==
                QStringLiteral("/summary/talking_points/0/text"))
                talkingPoint = r;
        QVERIFY(talkingPoint >= 0);
        fields->setFocus();
        fields->setCurrentCell(talkingPoint, 2);
        QTest::keyClick(fields, Qt::Key_F2);
        QWidget *cellEditor = QApplication::focusWidget();
        QVERIFY(cellEditor && cellEditor != fields);
        QTest::keyClick(cellEditor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(cellEditor, QStringLiteral("Ask about their rollout."));
        QTest::keyClick(cellEditor, Qt::Key_Return);
        // The delegate commits on the next turn of the event loop; Enter does not save.
        QTRY_VERIFY(
            dialog.editor()->toPlainText().contains(QStringLiteral("Ask about their rollout.")));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());
        dialog.editor()->setPlainText(replaceFirstTalkingPoint(QString::fromStdString(current),
                                                               QStringLiteral("evidence"),
                                                               QStringLiteral("my notes")));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY2(dialog.problems()->text().contains(
                     QStringLiteral("/summary/talking_points/0/evidence/0")),
                 qPrintable(dialog.problems()->text()));
        QTest::keyClick(dialog.editor(), Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(dialog.editor(), QStringLiteral("}"));
        QVERIFY(dialog.problems()->text().contains(QStringLiteral("not valid JSON")));

        dialog.hide();
        activate(inbox.get());
        // Through the page: E, the same bad edit, nothing saved.
        m_dialogs.editBrief = [](const QString &brief) {
            return replaceFirstTalkingPoint(brief, QStringLiteral("evidence"), QStringLiteral("x"));
        };
        QTest::keyClick(inbox->table(), Qt::Key_E);
        QVERIFY(!m_dialogs.lastProblems.isEmpty());
        QCOMPARE(scalar(db, "SELECT version FROM briefs WHERE id = " + std::to_string(id)),
                 version);
        // And a good one is saved as a patch, shown in History.
        m_dialogs.editBrief = [](const QString &brief) {
            return replaceFirstTalkingPoint(brief, QStringLiteral("text"),
                                            QStringLiteral("Ask about the Q1 rollout."));
        };
        QTest::keyClick(inbox->table(), Qt::Key_E);
        QVERIFY2(m_dialogs.lastProblems.isEmpty(), qPrintable(m_dialogs.lastProblems.join('\n')));
        QCOMPARE(scalar(db, "SELECT version FROM briefs WHERE id = " + std::to_string(id)),
                 version + 1);
        QCOMPARE(inbox->briefView()->history()->topLevelItemCount(), 1);
        QVERIFY(inbox->briefView()->history()->topLevelItem(0)->text(4).contains(
            QStringLiteral("Q1 rollout")));
    }

    void anEscalationIsResolvedByAManagerWithEdits()
    {
        const auto path = freshStore();
        auto repDb = store::openStore(testStoreLocation(path));
        auto managerDb = store::openStore(testStoreLocation(path));
        auto inbox = page(repDb, QStringLiteral("lena.fischer@baton.example"));
        const qint64 id = inbox->briefView()->briefId();
        m_dialogs.nextEscalation =
            ui::EscalationRequest{QStringLiteral("Fit unclear"), QStringLiteral("ICP?"), QString()};
        QTest::keyClick(inbox->table(), Qt::Key_X);
        QVERIFY(m_dialogs.askedCategories.contains(QStringLiteral("Fit unclear")));
        QCOMPARE(m_dialogs.offeredManagers,
                 (QStringList{QStringLiteral("dana.okoro@baton.example"),
                              QStringLiteral("henrik.larsen@baton.example")}));
        QCOMPARE(scalar(repDb, "SELECT count(*) FROM briefs WHERE status = 'escalated' AND "
                               "escalated_to = 'henrik.larsen@baton.example' AND id = " +
                                   std::to_string(id)),
                 1);

        // The rep cannot resolve, even on the escalations page.
        auto repEscalations = page(repDb, QStringLiteral("lena.fischer@baton.example"),
                                   ui::InboxPage::Mode::Escalations);
        QVERIFY(!repEscalations->action("approve")->isEnabled());
        QTest::keyClick(repEscalations->table(), Qt::Key_A);
        QCOMPARE(scalar(repDb,
                        "SELECT status = 'escalated' FROM briefs WHERE id = " + std::to_string(id)),
                 1);
        repEscalations.reset();
        inbox.reset();

        auto escalations =
            page(managerDb, QStringLiteral("Henrik Larsen"), ui::InboxPage::Mode::Escalations);
        QVERIFY(escalations->action("edit")->isEnabled());
        const int row = escalations->model()->rowOfBrief(id);
        QVERIFY(row >= 0);
        escalations->selectRow(row);
        QCOMPARE(escalations->briefView()->briefId(), id);
        m_dialogs.editBrief = [](const QString &brief) {
            return replaceFirstTalkingPoint(
                brief, QStringLiteral("text"),
                QStringLiteral("Fits: same stack as our best accounts."));
        };
        m_dialogs.editReason = QStringLiteral("fits the ICP after all");
        QTest::keyClick(escalations->table(), Qt::Key_E);
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        QCOMPARE(scalar(managerDb, "SELECT status = 'approved' AND edited IS NOT NULL FROM briefs "
                                   "WHERE id = " +
                                       std::to_string(id)),
                 1);
        QCOMPARE(escalations->model()->rowOfBrief(id), -1); // no longer escalated
        auto st = managerDb.prepare(
            managerDb.engine() == store::Engine::Postgres
                ? "SELECT string_agg(action, ',' ORDER BY id) FROM review_actions WHERE brief_id = ?"
                : "SELECT group_concat(action, ',') FROM (SELECT action FROM review_actions WHERE "
                  "brief_id = ? ORDER BY id)");
        st.bind(1, static_cast<std::int64_t>(id));
        QVERIFY(st.step());
        QCOMPARE(st.textAt(0), std::string("escalate,edit,resolve"));
    }

    // P on an escalation re-runs the pipeline for its lead off the ui thread; an unchanged
    // lead makes no new brief, which the manager is told, and the action is in the history.
    void aManagerRerunsTheLeadOfAnEscalation()
    {
        const auto path = freshStore();
        auto db = store::openStore(testStoreLocation(path));
        auto repDb = store::openStore(testStoreLocation(path));
        // As of a moment after the store's run, as the console's clock would be: never today.
        const FixedClock clock(*util::parseRfc3339("2026-11-16T12:05:00Z"));
        app::ThreadedPipelineRunner runner(
            QString::fromStdString(path),
            std::make_shared<contracts::ContractRegistry>(contracts::ContractRegistry::builtIn()),
            &clock);
        auto rep = page(repDb, QStringLiteral("lena.fischer@baton.example"),
                        ui::InboxPage::Mode::Escalations);
        rep->setPipelineRunner(&runner);
        QVERIFY(!rep->action("rerun")->isEnabled()); // reps do not resolve
        rep.reset();

        auto escalations =
            page(db, QStringLiteral("dana.okoro@baton.example"), ui::InboxPage::Mode::Escalations);
        QVERIFY(!escalations->action("rerun")->isEnabled()); // no runner, no re-run
        escalations->setPipelineRunner(&runner);
        QVERIFY(escalations->action("rerun")->isEnabled());
        const qint64 id = escalations->briefView()->briefId();
        QVERIFY(id > 0);
        const auto briefs = scalar(db, "SELECT count(*) FROM briefs");
        m_dialogs.nextNote = QStringLiteral("enrichment looked off");
        QSignalSpy finished(&runner, &ui::PipelineRunner::finished);
        QTest::keyClick(escalations->table(), Qt::Key_P);
        QVERIFY(finished.wait(20000));
        QTRY_COMPARE(m_messages.infoTitles.size(), 1);
        QVERIFY2(m_messages.infoTexts[0].contains(QStringLiteral("Nothing has changed")),
                 qPrintable(m_messages.infoTexts[0]));
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs"), briefs);
        QCOMPARE(scalar(db, "SELECT count(*) FROM review_actions WHERE brief_id = " +
                                std::to_string(id) +
                                " AND action = 'rerun' AND note = 'enrichment "
                                "looked off'"),
                 1);
        QCOMPARE(
            scalar(db, "SELECT status = 'escalated' FROM briefs WHERE id = " + std::to_string(id)),
            1);
        QVERIFY(escalations->action("rerun")->isEnabled()); // ready for the next
    }

    // The outbox page lists what approving queued, shows an operation's request and answer,
    // and lets marketing ops cancel one with a reason (Del); a rep only looks.
    void theOutboxPageShowsAndCancelsOperations()
    {
        auto db = store::openStore(freshStore());
        {
            const SystemClock clock;
            review::ReviewService service(db, m_registry, clock);
            // Delivered at once: no grace period to undo the approval in.
            review::ApprovalGrace(db).setPeriod(service.actor("alex.kim@baton.example", "t"),
                                                std::chrono::seconds(0), clock.now());
            const auto rep = service.actor("lena.fischer@baton.example", "lena");
            auto st =
                db.prepare("SELECT id FROM briefs WHERE status = 'pending_review' AND owner = "
                           "'lena.fischer@baton.example' ORDER BY id LIMIT 2");
            std::vector<std::int64_t> ids;
            while (st.step())
                ids.push_back(st.int64At(0));
            QCOMPARE(ids.size(), std::size_t(2));
            for (const auto id : ids)
                service.approve(rep, id, service.brief(id).version);
        }
        ui::OutboxPage repView(context(db, QStringLiteral("lena.fischer@baton.example")));
        QVERIFY(!repView.action("cancel")->isEnabled());

        ui::OutboxPage page(context(db, QStringLiteral("priya.natarajan@baton.example")));
        QAbstractItemModelTester tester(page.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.model()->setPageSize(4); // paging, with 6 operations
        page.model()->refresh();
        QCOMPARE(page.model()->rowCount(), 4);
        QVERIFY(page.model()->canFetchMore({}));
        page.model()->fetchMore({});
        QCOMPARE(page.model()->rowCount(), 6);
        page.resize(1200, 700);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table()->setFocus();
        page.table()->selectRow(0); // the newest: a task
        QVERIFY(
            page.detail()->toPlainText().contains(QStringLiteral("What the CRM is to receive")));
        const qint64 id =
            page.model()
                ->data(page.model()->index(0, 0), ui::OutboxTableModel::OperationIdRole)
                .toLongLong();
        m_dialogs.nextNote = QStringLiteral("the rep already called");
        QTest::keyClick(page.table(), Qt::Key_Delete);
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        QCOMPARE(crm::OutboxStore(db).row(id).status, std::string("cancelled"));
        const int row = page.model()->rowOfOperation(id);
        QVERIFY(row >= 0);
        QVERIFY(page.model()
                    ->data(page.model()->index(row, ui::OutboxTableModel::ErrorColumn))
                    .toString()
                    .contains(QStringLiteral("the rep already called")));
        // Filtered to what failed: nothing yet.
        page.model()->setStatusFilter(QStringLiteral("failed"));
        QCOMPARE(page.model()->rowCount(), 0);

        // The brief shows what the CRM holds for it.
        const auto briefId = crm::OutboxStore(db).row(id).briefId;
        db.exec("UPDATE outbox SET status = 'done', crm_system = 'hubspot', crm_id = '1001' WHERE "
                "kind = 'upsert_person' AND brief_id = " +
                std::to_string(briefId));
        ui::BriefView view(context(db));
        view.showBrief(briefId);
        const QString crm = view.findChild<QLabel *>(QStringLiteral("crmLinks"))->text();
        QVERIFY2(crm.contains(QStringLiteral("In HubSpot: contact 1001")), qPrintable(crm));
        QVERIFY2(crm.contains(QStringLiteral("1 CRM operation(s) waiting")), qPrintable(crm));
        QVERIFY2(crm.contains(QStringLiteral("1 CRM operation(s) failed or cancelled")),
                 qPrintable(crm));
    }

    // Stored text is shown as the characters it is: a generated sentence or a lead's company
    // that looks like HTML is not rendered as HTML, in a label, a row or a tooltip.
    void storedMarkupIsShownLiterally()
    {
        auto db = store::openStore(freshStore());
        const qint64 briefId =
            scalar(db, "SELECT min(id) FROM briefs WHERE status != 'superseded'");
        pipeline::RunStore runs(db);
        auto brief = nlohmann::json::parse(*runs.briefJson(briefId));
        const std::string markup = "<b>bold</b><img src=x>";
        brief["summary"]["talking_points"] =
            nlohmann::json::array({{{"text", markup}, {"evidence", {"lead#1"}}}});
        brief["lead"]["company"] = markup;
        auto update = db.prepare("UPDATE briefs SET edited = ? WHERE id = ?");
        update.bindAll(brief.dump(), static_cast<std::int64_t>(briefId));
        update.run();

        ui::BriefView view(context(db));
        view.resize(900, 700);
        view.show();
        view.showBrief(briefId);
        const auto *title = view.findChild<QLabel *>(QStringLiteral("briefTitle"));
        QVERIFY2(title->text().contains(QString::fromStdString(markup)), qPrintable(title->text()));
        for (const auto *label : view.findChildren<QLabel *>())
            QCOMPARE(label->textFormat(), Qt::PlainText);
        const auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("briefSentences"));
        const auto found = tree->findItems(QString::fromStdString(markup),
                                           Qt::MatchExactly | Qt::MatchRecursive, 1);
        QCOMPARE(found.size(), 1);
        // A tooltip that looks like HTML is rendered as HTML: this one is escaped.
        QVERIFY2(found[0]->toolTip(1).contains(
                     QStringLiteral("&lt;b&gt;bold&lt;/b&gt;&lt;img src=x&gt;")),
                 qPrintable(found[0]->toolTip(1)));
    }

    // With HubSpot's URL in Settings and the token at hand, P on the outbox page pushes in
    // the background; the page refreshes when it is done and the brief shows its CRM ids.
    void theConsolePushesInTheBackground()
    {
        const auto path = freshStore();
        auto db = store::openStore(testStoreLocation(path));
        std::int64_t briefId = 0;
        {
            const SystemClock clock;
            review::ReviewService service(db, m_registry, clock);
            // Delivered at once: no grace period to undo the approval in.
            review::ApprovalGrace(db).setPeriod(service.actor("alex.kim@baton.example", "t"),
                                                std::chrono::seconds(0), clock.now());
            const auto rep = service.actor("lena.fischer@baton.example", "lena");
            auto st = db.prepare("SELECT min(id) FROM briefs WHERE status = 'pending_review' AND "
                                 "owner = 'lena.fischer@baton.example'");
            QVERIFY(st.step());
            briefId = st.int64At(0);
            service.approve(rep, briefId, service.brief(briefId).version);
        }
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        ui::Settings().setHubSpotUrl(QString());
        app::ThreadedPushRunner runner(QString::fromStdString(path));
        ui::OutboxPage page(context(db, QStringLiteral("priya.natarajan@baton.example")));
        page.setPushRunner(&runner);
        QVERIFY(!page.action("push")->isEnabled()); // nowhere to push yet
        {
            ui::Settings settings;
            settings.setHubSpotUrl(sandbox.baseUrl());
            settings.sync();
        }
        qputenv("BATON_HUBSPOT_TOKEN", "pat-console-test");
        page.setPushRunner(&runner);
        QVERIFY(page.action("push")->isEnabled());
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table()->setFocus();
        QSignalSpy finished(&runner, &ui::PushRunner::finished);
        QTest::keyClick(page.table(), Qt::Key_P);
        QVERIFY(finished.wait(20000));
        const auto outcome = finished.at(0).at(0).value<ui::PushOutcome>();
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QCOMPARE(outcome.done, qint64(3));
        QCOMPARE(sandbox.counts().notes, 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'pushed' AND id = " +
                                std::to_string(briefId)),
                 1);
        QCOMPARE(page.model()
                     ->data(page.model()->index(0, ui::OutboxTableModel::StatusColumn))
                     .toString(),
                 QStringLiteral("Done"));
        qunsetenv("BATON_HUBSPOT_TOKEN");
        ui::Settings().setHubSpotUrl(QString());
    }

    // T on an approved brief, as a manager: it ends resolved and its CRM operations that
    // never left are cancelled.
    void aManagerRetractsAnApprovedBrief()
    {
        auto db = store::openStore(freshStore());
        std::int64_t id = 0;
        {
            const SystemClock clock;
            review::ReviewService service(db, m_registry, clock);
            // Delivered at once: no grace period to undo the approval in.
            review::ApprovalGrace(db).setPeriod(service.actor("alex.kim@baton.example", "t"),
                                                std::chrono::seconds(0), clock.now());
            const auto rep = service.actor("lena.fischer@baton.example", "lena");
            auto st = db.prepare("SELECT min(id) FROM briefs WHERE status = 'pending_review' AND "
                                 "owner = 'lena.fischer@baton.example'");
            QVERIFY(st.step());
            id = st.int64At(0);
            service.approve(rep, id, service.brief(id).version);
        }
        auto inbox = page(db, QStringLiteral("dana.okoro@baton.example"));
        auto *status = inbox->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(QStringLiteral("approved")));
        QTRY_VERIFY(inbox->model()->rowOfBrief(id) >= 0);
        inbox->selectRow(inbox->model()->rowOfBrief(id));
        inbox->table()->setFocus();
        m_dialogs.nextNote = QStringLiteral("duplicate lead");
        QTest::keyClick(inbox->table(), Qt::Key_T);
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        QCOMPARE(
            scalar(db, "SELECT status = 'resolved' FROM briefs WHERE id = " + std::to_string(id)),
            1);
        QCOMPARE(
            scalar(db, "SELECT count(*) FROM outbox WHERE status = 'cancelled' AND brief_id = " +
                           std::to_string(id)),
            3);
    }

    void twoSessionsOnOneBriefTheSecondIsToldAndRefreshed()
    {
        const auto path = freshStore();
        auto dbA = store::openStore(testStoreLocation(path));
        auto dbB = store::openStore(testStoreLocation(path));
        auto first = page(dbA, QStringLiteral("lena.fischer@baton.example"));
        auto second = page(dbB, QStringLiteral("henrik.larsen@baton.example"));
        const qint64 id = first->briefView()->briefId();
        const int row = second->model()->rowOfBrief(id);
        QVERIFY(row >= 0);
        second->selectRow(row);
        QCOMPARE(second->briefView()->briefId(), id);

        activate(first.get());
        QTest::keyClick(first->table(), Qt::Key_A);
        QVERIFY(m_messages.texts.isEmpty());
        QCOMPARE(
            scalar(dbA, "SELECT status = 'approved' FROM briefs WHERE id = " + std::to_string(id)),
            1);
        activate(second.get());
        QTest::keyClick(second->table(), Qt::Key_A); // acting on the version it showed
        QCOMPARE(m_messages.titles.size(), 1);
        QCOMPARE(m_messages.titles[0], QStringLiteral("Someone acted first"));
        QVERIFY2(
            m_messages.texts[0].contains(QStringLiteral("approve by lena.fischer@baton.example")),
            qPrintable(m_messages.texts[0]));
        QCOMPARE(scalar(dbB, "SELECT count(*) FROM review_actions WHERE brief_id = " +
                                 std::to_string(id)),
                 1);
        QCOMPARE(second->model()->rowOfBrief(id), -1); // refreshed: it is approved now

        // A manager reassigns the next one by keyboard.
        const qint64 next = second->briefView()->briefId();
        m_dialogs.nextChoice = QStringLiteral("sam.patel@baton.example");
        QTest::keyClick(second->table(), Qt::Key_R);
        QVERIFY(m_dialogs.askedReasons.contains(QStringLiteral("sam.patel@baton.example")));
        QCOMPARE(scalar(dbB, "SELECT owner = 'sam.patel@baton.example' FROM briefs WHERE id = " +
                                 std::to_string(next)),
                 1);
    }

    // Approving in the console records who is at the keyboard as the CLI does (the OS
    // account from app/OsAccount), in the review action and in the audit chain: never empty.
    // So does every page, for whoever Settings switches to.
    void theConsoleRecordsTheOsAccountOfWhoApproves()
    {
        const auto path = freshStore();
        const std::int64_t lastBefore = [&] {
            auto db = store::openStore(testStoreLocation(path));
            return scalar(db, "SELECT coalesce(max(seq), 0) FROM audit_log");
        }();
        ui::Settings settings(m_dir.filePath(QStringLiteral("console-settings.ini")));
        FakeFileDialogs files;
        app::Console console({&m_messages, &files, &settings, &m_dialogs});
        QVERIFY(console.open(QString::fromStdString(path),
                             QStringLiteral("lena.fischer@baton.example")));
        ui::InboxPage *inbox = console.window()->inboxPage();
        QVERIFY(inbox->actor().has_value());
        const qint64 id = inbox->briefView()->briefId();
        QVERIFY(id > 0);
        inbox->action("approve")->trigger();
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        const std::string account = app::osAccount();
        QVERIFY(!account.empty());
        auto db = store::openStore(testStoreLocation(path));
        {
            auto review = db.prepare("SELECT os_user FROM review_actions WHERE action = "
                                     "'approve' AND brief_id = ?");
            review.bind(1, static_cast<std::int64_t>(id));
            QVERIFY(review.step());
            QCOMPARE(review.textAt(0), account);
            auto audit = db.prepare("SELECT os_user FROM audit_log WHERE action = 'approve' AND "
                                    "object = ?");
            audit.bind(1, "brief#" + std::to_string(id));
            QVERIFY(audit.step());
            QCOMPARE(audit.textAt(0), account);
        } // done reading: the next reads see what the console writes after

        // Marketing ops, chosen in Settings, cancels what the approval queued.
        auto *choice = console.window()->settingsPage()->userChoice();
        choice->setCurrentIndex(choice->findData(QStringLiteral("priya.natarajan@baton.example")));
        ui::OutboxPage *outbox = console.window()->outboxPage();
        outbox->refresh();
        QVERIFY(outbox->model()->rowCount() > 0);
        outbox->table()->selectRow(0);
        m_dialogs.nextNote = QStringLiteral("the rep already called");
        outbox->action("cancel")->trigger();
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'outbox_cancel' AND "
                            "actor = 'priya.natarajan@baton.example' AND seq > " +
                                std::to_string(lastBefore)),
                 1);
        auto others = db.prepare("SELECT count(*) FROM audit_log WHERE seq > ? AND os_user != ?");
        others.bindAll(lastBefore, account);
        QVERIFY(others.step());
        QCOMPARE(others.int64At(0), std::int64_t(0));
    }

    void choosingAProfileInSettingsLetsTheInboxAct()
    {
        auto db = store::openStore(freshStore());
        ui::Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        auto inbox = page(db, QString());
        QVERIFY(!inbox->actor());
        QVERIFY(!inbox->action("approve")->isEnabled());
        QVERIFY(inbox->action("next")->isEnabled());
        ui::SettingsPage settingsPage(m_contexts.make(db, m_registry, QString(), nullptr, &settings));
        connect(&settingsPage, &ui::SettingsPage::userChanged, inbox.get(),
                &ui::InboxPage::setUser);
        auto *choice = settingsPage.userChoice();
        choice->setCurrentIndex(choice->findData(QStringLiteral("lena.fischer@baton.example")));
        QCOMPARE(settings.reviewUser(), QStringLiteral("lena.fischer@baton.example"));
        QVERIFY(inbox->actor());
        QVERIFY(inbox->action("approve")->isEnabled());
        for (int row = 0; row < inbox->model()->rowCount(); ++row)
            QCOMPARE(inbox->model()->briefAt(row)->owner,
                     std::string("lena.fischer@baton.example"));
        choice->setCurrentIndex(choice->findData(QStringLiteral("priya.natarajan@baton.example")));
        QVERIFY(!inbox->action("approve")->isEnabled()); // marketing ops comment, not approve
        QVERIFY(inbox->action("comment")->isEnabled());
    }

    // With BATON_SCREENSHOT_DIR set, saves the inbox with a brief open (for the README).
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set BATON_SCREENSHOT_DIR to save screenshots of the inbox and a brief");
        auto db = store::openStore(freshStore());
        auto inbox = page(db, QStringLiteral("Henrik Larsen"));
        inbox->resize(1500, 860);
        inbox->selectRow(1);
        QTest::qWait(200);
        QVERIFY(inbox->grab().save(dir + QStringLiteral("/inbox.png")));
        inbox->briefView()->tabs()->setCurrentIndex(1);
        inbox->briefView()->sentences()->setCurrentItem(
            inbox->briefView()->sentences()->topLevelItem(0)->child(0));
        inbox->briefView()->tabs()->setCurrentIndex(0);
        inbox->briefView()->resize(900, 860);
        QVERIFY(inbox->briefView()->grab().save(dir + QStringLiteral("/brief.png")));
        inbox.reset();

        // The outbox after some approvals pushed to a sandbox that refuses one contact.
        {
            const SystemClock clock;
            review::ReviewService service(db, m_registry, clock);
            review::ApprovalGrace(db).setPeriod(service.actor("alex.kim@baton.example", "t"),
                                                std::chrono::seconds(0), clock.now());
            auto st = db.prepare("SELECT id, owner FROM briefs WHERE status = 'pending_review' "
                                 "ORDER BY id LIMIT 12");
            std::vector<std::pair<std::int64_t, std::string>> open;
            while (st.step())
                open.emplace_back(st.int64At(0), st.textAt(1));
            for (const auto &[id, owner] : open)
                service.approve(service.actor(owner, "demo"), id, service.brief(id).version);
            db.exec(std::string("UPDATE outbox SET payload = ") +
                    (onPostgres() ? "jsonb_set(payload::jsonb, '{email}', '\"\"')::text"
                                  : "json_set(payload, '$.email', '')") +
                    " WHERE id = (SELECT max(id) FROM outbox WHERE kind = 'upsert_person')");
        }
        app::CrmSandbox sandbox;
        app::CrmSandboxConfig config;
        config.faultRate = 0.3;
        config.faults = {app::CrmFault::ServerError};
        QVERIFY(sandbox.start(0, config) > 0);
        {
            crm::HubSpotConnector::Config hub;
            hub.baseUrl = sandbox.baseUrl().toStdString();
            hub.accessToken = "pat-demo";
            crm::HubSpotConnector hubspot(hub);
            app::OneShotHttpTransport transport;
            const SystemClock clock;
            crm::PushOptions options;
            options.batchSize = 3;
            crm::PushWorker worker(db, hubspot, transport, clock, options);
            worker.runOnce();
            worker.runOnce();
        }
        ui::OutboxPage outbox(context(db, QStringLiteral("priya.natarajan@baton.example")));
        outbox.resize(1500, 760);
        outbox.show();
        outbox.table()->resizeColumnsToContents();
        outbox.table()->selectRow(2);
        QTest::qWait(200);
        QVERIFY(outbox.grab().save(dir + QStringLiteral("/outbox.png")));
    }

    void searchFindsByCompanyAfterIndexing()
    {
        auto db = store::openStore(freshStore());
        auto inbox = page(db, QStringLiteral("henrik.larsen@baton.example"));
        const auto *target = inbox->model()->briefAt(0);
        QVERIFY(target);
        const QString company = QString::fromStdString(target->company);
        QAbstractItemModelTester tester(inbox->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loading(inbox->model(), &ui::InboxTableModel::loading);
        QTest::keyClick(inbox->table(), Qt::Key_Slash);
        auto *search = inbox->findChild<QLineEdit *>(QStringLiteral("inboxSearch"));
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, company.section(QLatin1Char(' '), 0, 0));
        QTRY_VERIFY(inbox->model()->totalCount() >= 1 &&
                    inbox->model()->rowOfBrief(target->id) >= 0 &&
                    inbox->model()->totalCount() < scalar(db, "SELECT count(*) FROM briefs"));
        for (int r = 0; r < inbox->model()->rowCount(); ++r)
            QVERIFY(inbox->model()->briefAt(r)->status != review::BriefStatus::Superseded);
        // The search ran on the worker connection: loading went on, then off.
        QVERIFY(loading.size() >= 2);
        QCOMPARE(loading.first().at(0).toBool(), true);
        QCOMPARE(loading.last().at(0).toBool(), false);
    }
};

QTEST_MAIN(TestInboxPage)
#include "test_inbox_page.moc"
