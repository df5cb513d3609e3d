// Tolerance by significant figures and by absolute/relative margins
// (answers-format.md): the 0.5769-against-0.576885 case at 3, 4 and 5 figures,
// negative numbers, values near and at zero, decimal half-away rounding.
#include "core/tolerance.h"

#include <QtTest>
#include <cmath>

using namespace bpl;

class TestTolerance : public QObject {
    Q_OBJECT
private slots:
    void significantFigures_data();
    void significantFigures();
    void margins_data();
    void margins();
    void roundedText_data();
    void roundedText();
    void explanationsSayWhy();
    void describeStatesTheRoundingConvention();
};

void TestTolerance::significantFigures_data() {
    QTest::addColumn<double>("given");
    QTest::addColumn<double>("exact");
    QTest::addColumn<int>("figures");
    QTest::addColumn<bool>("match");
    // The spec's example: 0.5769 for z₁⁽¹⁾ = 0.576885.
    QTest::newRow("0.5769 at 3") << 0.5769 << 0.576885 << 3 << true;
    QTest::newRow("0.5769 at 4") << 0.5769 << 0.576885 << 4 << true;
    QTest::newRow("0.5769 at 5") << 0.5769 << 0.576885 << 5 << false; // 0.57690 vs 0.57689, 1.5e-5 > 5e-6
    QTest::newRow("0.57689 at 5") << 0.57689 << 0.576885 << 5 << true;
    QTest::newRow("0.577 at 3") << 0.577 << 0.576885 << 3 << true;
    QTest::newRow("0.576 at 3 (truncated)") << 0.576 << 0.576885 << 3 << false;
    QTest::newRow("0.578 at 3") << 0.578 << 0.576885 << 3 << false;
    QTest::newRow("0.5768 at 4") << 0.5768 << 0.576885 << 4 << false;
    QTest::newRow("0.58 at 3 (too few figures)") << 0.58 << 0.576885 << 3 << false;
    QTest::newRow("0.58 at 2") << 0.58 << 0.576885 << 2 << true;
    // Negative numbers: the sign matters, the rounding is of the magnitude.
    QTest::newRow("-0.00248 at 3") << -0.00248 << -0.00247663 << 3 << true;
    QTest::newRow("+0.00248 wrong sign") << 0.00248 << -0.00247663 << 3 << false;
    QTest::newRow("-0.00247 at 3") << -0.00247 << -0.00247663 << 3 << false;
    QTest::newRow("-0.0025 at 3") << -0.0025 << -0.00247663 << 3 << false;
    QTest::newRow("-0.0025 at 2") << -0.0025 << -0.00247663 << 2 << true;
    QTest::newRow("-0.211 at 3") << -0.211 << -0.210919 << 3 << true;
    // Half away from zero on both sides of zero: -0.5765 → -0.577.
    QTest::newRow("-0.577 for -0.5765") << -0.577 << -0.5765 << 3 << true;
    QTest::newRow("0.577 for 0.5765") << 0.577 << 0.5765 << 3 << true;
    QTest::newRow("0.576 for 0.5765 (half unit)") << 0.576 << 0.5765 << 3 << true;
    QTest::newRow("0.578 for 0.5765") << 0.578 << 0.5765 << 3 << false;
    // Near zero: figures are relative to the value, however small.
    QTest::newRow("0.000249 for 0.000248753") << 0.000249 << 0.000248753 << 3 << true;
    QTest::newRow("0.00025 for 0.000248753 at 3") << 0.00025 << 0.000248753 << 3 << false;
    QTest::newRow("0.00025 for 0.000248753 at 2") << 0.00025 << 0.000248753 << 2 << true;
    QTest::newRow("0.0002 for 0.000248753") << 0.0002 << 0.000248753 << 3 << false;
    QTest::newRow("0 for 0.000248753") << 0.0 << 0.000248753 << 3 << false;
    QTest::newRow("2.49e-7 for 2.48753e-7") << 2.49e-7 << 2.48753e-7 << 3 << true;
    QTest::newRow("2.5e-7 for 2.48753e-7") << 2.5e-7 << 2.48753e-7 << 3 << false;
    // At zero: an exact 0 (and rounding noise) matches 0, nothing else.
    QTest::newRow("0 for 0") << 0.0 << 0.0 << 3 << true;
    QTest::newRow("-0 for 0") << -0.0 << 0.0 << 3 << true;
    QTest::newRow("0 for 1e-17 noise") << 0.0 << 1e-17 << 3 << true;
    QTest::newRow("1e-13 for 0") << 1e-13 << 0.0 << 3 << true;
    QTest::newRow("0.001 for 0") << 0.001 << 0.0 << 3 << false;
    QTest::newRow("1e-9 for 0") << 1e-9 << 0.0 << 3 << false;
    // A vanishing gradient is not zero: tiny values keep their significant figures.
    QTest::newRow("-6.08e-80 for -4.05e-80") << -6.08e-80 << -4.0553e-80 << 3 << false;
    QTest::newRow("-4.06e-80 for -4.0553e-80") << -4.06e-80 << -4.0553e-80 << 3 << true;
    QTest::newRow("1e-13 for 2e-13") << 1e-13 << 2e-13 << 3 << false;
    // Carrying over into the next decade.
    QTest::newRow("1.00 for 0.99996") << 1.0 << 0.99996 << 3 << true;
    QTest::newRow("0.999 for 0.99996") << 0.999 << 0.99996 << 3 << false;
    QTest::newRow("1230 for 1234.5") << 1230.0 << 1234.5 << 3 << true;
    QTest::newRow("1240 for 1234.5") << 1240.0 << 1234.5 << 3 << false;
    QTest::newRow("NaN") << std::nan("") << 0.5 << 3 << false;
}

