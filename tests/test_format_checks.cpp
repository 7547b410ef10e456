#include "contracts/FormatChecks.h"
#include "contracts/SchemaValidator.h"

#include <QTest>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

using namespace baton::contracts;

namespace {

const std::string SuiteFormatDir =
    "/usr/share/json-schema-test-suite/tests/draft7/optional/format/";

// "<file> | <test description>" -> why our answer differs from the suite's. Empty: the
// installed suite passes in full.
const std::map<std::string, std::string> KnownExceptions = {};

} // namespace

class TestFormatChecks : public QObject
{
    Q_OBJECT

private slots:
    void officialSuite_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("data"); // JSON text of the instance
        QTest::addColumn<bool>("valid");
        for (const char *format : {"date-time", "date", "time", "email"}) {
            std::ifstream in(SuiteFormatDir + format + ".json");
            QVERIFY2(in, "install the json-schema-test-suite package");
            const nlohmann::json groups = nlohmann::json::parse(in);
            for (const auto &group : groups) {
                for (const auto &test : group.at("tests")) {
                    const std::string name =
                        std::string(format) + " | " + test.at("description").get<std::string>();
                    if (KnownExceptions.count(name) != 0)
                        continue;
                    QTest::newRow(name.c_str()) << QString::fromLatin1(format)
                                                << QByteArray::fromStdString(test.at("data").dump())
                                                << test.at("valid").get<bool>();
                }
            }
        }
    }

    void officialSuite()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, data);
        QFETCH(bool, valid);
        const nlohmann::json instance = nlohmann::json::parse(data.toStdString());
        const std::string formatName = format.toStdString();
        if (instance.is_string()) {
            bool actual = !valid;
            QVERIFY(checkFormat(formatName, instance.get<std::string>(), actual));
            QCOMPARE(actual, valid);
        }
        // Through the schema validator too: that is where non-strings are let pass.
        const SchemaValidator validator(nlohmann::json{{"format", formatName}});
        std::vector<ValidationError> errors;
        QCOMPARE(validator.validate(instance, &errors), valid);
        QCOMPARE(errors.empty(), valid);
    }

    // Cases from newer releases of the suite than Debian ships, plus our own.
    void edgeCases_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        const auto row = [](const char *format, const char *text, bool valid) {
            QTest::addRow("%s %s", format, text)
                << QString::fromLatin1(format) << QString::fromUtf8(text) << valid;
        };
        // date-time: leap seconds count only at 23:59:60 UTC.
        row("date-time", "1998-12-31T23:59:60Z", true);
        row("date-time", "1998-12-31T15:59:60.123-08:00", true);
        row("date-time", "1998-12-31T23:59:61Z", false);
        row("date-time", "1998-12-31T23:58:60Z", false);
        row("date-time", "1998-12-31T22:59:60Z", false);
        row("date-time", "2016-12-31T24:59:60+01:00", false);
        row("date-time", "1990-12-31T24:00:00Z", false);
        row("date-time", "1990-12-31T15:60:00Z", false);
        row("date-time", "1990-12-31T10:00:00+10:60", false);
        row("date-time", "1990-12-31T15:59:59-24:00", false);
        row("date-time", "1963-06-19T08:30:06.28123+01:00Z", false);
        row("date-time", "1963-6-19T08:30:06.283185Z", false);
        row("date-time", "1963-06-1T08:30:06.283185Z", false);
        row("date-time", "1963-06-1\u09eaT00:00:00Z", false);
        row("date-time", "1963-06-11T0\u09ea:00:00Z", false);
        row("date-time", "+11963-06-19T08:30:06.283185Z", false);
        row("date-time", "1985-04-12T23:20:50+01", false);
        row("date-time", "1985-04-12T00:59:59.999999999999999Z", true);
        row("date-time", "1985-04-12T23:20:50Z\n", false);
        row("date-time", "1985-04-12T23:20Z", false);
        row("date-time", "1985-04-12T23:20:50Ztail", false);
        row("date-time", "2021-02-28T00:00:00Z", true);
        row("date-time", "2020-02-30T00:00:00Z", false);
        row("date-time", "2021-02-29T00:00:00Z", false);
        row("date-time", "2020-02-29T00:00:00Z", true);
        row("date-time", "0100-02-29T00:00:00Z", false);
        row("date-time", "0400-02-29T00:00:00Z", true);
        row("date-time", "2100-02-29T00:00:00Z", false);
        row("date-time", "2026-02-30T10:00:00Z", false);
        row("date-time", "2026-04-31T10:00:00Z", false);
        row("date-time", "2026-11-24 09:58:06Z",
            false); // a space is only an aside in RFC 3339, not its ABNF
        row("date-time", "2026-11-24T09:58:06.Z", false);
        row("date-time", "2026-11-24T09:58:06", false);
        row("date-time", "", false);
        // date
        for (const char *good :
             {"2020-01-31", "2020-03-31", "2020-04-30", "2020-05-31", "2020-06-30", "2020-07-31",
              "2020-08-31", "2020-09-30", "2020-10-31", "2020-11-30", "2020-12-31", "2000-02-29"})
            row("date", good, true);
        for (const char *bad :
             {"2020-01-32", "2020-04-31", "2020-06-31", "2020-09-31", "2020-11-31", "2021-02-29",
              "1900-02-29", "2020-00-10", "2020-13-01", "2020-01-00", "1998-1-20", "1998-01-1",
              "20230328", "2023-W01", "2023-W13-2", "2022W527", "1963-06-1\u09ea",
              "2020-01-01T00:00:00Z", "2020-01-01 "})
            row("date", bad, false);
        // time
        for (const char *good :
             {"08:30:06Z", "23:59:60Z", "23:59:60+00:00", "01:29:60+01:30", "23:29:60+23:30",
              "15:59:60-08:00", "00:29:60-23:30", "23:20:50.52Z", "08:30:06+00:20",
              "08:30:06-08:00", "12:34:56-00:00", "08:30:06z"})
            row("time", good, true);
        for (const char *bad : {"008:030:006Z",
                                "8:3:6Z",
                                "8:0030:6Z",
                                "22:59:60Z",
                                "23:58:60Z",
                                "22:59:60+00:00",
                                "23:59:60+01:00",
                                "23:59:60+00:30",
                                "23:59:60-01:00",
                                "23:59:60-00:30",
                                "08:30:06-8:000",
                                "24:00:00Z",
                                "00:60:00Z",
                                "00:00:61Z",
                                "01:02:03+24:00",
                                "01:02:03+00:60",
                                "01:02:03Z+00:30",
                                "12:00:00",
                                "12:00:00.52",
                                "1\u09e8:00:00Z",
                                "08:30:06#00:20",
                                "ab:cd:ef",
                                "2020-11-28T23:55:45Z",
                                "24:59:00+01:00"})
            row("time", bad, false);
        // email: RFC 5321 Mailbox.
        for (const char *good :
             {"joe.bloggs@example.com", "te~st@example.com", "~test@example.com",
              "test~@example.com", "\"joe bloggs\"@example.com", "\"joe..bloggs\"@example.com",
              "\"joe@bloggs\"@example.com", "\"a\\\"b\"@example.com", "joe.bloggs@[127.0.0.1]",
              "joe.bloggs@[IPv6:::1]", "a@[IPv6:2001:db8::ff00:42:8329]",
              "a@[IPv6:::ffff:192.0.2.1]", "te.s.t@example.com", "joe.bloggs@123.24-7-examples.com",
              "x@localhost", "o'brien+crm@mail.example.co.uk"})
            row("email", good, true);
        for (const char *bad : {"2962",
                                ".test@example.com",
                                "test.@example.com",
                                "te..st@example.com",
                                "joe.bloggs@invalid=domain.com",
                                "joe.bloggs@[127.0.0.300]",
                                "@example.com",
                                "joe@",
                                "joe@@example.com",
                                "joe bloggs@example.com",
                                "joe@-example.com",
                                "joe@example-.com",
                                "joe@example..com",
                                "joe@.example.com",
                                "joe@example.com.",
                                "\"unterminated@example.com",
                                "j\u00f6e@example.com",
                                "joe@[IPv6:1::2::3]",
                                "joe@[IPv6:12345::]",
                                "joe@[1.2.3]",
                                "joe@[Tag:foo]",
                                "joe@exa_mple.com"})
            row("email", bad, false);
    }

    void edgeCases()
    {
        QFETCH(QString, format);
        QFETCH(QString, text);
        QFETCH(bool, valid);
        bool actual = !valid;
        QVERIFY(checkFormat(format.toStdString(), text.toStdString(), actual));
        QCOMPARE(actual, valid);
    }

    void lengthLimits()
    {
        const std::string label63(63, 'a');
        QVERIFY(isEmail("joe@" + label63 + ".com"));
        QVERIFY(!isEmail("joe@" + label63 + "a.com"));
        QVERIFY(isEmail(std::string(64, 'j') + "@example.com"));
        QVERIFY(!isEmail(std::string(65, 'j') + "@example.com"));
    }

    void unknownFormatsAreNotChecked()
    {
        bool valid = false;
        QVERIFY(!checkFormat("uri", "not a uri", valid));
        QVERIFY(!checkFormat("hostname", "", valid));
    }

    // Not an assertion: the figure goes into the test log so a slowdown is visible.
    void speed()
    {
        constexpr int Rounds = 200000;
        const std::pair<const char *, const char *> samples[] = {
            {"date-time", "2026-11-24T09:58:06.123+01:00"},
            {"email", "firstname.lastname@mail.example.com"},
            {"date", "2026-11-24"},
            {"time", "23:59:60Z"},
        };
        for (const auto &[format, text] : samples) {
            int validCount = 0;
            const auto start = std::chrono::steady_clock::now();
            for (int i = 0; i < Rounds; ++i) {
                bool valid = false;
                checkFormat(format, text, valid);
                validCount += valid;
            }
            const std::chrono::duration<double, std::nano> elapsed =
                std::chrono::steady_clock::now() - start;
            std::printf("%-9s %6.1f ns per check\n", format, elapsed.count() / Rounds);
            QCOMPARE(validCount, Rounds);
        }
    }
};

QTEST_GUILESS_MAIN(TestFormatChecks)
#include "test_format_checks.moc"
