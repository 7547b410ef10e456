#include "DemoStore.h"
#include "FakeSeams.h"
#include "Settings.h"
#include "TestContexts.h"
#include "agents/Policy.h"
#include "models/BriefLabels.h"
#include "models/DisplayFormat.h"
#include "models/InboxTableModel.h"
#include "pages/InboxPage.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/RunStore.h"
#include "pipeline/Team.h"
#include "ports/IdGenerator.h"
#include "review/ReviewService.h"
#include "util/Time.h"
#include "widgets/BriefContact.h"
#include "widgets/BriefView.h"
#include "widgets/CrmLink.h"
#include "widgets/MyDayStrip.h"
#include "widgets/StepTimeline.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHeaderView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace baton;

namespace {

const char *const kLena = "lena.fischer@baton.example";
const char *const kFixtureNow = "2026-11-16T12:00:00Z";

QDateTime qtime(const char *rfc3339)
{
    return ui::utcTime(QString::fromLatin1(rfc3339));
}

} // namespace

// The brief as a rep works it, by keyboard, on a demo store the pipeline filled at a fixed
// moment: what to do and by when, the lead's contact a key away, the CRM record once pushed,
// sentences that wrap with their sources counted, the agents' reasoning as a timeline, and
// "My day" above the inbox. Every time comes from the fixture's clock.
class TestBriefView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_template;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    int m_copies = 0;
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_dialogs;
    TestContexts m_contexts{m_messages, m_dialogs};
    FixedClock m_clock{*util::parseRfc3339(kFixtureNow)};

    std::string freshStore()
    {
        return copyStore(
            m_template.toStdString(),
            m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_copies)).toStdString());
    }

    ui::ConsoleContext &context(store::Database &db, const QString &user = {})
    {
        return m_contexts.make(db, m_registry, user, &m_clock);
    }

    std::unique_ptr<ui::InboxPage> inbox(store::Database &db, const QString &user)
    {
        return inbox(context(db, user));
    }

    static std::unique_ptr<ui::InboxPage> inbox(ui::ConsoleContext &context)
    {
        auto p = std::make_unique<ui::InboxPage>(ui::InboxPage::Mode::Inbox, context);
        p->resize(1400, 800);
        p->show();
        QApplication::setActiveWindow(p.get());
        if (!QTest::qWaitForWindowActive(p.get()))
            qWarning("the page did not become active");
        p->table()->setFocus();
        return p;
    }

    // Moves the inbox's selection to the brief by keyboard (J), from the top.
    static bool selectByKeys(ui::InboxPage &page, std::int64_t briefId)
    {
        page.selectRow(0);
        for (int i = 0; i < page.model()->rowCount() + 1; ++i) {
            if (page.briefView()->briefId() == briefId)
                return true;
            QTest::keyClick(page.table(), Qt::Key_J);
        }
        return page.briefView()->briefId() == briefId;
    }

    static QTreeWidgetItem *section(QTreeWidget *tree, const QString &title)
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            if (tree->topLevelItem(i)->text(0) == title)
                return tree->topLevelItem(i);
        return nullptr;
    }

    // A pending brief whose first action is to book a demo (Lena's if she has one), and its
    // owner.
    static std::pair<std::int64_t, QString> demoBrief(store::Database &db)
    {
        auto st = db.prepare("SELECT id, owner FROM briefs WHERE status = 'pending_review' AND "
                             "brief LIKE '%\"book_demo\"%' AND owner IN (SELECT email FROM users "
                             "WHERE role = 'rep') ORDER BY owner = 'lena.fischer@baton.example' "
                             "DESC, id LIMIT 1");
        if (!st.step())
            return {0, QString()};
        return {st.int64At(0), QString::fromStdString(st.textAt(1))};
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_template = m_dir.filePath(QStringLiteral("template.sqlite"));
        const auto now = *util::parseRfc3339(kFixtureNow);
        buildDemoStore(m_template.toStdString(),
                       m_dir.filePath(QStringLiteral("demo")).toStdString(), 400, 21, now);
        auto db = store::openStore(testStoreLocation(m_template.toStdString()));
        pipeline::saveUsers(db, pipeline::demoTeam());
        const auto policy = agents::defaultPolicy(m_registry);
        RandomIdGenerator ids(3);
        pipeline::Orchestrator(db, m_registry, policy, m_clock, ids).run({});
        checkpointTestStore(db);
    }

    void cleanup() { m_contexts.clear(); }

    // Due times relative to the console's clock, in the person's zone (UTC here).
    void dueTimesReadAsAPersonSaysThem()
    {
        const QDateTime now = qtime(kFixtureNow);
        const QTimeZone utc = QTimeZone::utc();
        const QLocale locale;
        QCOMPARE(ui::dueText(qtime("2026-11-16T14:00:00Z"), now, utc),
                 QStringLiteral("today ") + locale.toString(QTime(14, 0), QLocale::ShortFormat));
        QCOMPARE(ui::dueText(qtime("2026-11-17T09:00:00Z"), now, utc),
                 QStringLiteral("tomorrow ") + locale.toString(QTime(9, 0), QLocale::ShortFormat));
        QCOMPARE(ui::dueText(qtime("2026-12-03T09:00:00Z"), now, utc),
                 locale.toString(QDate(2026, 12, 3), QStringLiteral("d MMM")));
        QCOMPARE(ui::dueText(qtime("2026-11-16T10:00:00Z"), now, utc),
                 QStringLiteral("overdue by 2 h"));
        QCOMPARE(ui::dueText(qtime("2026-11-13T10:00:00Z"), now, utc),
                 QStringLiteral("overdue by 3 d"));
        QCOMPARE(ui::endOfDay(now, utc), qtime("2026-11-17T00:00:00Z"));
        QCOMPARE(ui::actionText(QStringLiteral("book_demo")), QStringLiteral("Book a demo"));
    }

    // Each recommended action reads as a verb and a due time, with its reason under it.
    void anActionShowsItsVerbAndDueTime()
    {
        auto db = store::openStore(freshStore());
        const auto [id, owner] = demoBrief(db);
        QVERIFY2(id > 0, "the demo has no pending brief with a demo request");
        auto page = inbox(db, owner);
        QVERIFY(selectByKeys(*page, id));
        const auto brief =
            nlohmann::json::parse(*pipeline::RunStore(db).briefJson(id))["recommended_actions"];
        const auto &first = brief.at(0);
        QCOMPARE(first.value("action", ""), std::string("book_demo"));
        auto *actions = section(page->briefView()->sentences(), QStringLiteral("Recommended actions"));
        QVERIFY(actions);
        const QString text = actions->child(0)->text(1);
        const QString due =
            ui::dueText(ui::utcTime(first.value("due", "")), qtime(kFixtureNow));
        QVERIFY2(text.startsWith(QStringLiteral("Book a demo, due ") + due + QLatin1Char('\n')),
                 qPrintable(text));
        QVERIFY2(text.section(QLatin1Char('\n'), 1).startsWith(QStringLiteral("Requested a demo on ")),
                 qPrintable(text));
    }

    // Ctrl+Shift+C from the list puts the lead's e-mail on the clipboard; the button shows it.
    void copyingTheEmailPutsItOnTheClipboard()
    {
        auto db = store::openStore(freshStore());
        const auto [id, owner] = demoBrief(db);
        QVERIFY(id > 0);
        auto page = inbox(db, owner);
        QVERIFY(selectByKeys(*page, id));
        auto st = db.prepare("SELECT l.email FROM briefs b JOIN leads l ON l.id = b.lead_id "
                             "WHERE b.id = ?");
        st.bind(1, id);
        QVERIFY(st.step());
        const QString email = QString::fromStdString(st.textAt(0));
        QVERIFY(!email.isEmpty());
        QGuiApplication::clipboard()->clear();
        QVERIFY(page->findChild<QToolButton *>(QStringLiteral("copyEmailButton"))->isVisible());
        QTest::keyClick(page->table(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), email);
    }

    // "Open in HubSpot" only once the brief is in the CRM; Ctrl+O opens the record's page
    // under the configured base URL, through the seam.
    void openInCrmOnlyOncePushed()
    {
        auto db = store::openStore(freshStore());
        const auto [id, owner] = demoBrief(db);
        QVERIFY(id > 0);
        {
            review::ReviewService service(db, m_registry, m_clock);
            service.approve(service.actor(owner.toStdString(), "rep"), id,
                            service.brief(id).version);
        }
        auto &ctx = context(db, owner);
        auto page = inbox(ctx);
        QList<QUrl> opened;
        page->briefView()->contact()->setUrlOpener([&](const QUrl &url) {
            opened << url;
            return true;
        });
        page->briefView()->showBrief(id); // approved: out of the rep's queue, shown as is
        QAction *open = page->briefView()->contact()->openCrmAction();
        QVERIFY(!open->isEnabled());
        QTest::keyClick(page->table(), Qt::Key_O, Qt::ControlModifier);
        QVERIFY(opened.isEmpty());

        QVERIFY(scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'upsert_person' AND "
                           "brief_id = " + std::to_string(id)) >= 1);
        db.exec("UPDATE outbox SET status = 'done', crm_system = 'hubspot', crm_id = '1001' "
                "WHERE kind = 'upsert_person' AND brief_id = " + std::to_string(id));
        page->briefView()->showBrief(id);
        QVERIFY(!open->isEnabled()); // no HubSpot URL configured: nowhere to go
        ctx.settings().setHubSpotUrl(QStringLiteral("http://127.0.0.1:9/"));
        page->briefView()->showBrief(id);
        QVERIFY(open->isEnabled());
        QCOMPARE(open->text(), QStringLiteral("Open in HubSpot"));
        QVERIFY(page->findChild<QToolButton *>(QStringLiteral("openInCrmButton"))->isVisible());
        QTest::keyClick(page->table(), Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first(), QUrl(QStringLiteral("http://127.0.0.1:9/contacts/record/0-1/1001")));
        QCOMPARE(ui::crmRecordUrl(crm::Target::Salesforce,
                                  QStringLiteral("https://acme.my.salesforce.com"),
                                  QStringLiteral("00Q5e00000AbCdE")),
                 QUrl(QStringLiteral("https://acme.my.salesforce.com/lightning/r/Lead/"
                                     "00Q5e00000AbCdE/view")));
        QCOMPARE(ui::crmRecordUrl(crm::Target::HubSpot, QStringLiteral("https://api.hubapi.com"),
                                  QStringLiteral("1001"))
                     .host(),
                 QStringLiteral("app.hubspot.com"));
    }

    // Sentences wrap in the room the pane has; each shows how many sources it cites and opens
    // into them (Right), and selecting it still highlights its inputs.
    void sentencesWrapAndCitesAreCompact()
    {
        auto db = store::openStore(freshStore());
        const auto id = demoBrief(db).first;
        QVERIFY(id > 0);
        auto brief = nlohmann::json::parse(*pipeline::RunStore(db).briefJson(id));
        const std::string longText =
            "Ask which pricing questions are still open: they looked at the pricing page several "
            "times this month and asked for a demo, so the budget conversation may be near and "
            "the rep should be ready with the plans that fit a company of their size.";
        const std::string ref = brief["inputs_considered"][0]["ref"];
        brief["summary"]["talking_points"] =
            nlohmann::json::array({{{"text", longText}, {"evidence", {ref}}}});
        auto update = db.prepare("UPDATE briefs SET edited = ? WHERE id = ?");
        update.bindAll(brief.dump(), static_cast<std::int64_t>(id));
        update.run();

        ui::BriefView view(context(db, QString::fromLatin1(kLena)));
        view.resize(600, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showBrief(id);
        QTreeWidget *tree = view.sentences();
        QVERIFY(tree->wordWrap());
        QCOMPARE(tree->textElideMode(), Qt::ElideNone);
        QTreeWidgetItem *points = section(tree, QStringLiteral("Talking points"));
        QVERIFY(points);
        QTreeWidgetItem *sentence = points->child(0);
        QCOMPARE(sentence->text(1), QString::fromStdString(longText));
        QCOMPARE(sentence->text(2), QStringLiteral("1 source(s)"));
        // The count takes little room; the sentence the rest, on several lines.
        QVERIFY2(tree->header()->sectionSize(2) < tree->viewport()->width() / 4,
                 qPrintable(QString::number(tree->header()->sectionSize(2))));
        tree->scrollToItem(sentence);
        const int lineHeight = tree->fontMetrics().height();
        QTRY_VERIFY2(tree->visualItemRect(sentence).height() >= 2 * lineHeight,
                     qPrintable(QString::number(tree->visualItemRect(sentence).height())));

        // By keyboard: to the sentence, open it into its source, and its input lights up.
        tree->setFocus();
        tree->setCurrentItem(points);
        QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(tree->currentItem(), sentence);
        QVERIFY(!sentence->isExpanded());
        QTest::keyClick(tree, Qt::Key_Right);
        QVERIFY(sentence->isExpanded());
        QVERIFY(sentence->child(0)->text(1).startsWith(QString::fromStdString(ref)));
        const auto lit = view.inputs()->findItems(QString::fromStdString(ref), Qt::MatchExactly, 0);
        QCOMPARE(lit.size(), 1);
        QVERIFY(lit[0]->background(0) != QBrush());
    }

    // The Reasoning tab: one row per agent with its decision, checks and duration, opening
    // into its rationale; the steps as recorded behind "Show raw" (Space).
    void reasoningIsATimelineWithRawBehindAToggle()
    {
        auto db = store::openStore(freshStore());
        const auto id = demoBrief(db).first;
        QVERIFY(id > 0);
        ui::BriefView view(context(db, QString::fromLatin1(kLena)));
        view.resize(900, 700);
        view.show();
        view.showBrief(id);
        view.tabs()->setCurrentWidget(view.timeline());
        QTreeWidget *steps = view.steps();
        QCOMPARE(steps->topLevelItemCount(), 4);
        QStringList agents;
        for (int i = 0; i < steps->topLevelItemCount(); ++i)
            agents << steps->topLevelItem(i)->text(0);
        QCOMPARE(agents, (QStringList{QStringLiteral("Enrichment"), QStringLiteral("Scoring"),
                                      QStringLiteral("Summarization"), QStringLiteral("Handoff")}));
        QTreeWidgetItem *handoff = steps->topLevelItem(3);
        QVERIFY2(handoff->text(3).contains(QStringLiteral("passed")), qPrintable(handoff->text(3)));
        QVERIFY(handoff->text(4).endsWith(QStringLiteral(" ms")));
        QVERIFY(handoff->childCount() > 0);
        QVERIFY(!handoff->text(2).startsWith(QLatin1Char('{')));
        QVERIFY(!view.timeline()->raw()->isVisible());
        QVERIFY(steps->isVisible());

        view.timeline()->rawToggle()->setFocus();
        QTest::keyClick(view.timeline()->rawToggle(), Qt::Key_Space);
        QVERIFY(view.timeline()->raw()->isVisible());
        QVERIFY(!steps->isVisible());
        QVERIFY(view.timeline()->raw()->toPlainText().contains(QStringLiteral("\"agent\": \"scoring\"")));
        QTest::keyClick(view.timeline()->rawToggle(), Qt::Key_Space);
        QVERIFY(steps->isVisible());
    }

    // "My day" counts Lena's open briefs due today, overdue, returned to her and new since
    // her last visit, as the store has them; a count pressed (Space) narrows the list to it.
    void myDayCountsMatchTheStoreAndFilterTheList()
    {
        auto db = store::openStore(freshStore());
        const std::string lena = kLena;
        // Another rep's brief reassigned to Lena by her manager: returned to her.
        const auto moved = scalar(db, "SELECT min(id) FROM briefs WHERE status = "
                                      "'pending_review' AND owner <> 'lena.fischer@baton.example'");
        {
            review::ReviewService service(db, m_registry, m_clock);
            service.reassign(service.actor("henrik.larsen@baton.example", "henrik"), moved,
                             service.brief(moved).version, lena, "");
        }
        // Two briefs made after her last visit (12:30), one past its SLA at 13:00.
        db.exec("UPDATE briefs SET created_at = '2026-11-16T12:45:00Z' WHERE id IN (SELECT id "
                "FROM briefs WHERE owner = 'lena.fischer@baton.example' AND status = "
                "'pending_review' ORDER BY id DESC LIMIT 2)");
        db.exec("UPDATE briefs SET sla_due = '2026-11-16T08:00:00Z' WHERE id = (SELECT min(id) "
                "FROM briefs WHERE owner = 'lena.fischer@baton.example' AND status = "
                "'pending_review')");
        const FixedClock later(*util::parseRfc3339("2026-11-16T13:00:00Z"));
        auto &ctx = m_contexts.make(db, m_registry, QString::fromLatin1(kLena), &later);
        ctx.settings().setLastInboxVisit(QString::fromLatin1(kLena), qtime("2026-11-16T12:30:00Z"));

        const std::string now = "2026-11-16T13:00:00Z";
        const std::string dayEnd =
            ui::endOfDay(qtime("2026-11-16T13:00:00Z")).toString(Qt::ISODate).toStdString();
        const std::string mine = "SELECT count(*) FROM briefs WHERE owner = "
                                 "'lena.fischer@baton.example' AND status IN "
                                 "('pending_review', 'escalated') AND ";
        const auto overdue = scalar(db, mine + "sla_due < '" + now + "'");
        const auto dueToday =
            scalar(db, mine + "sla_due >= '" + now + "' AND sla_due < '" + dayEnd + "'");
        const auto fresh = scalar(db, mine + "created_at > '2026-11-16T12:30:00Z'");
        QVERIFY2(overdue > 0, "nothing overdue");
        QCOMPARE(fresh, std::int64_t(2));

        auto page = inbox(ctx);
        ui::MyDayStrip *day = page->myDay();
        QVERIFY(day && day->isVisible());
        using review::DayBucket;
        QCOMPARE(day->button(DayBucket::Overdue)->text(), QStringLiteral("%1 overdue").arg(overdue));
        QCOMPARE(day->button(DayBucket::DueToday)->text(),
                 QStringLiteral("%1 due today").arg(dueToday));
        QCOMPARE(day->button(DayBucket::ReturnedToMe)->text(), QStringLiteral("1 returned to me"));
        QCOMPARE(day->button(DayBucket::NewSinceVisit)->text(),
                 QStringLiteral("2 new since my last visit"));
        // This visit is the next one's "last".
        QCOMPARE(ctx.settings().lastInboxVisit(QString::fromLatin1(kLena)),
                 qtime("2026-11-16T13:00:00Z"));

        const auto all = page->model()->totalCount();
        QToolButton *overdueButton = day->button(DayBucket::Overdue);
        overdueButton->setFocus();
        QTest::keyClick(overdueButton, Qt::Key_Space);
        QCOMPARE(page->model()->totalCount(), overdue);
        for (int row = 0; row < page->model()->rowCount(); ++row)
            QVERIFY(page->model()->briefAt(row)->slaDue < now);
        QTest::keyClick(overdueButton, Qt::Key_Space); // again: the whole list
        QCOMPARE(page->model()->totalCount(), all);

        QToolButton *returned = day->button(DayBucket::ReturnedToMe);
        returned->setFocus();
        QTest::keyClick(returned, Qt::Key_Space);
        QCOMPARE(page->model()->totalCount(), std::int64_t(1));
        QCOMPARE(page->model()->briefAt(0)->id, moved);
        QVERIFY(!overdueButton->isChecked());
    }
};

QTEST_MAIN(TestBriefView)
#include "test_brief_view.moc"
