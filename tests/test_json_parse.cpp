#include "util/JsonParse.h"

#include <QTest>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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
        QTest::newRow("numbers")
            << "[0,-1,9223372036854775807,18446744073709551615,1.5,-2e-3,1E10]";
        QTest::newRow("escapes")
            << "[\"a\\\"b\",\"tab\\there\",\"\\u00e9\\u4e2d\",\"\\ud83d\\ude00\",\"\\\\/\"]";
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

    // The scalar fields of an object and of the objects it is told to descend into, typed as
    // JSON wrote them; nothing else, and nothing for text that is not an object.
    void walksTheScalarFieldsOfAnObject()
    {
        using Kind = baton::util::JsonScalar::Kind;
        std::vector<std::string> seen;
        const auto collect = [&](std::string_view key, const baton::util::JsonScalar &v) {
            std::string s(key);
            switch (v.kind) {
            case Kind::Boolean:
                s += v.boolean ? "=true" : "=false";
                break;
            case Kind::Int64:
                s += "=i" + std::to_string(v.int64);
                break;
            case Kind::UInt64:
                s += "=u" + std::to_string(v.uint64);
                break;
            case Kind::Real:
                s += "=r" + std::to_string(v.real);
                break;
            case Kind::Text:
                s += "=t" + std::string(v.text);
                break;
            }
            seen.push_back(s);
        };
        QVERIFY(baton::util::forEachScalarField(
            R"({"a":1,"b":-2.5,"c":"x\ty","d":null,"e":[1],"f":{"g":true},"properties":{"h":18446744073709551615,"fields":{"i":false}}})",
            {"properties", "fields"}, collect));
        const std::vector<std::string> expected{"a=i1", "b=r-2.500000", "c=tx\ty",
                                                "h=u18446744073709551615", "i=false"};
        QCOMPARE(seen, expected);
        seen.clear();
        QVERIFY(!baton::util::forEachScalarField("[1,2]", {}, collect));
        QVERIFY(!baton::util::forEachScalarField("{\"a\":", {}, collect));
        QVERIFY(seen.empty());
    }

    void reportsTheColumnOfInvalidJson()
    {
        nlohmann::json out;
        std::string error;
        QVERIFY(!baton::util::parseJson("{\"a\": 1, \"b\": ", out, &error));
        QVERIFY2(QString::fromStdString(error).startsWith("not valid JSON at column"),
                 error.c_str());
        QVERIFY(!baton::util::parseJson("", out, &error));
        QVERIFY(!baton::util::parseJson("{\"a\":1} trailing", out, &error));
    }

    // 64 levels parse; 65 are refused by both paths (simdjson, and nlohmann for what
    // simdjson refuses), with the column where the limit was passed.
    void refusesJsonNestedPastTheLimit()
    {
        using baton::util::kMaxJsonDepth;
        const auto nested = [](int depth, const std::string &tail) {
            return std::string(std::size_t(depth), '[') + tail +
                   std::string(std::size_t(depth), ']');
        };
        nlohmann::json out;
        std::string error;
        QVERIFY(baton::util::parseJson(nested(kMaxJsonDepth, "1"), out, &error));
        QVERIFY(!baton::util::parseJson(nested(kMaxJsonDepth + 1, "1"), out, &error));
        QVERIFY2(error == "JSON nested deeper than 64 levels at column 65", error.c_str());
        // A big integer sends the text to nlohmann; the limit holds there too.
        QVERIFY(
            baton::util::parseJson(nested(kMaxJsonDepth, "123456789012345678901234567890"), out));
        QVERIFY(!baton::util::parseJson(nested(kMaxJsonDepth + 1, "123456789012345678901234567890"),
                                        out, &error));
        QVERIFY2(error.find("nested deeper") != std::string::npos, error.c_str());
        // Brackets inside strings are text, not nesting.
        QVERIFY(baton::util::parseJson("[\"" + std::string(1000, '[') + "\\\"\"]", out));
        // 200,000 levels in 400 KB: refused, no crash.
        QVERIFY(!baton::util::parseJson(nested(200000, ""), out, &error));
        QVERIFY(baton::util::parseUntrustedJson(nested(200000, "")).is_discarded());
        QVERIFY(baton::util::parseUntrustedJson("not json").is_discarded());
        QCOMPARE(baton::util::parseUntrustedJson("{\"a\":[1]}").dump(), std::string("{\"a\":[1]}"));
    }
};

QTEST_GUILESS_MAIN(TestJsonParse)
#include "test_json_parse.moc"
