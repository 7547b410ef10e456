#include "TempStore.h"

#include <QTest>

namespace {

// As HubSpot's CRM export writes it: UTF-8 with a byte-order mark, CRLF, every field quoted,
// datetimes "YYYY-MM-DD HH:MM" without an offset, stage labels, empty cells for unset values.
const QByteArray kExport =
    "\xEF\xBB\xBF\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Job Title\",\"Phone Number\","
    "\"Lifecycle Stage\",\"Lead Status\",\"Original Source\",\"Country/Region\",\"Associated Company\","
    "\"Create Date\",\"Contact owner\",\"Became an Opportunity Date\",\"Unsubscribed from all email\","
    "\"Marketo Lead ID\",\"Industry\"\r\n"
    "\"1051\",\"Ana\",\"Ruiz\",\"Ana.Ruiz@Example.com\",\"VP Marketing\",\"+1 415 555 0100\","
    "\"Marketing Qualified Lead\",\"Open\",\"Organic Search\",\"United States\",\"Acme, Inc.\","
    "\"2026-09-14 10:32\",\"Jane Smith\",\"\",\"false\",\"5414087\",\"Software\"\r\n"
    "\"1052\",\"Zoë\",\"Müller\",\"zoe.mueller@beispiel.de\",\"Head of IT\",\"\","
    "\"Opportunity\",\"\",\"Paid Social\",\"Germany\",\"Beispiel GmbH\","
    "\"2026-06-01 08:00\",\"\",\"2026-08-20 16:45\",\"true\",\"\",\"\"\r\n"
    "\"1053\",\"Bo\",\"Li\",\"not-an-email\",\"CTO\",\"\",\"Lead\",\"\",\"\",\"\",\"\","
    "\"2026-09-30 10:00\",\"\",\"\",\"\",\"\",\"\"\r\n"
    "\"1054\",\"Sam\",\"Okafor\",\"sam@okafor.io\",\"Engineer\",\"\",\"Lead\",\"\",\"\",\"\",\"\","
    "\"2026-02-30 10:00\",\"\",\"\",\"\",\"\",\"\"\r\n"
    "\"1055\",\"Kim\",\"Park\",\"kim@park.dev\",\"\",\"\",\"Prospect\",\"\",\"\",\"\",\"\","
    "\"2026-09-01 09:00\",\"\",\"\",\"\",\"\",\"\"\r\n";

} // namespace

class TestHubSpotImport : public QObject
{
    Q_OBJECT
private slots:
    void importsContactsAsLeads()
    {
        TempStore s;
        const auto r = s.import(QStringLiteral("hubspot-crm-exports-all-contacts-2026-11-20.csv"), kExport);
        QVERIFY2(!r.failed, r.error.c_str());
        QCOMPARE(r.format, std::string("hubspot"));
        QCOMPARE(r.counts.read, 5);
        QCOMPARE(r.counts.accepted, 2);
        QCOMPARE(r.counts.inserted, 2);
        QCOMPARE(r.counts.quarantined, 3);

        QCOMPARE(s.text("SELECT email FROM leads WHERE source_id = '1051'"), QStringLiteral("ana.ruiz@example.com"));
        QCOMPARE(s.text("SELECT company FROM leads WHERE source_id = '1051'"), QStringLiteral("Acme, Inc."));
        QCOMPARE(s.text("SELECT lifecycle_stage FROM leads WHERE source_id = '1051'"),
                 QStringLiteral("marketingqualifiedlead"));
        QCOMPARE(s.text("SELECT created_at FROM leads WHERE source_id = '1051'"), QStringLiteral("2026-09-14T10:32:00Z"));
        QCOMPARE(s.text("SELECT last_name FROM leads WHERE source_id = '1052'"), QStringLiteral("Müller"));
        QCOMPARE(s.text("SELECT converted_at FROM leads WHERE source_id = '1052'"), QStringLiteral("2026-08-20T16:45:00Z"));
        QCOMPARE(s.scalar("SELECT opted_out FROM leads WHERE source_id = '1052'"), 1);
        QCOMPARE(s.scalar("SELECT opted_out FROM leads WHERE source_id = '1051'"), 0);
        // No phone at all (not an empty one): SQLite's json_type is PostgreSQL's jsonb_path_exists.
        QCOMPARE(s.scalar(onPostgres() ? "SELECT NOT jsonb_path_exists(record::jsonb, '$.phone') FROM "
                                         "leads WHERE source_id = '1052'"
                                       : "SELECT json_type(record, '$.phone') IS NULL FROM leads "
                                         "WHERE source_id = '1052'"),
                 1);
        // Unknown columns are kept as extra properties; the Marketo id becomes an identity.
        QCOMPARE(s.text("SELECT json_extract(record, '$.properties.Industry') FROM leads WHERE source_id = '1051'"),
                 QStringLiteral("Software"));
        QCOMPARE(s.scalar("SELECT lead_id FROM lead_identities WHERE source_system = 'marketo' AND source_id = '5414087'"),
                 s.scalar("SELECT id FROM leads WHERE source_id = '1051'"));
        // A column Baton has no field for is contract drift: counted per batch, once per record
        // that carries it (1052 left it empty).
        QCOMPARE(s.scalar("SELECT count(*) FROM contract_drift"), 1);
        QCOMPARE(s.scalar("SELECT records FROM contract_drift WHERE contract = 'lead' AND version = 3 "
                          "AND field = 'properties/Industry'"),
                 1);
        // Provenance on every record.
        QCOMPARE(s.scalar("SELECT count(*) FROM leads WHERE source_system = 'hubspot' AND batch_id = "
                          + std::to_string(r.batchId) + " AND length(content_hash) = 32 AND contract_version = 3"),
                 2);
    }

