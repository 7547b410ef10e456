#include "agents/Normalization.h"

#include <QTest>

using namespace baton::agents;

class TestNormalization : public QObject
{
    Q_OBJECT
private slots:
    void countries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("name") << "United States" << "US";
        QTest::newRow("abbreviation") << "USA" << "US";
        QTest::newRow("dotted") << "U.S.A." << "US";
        QTest::newRow("code lower") << "gb" << "GB";
        QTest::newRow("uk") << "UK" << "GB";
        QTest::newRow("native") << "Deutschland" << "DE";
        QTest::newRow("article") << "The Netherlands" << "NL";
        QTest::newRow("accents") << "España" << "ES";
        QTest::newRow("spacing") << "  united   kingdom " << "GB";
        QTest::newRow("unknown") << "Atlantis" << "";
        QTest::newRow("empty") << "" << "";
    }
    void countries()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        const auto got = countryCode(text.toStdString());
        QCOMPARE(QString::fromStdString(got.value_or("")), code);
    }

    void titles_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("seniority");
        QTest::addColumn<QString>("department");
        QTest::addColumn<QString>("persona");
        QTest::newRow("cto") << "CTO" << "cxo" << "engineering" << "economic_buyer";
        QTest::newRow("chief financial") << "Chief Financial Officer" << "cxo" << "finance" << "economic_buyer";
        QTest::newRow("ceo words") << "Chief Executive Officer" << "cxo" << "executive" << "economic_buyer";
        QTest::newRow("vp eng") << "VP Engineering" << "vp" << "engineering" << "technical_buyer";
        QTest::newRow("vp marketing") << "Vice President, Marketing" << "vp" << "marketing" << "economic_buyer";
        QTest::newRow("head of it") << "Head of IT" << "director" << "it" << "technical_buyer";
        QTest::newRow("director sales ops") << "Director, Sales Operations" << "director" << "revenue_operations" << "champion";
        QTest::newRow("revops manager") << "Head of Revenue Operations" << "director" << "revenue_operations" << "champion";
        QTest::newRow("marketing manager") << "Marketing Manager" << "manager" << "marketing" << "champion";
        QTest::newRow("engineer") << "Senior Software Engineer" << "individual" << "engineering" << "end_user";
        QTest::newRow("coordinator") << "Marketing Coordinator" << "entry" << "marketing" << "end_user";
        QTest::newRow("procurement") << "Procurement Specialist" << "individual" << "procurement" << "end_user";
        QTest::newRow("founder") << "Co-Founder & CEO" << "owner" << "executive" << "economic_buyer";
        QTest::newRow("director procurement") << "Director of Procurement" << "director" << "procurement" << "economic_buyer";
        QTest::newRow("unknown words") << "Wizard" << "individual" << "other" << "end_user";
    }
    void titles()
    {
        QFETCH(QString, title);
        QFETCH(QString, seniority);
        QFETCH(QString, department);
        QFETCH(QString, persona);
        const TitleReading t = readTitle(title.toStdString());
        QCOMPARE(QString::fromStdString(t.seniority), seniority);
        QCOMPARE(QString::fromStdString(t.department), department);
        QCOMPARE(QString::fromStdString(t.persona), persona);
        QVERIFY(!t.seniorityRule.empty());
    }

    void emptyTitleSaysSo()
    {
        const TitleReading t = readTitle("");
        QVERIFY(t.seniority.empty());
        QCOMPARE(t.seniorityRule, std::string("no title"));
    }

    void sizeBands()
    {
        QCOMPARE(sizeBand(1), std::string("1-10"));
        QCOMPARE(sizeBand(10), std::string("1-10"));
        QCOMPARE(sizeBand(11), std::string("11-50"));
        QCOMPARE(sizeBand(200), std::string("51-200"));
        QCOMPARE(sizeBand(201), std::string("201-1000"));
        QCOMPARE(sizeBand(5000), std::string("1001-5000"));
        QCOMPARE(sizeBand(5001), std::string("5001+"));
    }
};

QTEST_GUILESS_MAIN(TestNormalization)
#include "test_normalization.moc"
