#include "ApprovedStore.h"
#include "TestContexts.h"
#include "pages/LineagePage.h"

#include <QGraphicsItem>
#include <QGraphicsView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

// The lineage page on a demo store: the graph drawn, a field selected keeps only what it
// rests on, a double-click opens a group of events, and a missing brief is said so.
class TestLineagePage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_path;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_dialogs;
    TestContexts m_contexts{m_messages, m_dialogs};

private slots:
    void cleanup() { m_contexts.clear(); }

    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("lineage.sqlite")).toStdString();
        const auto registry = contracts::ContractRegistry::builtIn();
        buildBriefedStore(m_path, m_dir.filePath(QStringLiteral("demo")).toStdString(), 600, 3,
                          registry);
        auto db = store::openStore(testStoreLocation(m_path));
        approveAll(db, registry);
    }

    void aFieldKeepsOnlyWhatItRestsOn()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        ui::LineagePage page(m_contexts.make(db, m_registry));
        page.resize(1400, 800);
        page.show();
        auto st = db.prepare("SELECT id, owner FROM briefs WHERE status = 'approved' ORDER BY "
                             "length(inputs) DESC LIMIT 1"); // the most inputs: the longest list
        QVERIFY(st.step());
        const auto brief = st.int64At(0);
        // Nobody, and a rep whose brief it is not, see nothing of it.
        QVERIFY(!page.showBrief(brief));
        page.setViewer(review::Actor{"someone.else@baton.example", "Someone Else",
                                     governance::Role::Rep, "test"});
        QVERIFY(!page.showBrief(brief));
        QVERIFY(!page.graph().has_value());
        page.setViewer(review::Actor{st.textAt(1), "Owner", governance::Role::Rep, "test"});
        QVERIFY(page.showBrief(brief));
        page.setViewer(review::Actor{"dana.okoro@baton.example", "Dana Okoro",
                                     governance::Role::Manager, "test"});
        QVERIFY(page.showBrief(brief));
        QVERIFY(page.graph().has_value());
        QCOMPARE(page.view()->scene()->items().isEmpty(), false);

        QVERIFY(page.selectNode(QStringLiteral("field:/profile")));
        const auto kept = page.highlighted();
        QVERIFY(kept.contains(QStringLiteral("step:enrichment")));
        QVERIFY(!kept.contains(QStringLiteral("step:scoring")));
        for (const auto &id : kept)
            QVERIFY2(!id.startsWith(QStringLiteral("events:")), qPrintable(id));
        QVERIFY(page.details()->toPlainText().contains(QStringLiteral("brief field")));

        // Double-clicking a group of events opens it into its events.
        QString group;
        for (const auto &n : page.graph()->nodes)
            if (n.kind == telemetry::LineageNode::Kind::EventGroup)
                group = QString::fromStdString(n.id);
        QVERIFY(!group.isEmpty());
        QGraphicsItem *item = nullptr;
        for (auto *i : page.view()->scene()->items())
            if (i->data(0).toString() == group)
                item = i;
        QVERIFY(item);
        page.view()->ensureVisible(item);
        const QPoint at = page.view()->mapFromScene(item->sceneBoundingRect().center());
        QTest::mouseDClick(page.view()->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY(!page.graph()->node(group.toStdString()));
        // The type opened into its days; a day opens into its events.
        QString day;
        for (const auto &n : page.graph()->nodes)
            if (QString::fromStdString(n.id).startsWith(group + QLatin1Char(':')))
                day = QString::fromStdString(n.id);
        QVERIFY(!day.isEmpty());
        QVERIFY(page.expandGroup(day));
        bool events = false;
        for (const auto &n : page.graph()->nodes)
            events = events || n.kind == telemetry::LineageNode::Kind::Event;
        QVERIFY(events);

        // A lead shows its newest brief.
        auto lead = db.prepare("SELECT lead_id, max(id) FROM briefs GROUP BY lead_id LIMIT 1");
        QVERIFY(lead.step());
        QVERIFY(page.showLead(lead.int64At(0)));
        QCOMPARE(page.graph()->briefId, lead.int64At(1));
        QVERIFY(!page.showLead(-1));

        QVERIFY(!page.showBrief(99999999));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("lineageState"))
                    ->text()
                    .contains(QStringLiteral("no brief")));

        if (const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(page.showBrief(brief));
            page.selectNode(QStringLiteral("field:/score"));
            page.findChild<QPushButton *>(QStringLiteral("lineageFit"))->click();
            QTest::qWait(100);
            QVERIFY(page.grab().save(dir + QStringLiteral("/lineage.png")));
        }
    }
};

QTEST_MAIN(TestLineagePage)
#include "test_lineage_page.moc"
