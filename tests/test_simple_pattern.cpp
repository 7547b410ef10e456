#include "contracts/SimplePattern.h"

#include <QTest>
#include <regex>

using baton::contracts::SimplePattern;

// SimplePattern must agree with std::regex (ECMAScript, search) wherever it accepts a
// pattern: checked on every pair of the patterns and texts below.
class TestSimplePattern : public QObject
{
    Q_OBJECT
private slots:
    void agreesWithStdRegex()
    {
        const std::vector<std::string> patterns = {"^[a-z][a-z0-9_]*$",
                                                   "^[A-Z]{2}$",
                                                   "^[0-9]+(-[0-9]+|\\+)$",
                                                   "^[a-z]{2,4}$",
                                                   "abc",
                                                   "^a.c$",
                                                   "^[^x]+$",
                                                   "b+",
                                                   "^\\d+$",
                                                   "^[a-c-]{1,}$",
                                                   "^x?y*z+$",
                                                   "^\\.$",
                                                   "[0-9]{3}",
                                                   "^[A-Za-z0-9._%+-]+$",
                                                   "^$",
                                                   "a{2,}",
                                                   "^ab{0,1}c$",
                                                   "^(lead|account|event|enrichment)#[0-9]+$",
                                                   "(ab|a)c",
                                                   "^(|x)y",
                                                   "(?:mark|hub)[a-z]+$",
                                                   "^(a|b)+$"};
        const std::vector<std::string> texts = {
            "",          "a",          "abc",       "marketo",
            "hubspot_2", "Marketo",    "2marketo",  "US",
            "USA",       "u",          "10-50",     "1000+",
            "10-",       "x",          "xyz",       "yz",
            "zz",        "abbc",       "ac",        "a-c",
            "---",       "aaa",        ".",         "ab.c",
            "on24",      "a_b_c_d_e",  "z\xc3\xa9", "\xc3\xa9t\xc3\xa9",
            "x y",       "lead#7",     "event#",    "enrichment#12",
            "leads#1",   "account#3x", "xlead#1",   "abac",
            "y",         "xy",         "xxy",       "ab",
            "abab"};
        int compared = 0, refused = 0;
        for (const auto &p : patterns) {
            const auto simple = SimplePattern::compile(p);
            if (!simple) {
                ++refused;
                continue;
            }
            const std::regex re(p, std::regex::ECMAScript);
            for (const auto &t : texts) {
                const auto fast = simple->search(t);
                if (!fast)
                    continue; // deferred to std::regex by design
                QVERIFY2(
                    *fast == std::regex_search(t, re),
                    qPrintable(QStringLiteral("pattern %1 on \"%2\"")
                                   .arg(QString::fromStdString(p), QString::fromStdString(t))));
                ++compared;
            }
        }
        QVERIFY(compared > 500);
        // A group with a class inside, \d, and a quantified group go to std::regex.
        QCOMPARE(refused, 3);
    }

    void refusesWhatItCannotMatch()
    {
        for (const char *p : {"(a|b)*", "(a|[b])", "((a))", "(a", "a|b", "\\d", "\\w+",
                              "[[:alpha:]]", "a*?", "(?=a)", "[", "a{2"})
            QVERIFY2(!SimplePattern::compile(p), p);
    }

    void defersNonAsciiTextForByteSensitivePatterns()
    {
        const auto dot = SimplePattern::compile("^.$");
        QVERIFY(dot);
        QVERIFY(!dot->search("\xc3\xa9").has_value());
        const auto ascii = SimplePattern::compile("^[a-z]+$");
        QCOMPARE(ascii->search("\xc3\xa9t\xc3\xa9"), std::optional<bool>(false));
    }
};

QTEST_GUILESS_MAIN(TestSimplePattern)
#include "test_simple_pattern.moc"
