#include "ingest/CsvReader.h"

#include <QTest>

using baton::ingest::CsvReader;
using baton::ingest::CsvRecord;

namespace {

std::vector<std::vector<std::string>> readAll(std::string_view data, std::vector<std::string> *errors = nullptr,
                                              std::vector<std::size_t> *lines = nullptr)
{
    CsvReader reader(data);
    CsvRecord record;
    std::vector<std::vector<std::string>> rows;
    while (reader.next(record)) {
        rows.emplace_back(record.fields.begin(), record.fields.end());
        if (errors)
            errors->push_back(record.error);
        if (lines)
            lines->push_back(record.line);
    }
    return rows;
}

using Rows = std::vector<std::vector<std::string>>;

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private slots:
    void plainAndQuotedFields()
    {
        const Rows rows = readAll("a,b,c\n\"1\",\"x, y\",\"say \"\"hi\"\"\"\n,,\n");
        QCOMPARE(rows.size(), 3u);
        QCOMPARE(rows[1], (std::vector<std::string>{"1", "x, y", "say \"hi\""}));
        QCOMPARE(rows[2], (std::vector<std::string>{"", "", ""}));
    }

    void lineEndingsAndBom()
    {
        CsvReader reader("\xEF\xBB\xBFid,name\r\n1,Zoë\r\n2,Łukasz\r3,Ana");
        QVERIFY(reader.hadByteOrderMark());
        CsvRecord r;
        std::vector<std::string> names;
        std::vector<std::size_t> lines;
        while (reader.next(r)) {
            names.emplace_back(r.fields.at(1));
            lines.push_back(r.line);
        }
        QCOMPARE(names, (std::vector<std::string>{"name", "Zoë", "Łukasz", "Ana"}));
        QCOMPARE(lines, (std::vector<std::size_t>{1, 2, 3, 4}));
    }

    void quotedLineBreaksKeepLineNumbers()
    {
        std::vector<std::size_t> lines;
        const Rows rows = readAll("h1,h2\n1,\"two\nlines\"\n2,\"crlf\r\ninside\"\n3,x\n", nullptr, &lines);
        QCOMPARE(rows.size(), 4u);
        QCOMPARE(rows[1][1], std::string("two\nlines"));
        QCOMPARE(rows[2][1], std::string("crlf\r\ninside"));
        QCOMPARE(lines, (std::vector<std::size_t>{1, 2, 4, 6}));
    }

    void blankLinesAreSkipped()
    {
        std::vector<std::size_t> lines;
        const Rows rows = readAll("a\n\n1\n\r\n\n2\n\n", nullptr, &lines);
        QCOMPARE(rows.size(), 3u);
        QCOMPARE(lines, (std::vector<std::size_t>{1, 3, 6}));
    }

    void unterminatedQuoteIsAnErrorForThatRecord()
    {
        std::vector<std::string> errors;
        const Rows rows = readAll("a,b\n1,ok\n2,\"never closed\n3,lost", &errors);
        QCOMPARE(rows.size(), 3u);
        QVERIFY(errors[1].empty());
        QVERIFY(QString::fromStdString(errors[2]).contains("unterminated quoted field starting on line 3"));
    }

    void textAfterClosingQuoteIsAnErrorAndReadingResumes()
    {
        std::vector<std::string> errors;
        const Rows rows = readAll("a,b\n\"x\"y,1\n2,3\n", &errors);
        QCOMPARE(rows.size(), 3u);
        QVERIFY(QString::fromStdString(errors[1]).contains("after a closing quote"));
        QVERIFY(errors[2].empty());
        QCOMPARE(rows[2], (std::vector<std::string>{"2", "3"}));
    }

    void strayQuoteInsideUnquotedFieldIsKept()
    {
        const Rows rows = readAll("a,b\n5\" screen,x\n");
        QCOMPARE(rows[1][0], std::string("5\" screen"));
    }

    void rawIsTheRecordText()
    {
        CsvReader reader("a,b\n\"1\",\"two\nlines\"\r\n");
        CsvRecord r;
        QVERIFY(reader.next(r));
        QVERIFY(reader.next(r));
        QCOMPARE(std::string(r.raw), std::string("\"1\",\"two\nlines\""));
    }

    void sniffsTheDelimiter()
    {
        QCOMPARE(CsvReader::sniffDelimiter("a;b;c"), ';');
        QCOMPARE(CsvReader::sniffDelimiter("a\tb\tc"), '\t');
        QCOMPARE(CsvReader::sniffDelimiter("\"x;y\",b,c"), ',');
        QCOMPARE(CsvReader::sniffDelimiter("single"), ',');
    }

    void largeFieldIsReadWhole()
    {
        std::string data = "a,b\n1,\"";
        data.append(10u << 20, 'x');
        data += "\"\n";
        const Rows rows = readAll(data);
        QCOMPARE(rows[1][1].size(), std::size_t(10u << 20));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csv_reader.moc"
