#include "util/JsonParse.h"

#include <nlohmann/json.hpp>

#include <QTest>

// parseJson must give exactly what nlohmann::json::parse gives, since the contracts were
// written against nlohmann's documents.
class TestJsonParse : public QObject
{
    Q_OBJECT
private slots:
    void agreesWithNlohmann_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("object") << "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}";
        QTest::newRow("numbers") << "[0,-1,9223372036854775807,18446744073709551615,1.5,-2e-3,1E10]";
        QTest::newRow("escapes") << "[\"a\\\"b\",\"tab\\there\",\"\\u00e9\\u4e2d\",\"\\ud83d\\ude00\",\"\\\\/\"]";
        QTest::newRow("utf8") << QStringLiteral("{\"name\":\"Zoë Müller 中\"}");
        QTest::newRow("duplicate keys") << "{\"k\":1,\"k\":2}";
        QTest::newRow("whitespace") << " \t{ \"a\" :\n [ 1 , 2 ] }\r\n";
        QTest::newRow("scalar") << "\"just a string\"";
        QTest::newRow("big integer") << "123456789012345678901234567890";
        QTest::newRow("empty containers") << "{\"o\":{},\"a\":[]}";
    }
    void agreesWithNlohmann()
    {
        QFETCH(QString, text);
        const std::string utf8 = text.toStdString();
        nlohmann::json ours;
        QVERIFY(baton::util::parseJson(utf8, ours));
        const auto theirs = nlohmann::json::parse(utf8);
        QCOMPARE(ours.dump(), theirs.dump());
        QCOMPARE(ours.type(), theirs.type());
    }

    void reportsTheColumnOfInvalidJson()
    {
        nlohmann::json out;
        std::string error;
        QVERIFY(!baton::util::parseJson("{\"a\": 1, \"b\": ", out, &error));
        QVERIFY2(QString::fromStdString(error).startsWith("not valid JSON at column"), error.c_str());
        QVERIFY(!baton::util::parseJson("", out, &error));
        QVERIFY(!baton::util::parseJson("{\"a\":1} trailing", out, &error));
    }
};

QTEST_GUILESS_MAIN(TestJsonParse)
#include "test_json_parse.moc"
