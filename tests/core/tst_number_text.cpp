// core/common/number_text.h and message_text.h: numbers as text never follow
// the process locale; messages quote at most ~60 characters.
#include "core/common/message_text.h"
#include "core/common/number_text.h"
#include "core/number_format.h"

#include <QtTest>

#include <clocale>
#include <cmath>
#include <cstdio>

using namespace bpl;

class TestNumberText : public QObject {
    Q_OBJECT
  private slots:
    void formatsLikePrintfInTheCLocale_data();
    void formatsLikePrintfInTheCLocale();
    void germanAndFrenchLocalesChangeNothing();
    void parsesOnlyPlainNumbers();
    void parsesNumberLists();
    void excerptsAreShort();

  private:
    void checkFormats();
};

void TestNumberText::formatsLikePrintfInTheCLocale_data() {
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("figures");
    QTest::addColumn<QString>("text");
    QTest::newRow("0.1") << 0.1 << 6 << "0.1";
    QTest::newRow("0.31") << 0.1 * 3 + 0.2 * 0.2 - 0.03 << 6 << "0.31";
    QTest::newRow("sigmoid(0.31)") << 1 / (1 + std::exp(-0.31)) << 6 << "0.576885";
    QTest::newRow("small") << 2.4876e-7 << 3 << "2.49e-07";
    QTest::newRow("large") << 123456789.0 << 3 << "1.23e+08";
    QTest::newRow("whole") << 100000.0 << 6 << "100000";
    QTest::newRow("negative zero") << -0.0 << 6 << "0";
    QTest::newRow("negative") << -0.00247663 << 6 << "-0.00247663";
    QTest::newRow("inf") << HUGE_VAL << 6 << "inf";
}

void TestNumberText::formatsLikePrintfInTheCLocale() {
    QFETCH(double, x);
    QFETCH(int, figures);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(numberText(x, figures)), text);
    QCOMPARE(QString::fromStdString(formatNumber(x, figures)), text);
}

void TestNumberText::checkFormats() {
    QCOMPARE(numberText(0.1, 6), std::string("0.1"));
    QCOMPARE(numberText(0.576885, 3), std::string("0.577"));
    QCOMPARE(shortestNumberText(0.30124), std::string("0.30124"));
    QCOMPARE(formatDual(2.4876e-7, 3).latex, std::string("2.49 \\times 10^{-7}"));
    QCOMPARE(parseNumber("0.5769").value_or(0), 0.5769);
    QVERIFY(!parseNumber("0,5769"));
}

void TestNumberText::germanAndFrenchLocalesChangeNothing() {
    const std::string saved = std::setlocale(LC_ALL, nullptr);
    for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8"}) {
        if (!std::setlocale(LC_ALL, name)) {
            QFAIL(qPrintable(QString("the %1 locale is missing: run script/bootstrap").arg(name)));
        }
        // The locale is really active: printf writes a decimal comma here…
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", 0.5);
        QCOMPARE(QByteArray(buf), QByteArray("0,5"));
        // …and our text does not.
        checkFormats();
    }
    std::setlocale(LC_ALL, saved.c_str());
}

void TestNumberText::parsesOnlyPlainNumbers() {
    QCOMPARE(parseNumber("0.5").value(), 0.5);
    QCOMPARE(parseNumber(" -1e-3 ").value(), -0.001);
    QCOMPARE(parseNumber("+2").value(), 2.0);
    QCOMPARE(parseNumber("1e-400").value(), 0.0);
    QVERIFY(std::isinf(parseNumber("1e999").value()));
    QVERIFY(std::isnan(parseNumber("nan").value()));
    for (const char* bad : {"", " ", "0,5", "1,000", "--1", "+-1", "1.2.3", "0x10", "abc", "1e"}) {
        QVERIFY2(!parseNumber(bad), bad);
    }
    QVERIFY(!parseFiniteNumber("1e999"));
    QVERIFY(!parseFiniteNumber("inf"));
    QCOMPARE(parseFiniteNumber("3").value(), 3.0);
}

void TestNumberText::parsesNumberLists() {
    std::vector<double> values;
    std::string error;
    QVERIFY(parseNumberList("0.5, 0.3,0.1", values, error));
    QCOMPARE(values, (std::vector<double>{0.5, 0.3, 0.1}));
    QVERIFY(!parseNumberList("0.5,,1", values, error));
    QCOMPARE(error, std::string("\"\" is not a finite number"));
    QVERIFY(!parseNumberList("1,1e999", values, error));
    QCOMPARE(error, std::string("\"1e999\" is not a finite number"));
    QVERIFY(!parseNumberList(std::string(10'000'000, '7') + "x", values, error));
    QVERIFY2(error.size() < 120, error.c_str());
}

void TestNumberText::excerptsAreShort() {
    QCOMPARE(excerpt("relu"), std::string("relu"));
    QCOMPARE(excerpt("αβγ", 2), std::string("αβ…"));
    QCOMPARE(excerpt("a\nb\x01", 10), std::string("a?b?"));
    QCOMPARE(quoteExcerpt(std::string(100, 'A')), "\"" + std::string(60, 'A') + "…\" (100 bytes)");
    QCOMPARE(quoteExcerpt("tanh"), std::string("\"tanh\""));
}

QTEST_APPLESS_MAIN(TestNumberText)
#include "tst_number_text.moc"
