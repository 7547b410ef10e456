#include "util/PairedRatio.h"

#include <QTest>
#include <stdexcept>

using baton::util::pairedRatio;

class TestPairedRatio : public QObject
{
    Q_OBJECT

private slots:
    void theMedianOfEachPairsRatio()
    {
        // Ratios +10%, +50%, -50%, +20%, +5%: the median is +10%, whatever each side's own is.
        const auto r = pairedRatio({1, 2, 4, 10, 20}, {1.1, 3, 2, 12, 21});
        QCOMPARE(r.pairs, 5);
        QCOMPARE(r.slower, 4);
        QVERIFY(std::abs(r.median - 0.10) < 1e-12);
        QVERIFY(r.low <= r.median && r.median <= r.high);
        QVERIFY(r.low >= -0.5 && r.high <= 0.5);
        QVERIFY(r.low < r.high);
    }

    void aSlowerVmSlowsBothSidesOfAPairAlike()
    {
        // Every pair +5%, while the VM's speed wanders fourfold: the ratio holds, exactly.
        const auto r = pairedRatio({1, 4, 2, 3}, {1.05, 4.2, 2.1, 3.15});
        QVERIFY(std::abs(r.median - 0.05) < 1e-12);
        QVERIFY(std::abs(r.low - 0.05) < 1e-12 && std::abs(r.high - 0.05) < 1e-12);
        QCOMPARE(r.slower, 4);
    }

    void theSameSeedTheSameInterval()
    {
        const std::vector<double> a{2.1, 2.3, 2.2, 2.6, 2.0, 2.4, 2.2};
        const std::vector<double> b{2.2, 2.3, 2.5, 2.7, 2.1, 2.3, 2.4};
        const auto one = pairedRatio(a, b), two = pairedRatio(a, b);
        QCOMPARE(one.low, two.low);
        QCOMPARE(one.high, two.high);
        const auto wider = pairedRatio(a, b, 0.99);
        QVERIFY(wider.low <= one.low && wider.high >= one.high);
    }

    void theMedianOfOddAndEvenCountsAndOfNone()
    {
        QCOMPARE(baton::util::median({3, 1, 2}), 2.0);
        QCOMPARE(baton::util::median({4, 1, 3, 2}), 2.5);
        QCOMPARE(baton::util::median({}), 0.0);
    }

    void refusesWhatIsNoPair()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pairedRatio({}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pairedRatio({1, 2}, {1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pairedRatio({0}, {1}));
    }
};

QTEST_GUILESS_MAIN(TestPairedRatio)

#include "test_paired_ratio.moc"
