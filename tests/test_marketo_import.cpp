#include "TempStore.h"

#include "ingest/MarketoActivitySource.h"

#include <QTest>

namespace {

const QByteArray kExport =
    "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,"
    "primaryAttributeValue,attributes\n"
    "783957693,5414087,2026-10-02T14:06:20Z,1,null,112,/pricing,\"{\"\"Client IP Address\"\":\"\"203.0.113.7\"\","
    "\"\"Referrer URL\"\":\"\"https://www.google.com/\"\"}\"\n"
    "783957694,5414087,2026-10-02T14:09:03Z,2,8497,1670,Demo Request,\"{\"\"Form Fields\"\":\"\"a=1\"\"}\"\n"
    "783957695,5414087,2022-02-13T14:06:20+0000,10,8497,null,Newsletter October,null\n"
    "783957696,77,2026-10-03T08:00:00Z,46,null,null,null,\"[{\"\"name\"\":\"\"Score\"\",\"\"value\"\":5}]\"\n"
    "783957697,77,2026-10-03T08:00:00Z,11,8497,3,Webinar invite,\"{broken json\"\n"
    "783957698,77,yesterday,10,8497,3,Webinar invite,null\n";

} // namespace

class TestMarketoImport : public QObject
{
    Q_OBJECT
private slots:
    void importsActivitiesAsEvents()
    {
        TempStore s;
        const auto r = s.import(QStringLiteral("activities-2026-10.csv"), kExport);
        QVERIFY2(!r.failed, r.error.c_str());
        QCOMPARE(r.format, std::string("marketo"));
        QCOMPARE(r.counts.read, 6);
        QCOMPARE(r.counts.accepted, 4);
        QCOMPARE(r.counts.quarantined, 2);

        QCOMPARE(s.text("SELECT type FROM events WHERE source_id = '783957693'"), QStringLiteral("web_visit"));
        QCOMPARE(s.text("SELECT asset FROM events WHERE source_id = '783957693'"), QStringLiteral("/pricing"));
        QVERIFY(s.text("SELECT campaign_id FROM events WHERE source_id = '783957693'").isEmpty());
        QCOMPARE(s.text("SELECT json_extract(attributes, '$.\"Client IP Address\"') FROM events "
                        "WHERE source_id = '783957693'"), QStringLiteral("203.0.113.7"));
        QCOMPARE(s.text("SELECT type FROM events WHERE source_id = '783957694'"), QStringLiteral("form_submit"));
        QCOMPARE(s.text("SELECT lead_system || ':' || lead_ref FROM events WHERE source_id = '783957694'"),
                 QStringLiteral("marketo:5414087"));
        // The basic "+0000" offset of older exports is read and normalised to UTC.
        QCOMPARE(s.text("SELECT occurred_at FROM events WHERE source_id = '783957695'"),
                 QStringLiteral("2022-02-13T14:06:20Z"));
        // An activity type Baton does not map is kept as "other" with Marketo's id, and the
        // older [{name, value}] attribute form is read as an object.
        QCOMPARE(s.text("SELECT type || ':' || activity_type_id FROM events WHERE source_id = '783957696'"),
                 QStringLiteral("other:46"));
        QCOMPARE(s.scalar("SELECT json_extract(attributes, '$.Score') FROM events WHERE source_id = '783957696'"), 5);
        QCOMPARE(s.scalar("SELECT records FROM contract_usage WHERE contract = 'engagement_event' AND version = 2"), 4);
    }

    void quarantinesBadRowsWithTheirColumn()
    {
        TempStore s;
        const auto r = s.import(QStringLiteral("activities.csv"), kExport);
        auto q = s.db.prepare("SELECT line, field, message FROM quarantine WHERE batch_id = ? ORDER BY line");
        q.bind(1, r.batchId);
        QVERIFY(q.step());
        QCOMPARE(q.int64At(0), 6);
        QCOMPARE(q.textAt(1), std::string("attributes"));
        QVERIFY(q.step());
        QCOMPARE(q.int64At(0), 7);
        QCOMPARE(q.textAt(1), std::string("activityDate"));
        QVERIFY2(QString::fromStdString(q.textAt(2)).contains("yesterday"), q.textAt(2).c_str());
    }

    void mapsTheStandardActivityTypes()
    {
        using baton::ingest::MarketoActivitySource;
        QCOMPARE(*MarketoActivitySource::eventTypeFor(1), std::string_view("web_visit"));
        QCOMPARE(*MarketoActivitySource::eventTypeFor(2), std::string_view("form_submit"));
        QCOMPARE(*MarketoActivitySource::eventTypeFor(3), std::string_view("link_click"));
        QCOMPARE(*MarketoActivitySource::eventTypeFor(8), std::string_view("bounce"));
        QCOMPARE(*MarketoActivitySource::eventTypeFor(9), std::string_view("unsubscribe"));
        QCOMPARE(*MarketoActivitySource::eventTypeFor(10), std::string_view("email_open"));
        QCOMPARE(*MarketoActivitySource::eventTypeFor(11), std::string_view("email_click"));
        QVERIFY(!MarketoActivitySource::eventTypeFor(46).has_value());
    }
};

QTEST_GUILESS_MAIN(TestMarketoImport)
#include "test_marketo_import.moc"