    void quarantineNamesFileLineAndColumn()
    {
        TempStore s;
        const auto r = s.import(QStringLiteral("contacts.csv"), kExport);
        auto q = s.db.prepare("SELECT line, field, message, file_name, contract, raw FROM quarantine "
                              "WHERE batch_id = ? ORDER BY line");
        q.bind(1, r.batchId);
        QVERIFY(q.step());
        QCOMPARE(q.int64At(0), 4);
        QCOMPARE(q.textAt(1), std::string("Email"));
        QVERIFY2(QString::fromStdString(q.textAt(2)).contains("email"), q.textAt(2).c_str());
        QCOMPARE(q.textAt(3), std::string("contacts.csv"));
        QCOMPARE(q.textAt(4), std::string("lead@3"));
        QVERIFY(QString::fromStdString(q.textAt(5)).startsWith("\"1053\""));
        QVERIFY(q.step());
        QCOMPARE(q.int64At(0), 5);
        QCOMPARE(q.textAt(1), std::string("Create Date"));
        QVERIFY2(QString::fromStdString(q.textAt(2)).contains("date-time"), q.textAt(2).c_str());
        QVERIFY(q.step());
        QCOMPARE(q.int64At(0), 6);
        QCOMPARE(q.textAt(1), std::string("Lifecycle Stage"));
        QVERIFY(!q.step());
    }

    void acceptsInternalPropertyNames()
    {
        TempStore s;
        const QByteArray api = "hs_object_id,email,firstname,lastname,lifecyclestage,createdate,hs_email_optout\n"
                               "901,lee@example.org,Lee,Chan,salesqualifiedlead,1726309920000,false\n";
        const auto r = s.import(QStringLiteral("api.csv"), api);
        QCOMPARE(r.counts.accepted, 1);
        QCOMPARE(s.text("SELECT created_at FROM leads WHERE source_id = '901'"), QStringLiteral("2024-09-14T10:32:00Z"));
        QCOMPARE(s.text("SELECT lifecycle_stage FROM leads"), QStringLiteral("salesqualifiedlead"));
    }

    void appliesThePortalUtcOffset()
    {
        TempStore s;
        baton::ingest::ImportOptions options;
        options.source.utcOffsetMinutes = -300; // a portal on US Eastern (standard) time
        const QByteArray data = "Record ID,Email,Create Date\n7,a@b.co,2026-11-01 09:15\n";
        s.import(QStringLiteral("east.csv"), data, options);
        QCOMPARE(s.text("SELECT created_at FROM leads"), QStringLiteral("2026-11-01T14:15:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestHubSpotImport)
#include "test_hubspot_import.moc"