void TestTolerance::significantFigures() {
    QFETCH(double, given);
    QFETCH(double, exact);
    QFETCH(int, figures);
    QFETCH(bool, match);
    const Tolerance t = Tolerance::sigFigs(figures);
    QCOMPARE(t.matches(given, exact), match);
}

void TestTolerance::margins_data() {
    QTest::addColumn<double>("given");
    QTest::addColumn<double>("exact");
    QTest::addColumn<double>("absolute");
    QTest::addColumn<double>("relative");
    QTest::addColumn<bool>("match");
    QTest::newRow("abs 0.001, 0.5769") << 0.5769 << 0.576885 << 0.001 << 0.0 << true;
    QTest::newRow("abs 0.001, 0.578") << 0.578 << 0.576885 << 0.001 << 0.0 << false;
    QTest::newRow("abs 0.001, negative") << -0.2105 << -0.210919 << 0.001 << 0.0 << true;
    QTest::newRow("rel 1%, 0.58") << 0.58 << 0.576885 << 0.0 << 0.01 << true;
    QTest::newRow("rel 1%, 0.59") << 0.59 << 0.576885 << 0.0 << 0.01 << false;
    QTest::newRow("rel 1% of 0 needs 0") << 1e-6 << 0.0 << 0.0 << 0.01 << false;
    QTest::newRow("rel + abs near 0") << 1e-6 << 0.0 << 1e-5 << 0.01 << true;
    QTest::newRow("rel 1%, wrong sign") << 0.00248 << -0.00247663 << 0.0 << 0.01 << false;
}

void TestTolerance::margins() {
    QFETCH(double, given);
    QFETCH(double, exact);
    QFETCH(double, absolute);
    QFETCH(double, relative);
    QFETCH(bool, match);
    QCOMPARE(Tolerance::margin(absolute, relative).matches(given, exact), match);
}

void TestTolerance::roundedText_data() {
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("figures");
    QTest::addColumn<QString>("text");
    QTest::newRow("0.576885/3") << 0.576885 << 3 << "0.577";
    QTest::newRow("0.576885/4") << 0.576885 << 4 << "0.5769";
    QTest::newRow("0.5765/3 half away") << 0.5765 << 3 << "0.577";
    QTest::newRow("-0.5765/3 half away") << -0.5765 << 3 << "-0.577";
    QTest::newRow("2.5/1") << 2.5 << 1 << "3";
    QTest::newRow("0.99996/3 carries") << 0.99996 << 3 << "1.00";
    QTest::newRow("0.31/3 keeps zeros") << 0.31 << 3 << "0.310";
    QTest::newRow("0/3") << 0.0 << 3 << "0.00";
    QTest::newRow("1234.5/3") << 1234.5 << 3 << "1230";
    QTest::newRow("0.000248753/3") << 0.000248753 << 3 << "0.000249";
    QTest::newRow("-2.4875e-7/3") << -2.4875e-7 << 3 << "-2.49e-07";
}

void TestTolerance::roundedText() {
    QFETCH(double, x);
    QFETCH(int, figures);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(bpl::roundedText(x, figures)), text);
}

void TestTolerance::explanationsSayWhy() {
    const Tolerance three = Tolerance::sigFigs(3);
    QCOMPARE(QString::fromStdString(three.explain(0.5769, 0.576885)),
             QString("0.5769 and 0.576885 both round to 0.577 (3 significant figures)"));
    QCOMPARE(QString::fromStdString(three.explain(0.576, 0.576885)),
             QString("0.576 rounds to 0.576 at 3 significant figures, the exact value 0.576885 to 0.577"));
    QVERIFY(QString::fromStdString(three.explain(0.576, 0.5765)).contains("half a unit in the 3rd"));
    QVERIFY(QString::fromStdString(Tolerance::margin(0.001, 0).explain(0.578, 0.576885)).contains(" > "));
    QCOMPARE(QString::fromStdString(three.explain(0, 1e-17)),
             QString("0 and the exact value 1e-17 are both zero to 12 decimal places"));
    QCOMPARE(QString::fromStdString(three.explain(0.31, 0.1 + 0.21)), QString("0.31 is the exact value"));
}

void TestTolerance::describeStatesTheRoundingConvention() {
    const QString three = QString::fromStdString(Tolerance::sigFigs(3).describe());
    QVERIFY2(three.contains("0.5769 and 0.577 match, 0.576 does not"), qPrintable(three));
    QVERIFY(three.contains("half away from zero (0.5765 → 0.577"));
    const QString four = QString::fromStdString(Tolerance::sigFigs(4).describe());
    QVERIFY2(four.contains("0.57689 and 0.5769 match, 0.5768 does not"), qPrintable(four));
    QVERIFY(QString::fromStdString(Tolerance::margin(0.01, 0).describe()).contains("≤ 0.01 + 0 × |exact|"));
}

QTEST_APPLESS_MAIN(TestTolerance)
#include "tst_tolerance.moc"
