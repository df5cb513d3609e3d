// The expression parser (core/maths/expression.h): precedence and
// associativity as on paper, every accepted spelling, printing back with the
// fewest parentheses, and every rejection path with its column.
#include "core/maths/expression.h"
#include "core/maths/expression_graph.h"

#include <QtTest>

using namespace bpl;

namespace {

double valueAt(const std::string& text, std::vector<VariableValue> at = {}) {
    const ParseResult parsed = parseExpression(text);
    if (!parsed.ok()) {
        qWarning("%s: %s", text.c_str(), parsed.error.describe().c_str());
        return std::nan("");
    }
    return evaluateExpression(*parsed.expression, at).value_or(std::nan(""));
}

} // namespace

class TestExpressionParser : public QObject {
    Q_OBJECT
  private slots:
    void values_data();
    void values();
    void treeShape();
    void variablesInOrder();
    void printsBack_data();
    void printsBack();
    void rejections_data();
    void rejections();
    void deepNestingIsRefused();
    void longInputIsRefused();
    void tokens();
    void variableValues();
};

void TestExpressionParser::values_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("expected");
    // Worked by hand.
    QTest::newRow("precedence") << "1 + 2*3" << 7.0;
    QTest::newRow("left assoc minus") << "10 - 4 - 3" << 3.0;
    QTest::newRow("left assoc divide") << "24 / 4 / 2" << 3.0;
    QTest::newRow("power right assoc") << "2^3^2" << 512.0;
    QTest::newRow("unary minus below power") << "-2^2" << -4.0;
    QTest::newRow("parenthesised base") << "(-2)^2" << 4.0;
    QTest::newRow("signed exponent") << "2^-1" << 0.5;
    QTest::newRow("double minus") << "3 - -2" << 5.0;
    QTest::newRow("unary plus") << "+3 * +2" << 6.0;
    QTest::newRow("minus then product") << "-3 * 2" << -6.0;
    QTest::newRow("unicode operators") << "6 × 2 ÷ 4 − 1 · 2" << 1.0;
    QTest::newRow("dot operator") << "2⋅3" << 6.0;
    QTest::newRow("number forms") << "0.5 + .25 + 1e-3 + 2E+1 + 3." << 23.751;
    QTest::newRow("ln") << "ln(1)" << 0.0;
    QTest::newRow("log is natural") << "log(exp(2))" << 2.0;
    QTest::newRow("sigma") << "σ(0) + sigmoid(0)" << 1.0;
    QTest::newRow("sqrt abs relu") << "sqrt(16) + abs(-2) + relu(-5) + relu(3)" << 9.0;
    QTest::newRow("trig") << "sin(0) + cos(0) + tan(0) + tanh(0)" << 1.0;
    QTest::newRow("nested parens") << "((((1 + 2))))*((3))" << 9.0;
    QTest::newRow("whitespace") << "  1\t+\n2 " << 3.0;
}

void TestExpressionParser::values() {
    QFETCH(QString, text);
    QFETCH(double, expected);
    QCOMPARE(valueAt(text.toStdString()), expected);
}

void TestExpressionParser::treeShape() {
    const ParseResult parsed = parseExpression("-x^2");
    QVERIFY(parsed.ok());
    const Expression& e = *parsed.expression;
    QCOMPARE(e.nodes[e.root].op, ExprOp::Negate);
    QCOMPARE(e.nodes[e.nodes[e.root].args[0]].op, ExprOp::Power);
    // The column of each operator and operand.
    const ParseResult sum = parseExpression("ab + σ(c)");
    QVERIFY(sum.ok());
    const Expression& s = *sum.expression;
    QCOMPARE(s.nodes[s.root].op, ExprOp::Add);
    QCOMPARE(s.nodes[s.root].column, 4);
    QCOMPARE(s.nodes[s.nodes[s.root].args[1]].column, 6); // σ counts as one character
    QCOMPARE(s.nodes[s.nodes[s.nodes[s.root].args[1]].args[0]].column, 8);
}

void TestExpressionParser::variablesInOrder() {
    const ParseResult parsed = parseExpression("y*x + y + z_1 + x2");
    QVERIFY(parsed.ok());
    const std::vector<std::string> expected{"y", "x", "z_1", "x2"};
    QCOMPARE(parsed.expression->variables, expected);
}

void TestExpressionParser::printsBack_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("printed");
    QTest::addColumn<QString>("latex");
    QTest::newRow("course")
        << "(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))"
        << "(x^2 + σ(y))/(3·x + y - σ(x))"
        << "\\frac{x^{2} + \\sigma\\left(y\\right)}{3 \\cdot x + y - \\sigma\\left(x\\right)}";
    QTest::newRow("redundant parens") << "((a)) + (b*c)"
                                      << "a + b·c"
                                      << "a + b \\cdot c";
    QTest::newRow("needed right parens") << "a - (b - c)"
                                         << "a - (b - c)"
                                         << "a - \\left(b - c\\right)";
    QTest::newRow("negated power") << "-x^2"
                                   << "-x^2"
                                   << "-x^{2}";
    QTest::newRow("power of negation") << "(-x)^2"
                                       << "(-x)^2"
                                       << "\\left(-x\\right)^{2}";
    QTest::newRow("tower") << "(a^b)^c"
                           << "(a^b)^c"
                           << "\\left(a^{b}\\right)^{c}";
    QTest::newRow("functions") << "ln(x) * sqrt(y) * abs(z)"
                               << "ln(x)·sqrt(y)·abs(z)"
                               << "\\ln\\left(x\\right) \\cdot \\sqrt{y} \\cdot \\left|z\\right|";
}

void TestExpressionParser::printsBack() {
    QFETCH(QString, text);
    QFETCH(QString, printed);
    QFETCH(QString, latex);
    const ParseResult parsed = parseExpression(text.toStdString());
    QVERIFY(parsed.ok());
    const Dual d = parsed.expression->text();
    QCOMPARE(QString::fromStdString(d.text), printed);
    QCOMPARE(QString::fromStdString(d.latex), latex);
    // What is printed reads back as the same tree (printed identically again).
    const ParseResult again = parseExpression(d.text);
    QVERIFY(again.ok());
    QCOMPARE(QString::fromStdString(again.expression->text().text), printed);
}

void TestExpressionParser::rejections_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    // Every way the parser refuses, with the column a student is pointed at.
    QTest::newRow("empty") << ""
                           << "col 1: empty expression";
    QTest::newRow("only spaces") << "   "
                                 << "col 4: empty expression";
    QTest::newRow("unclosed paren") << "(x^2 + sigmoid(y)"
                                    << "col 18: expected ')'";
    QTest::newRow("unclosed function") << "exp(x + 1"
                                       << "col 10: expected ')'";
    QTest::newRow("wrong closer") << "(x + 1 y"
                                  << "col 8: expected ')'";
    QTest::newRow("stray closer") << "x + 1)"
                                  << "col 6: unexpected ')' (no '(' to close)";
    QTest::newRow("missing operand at end")
        << "x +"
        << "col 4: expected a number, variable, function or '(' (the "
           "expression ends here)";
    QTest::newRow("two operators")
        << "x */ y"
        << "col 4: expected a number, variable, function or '(', found '/'";
    QTest::newRow("empty parens")
        << "2 * ()"
        << "col 6: expected a number, variable, function or '(', found ')'";
    QTest::newRow("leading operator")
        << "* x"
        << "col 1: expected a number, variable, function or '(', found '*'";
    QTest::newRow("power without exponent")
        << "x^"
        << "col 3: expected a number, variable, function or '(' (the "
           "expression ends here)";
    QTest::newRow("juxtaposed variables") << "x y"
                                          << "col 3: expected an operator, found 'y'";
    QTest::newRow("implicit product")
        << "2x"
        << "col 2: expected an operator, found 'x' (write 2*x for a product)";
    QTest::newRow("implicit product paren")
        << "3(x + 1)"
        << "col 2: expected an operator, found '(' (write 3*(…) for a product)";
    QTest::newRow("unknown function") << "1 + sinh(x)"
                                      << "col 5: unknown function 'sinh'";
    QTest::newRow("function without parens") << "sin x"
                                             << "col 5: expected '(' after 'sin'";
    QTest::newRow("function name alone") << "exp + 1"
                                         << "col 5: expected '(' after 'exp'";
    QTest::newRow("sigma without parens") << "2*σ"
                                          << "col 4: expected '(' after 'σ'";
    QTest::newRow("unexpected character") << "x + $"
                                          << "col 5: unexpected character '$'";
    QTest::newRow("comma") << "exp(x, y)"
                           << "col 6: unexpected character ','";
    QTest::newRow("unicode letter") << "α + 1"
                                    << "col 1: unexpected character 'α'";
    QTest::newRow("column after multibyte") << "x × y × $"
                                            << "col 9: unexpected character '$'";
    QTest::newRow("exponent without digits")
        << "1e + 2"
        << "col 1: malformed number '1e': the exponent needs digits";
    QTest::newRow("signed exponent without digits")
        << "2*3e-"
        << "col 3: malformed number '3e-': the exponent needs digits";
    QTest::newRow("lone point") << "x + ."
                                << "col 5: malformed number '.'";
    QTest::newRow("two points") << "1.2.3"
                                << "col 4: expected an operator, found '.3'";
    QTest::newRow("number too large") << "x * 1e999"
                                      << "col 5: number out of range '1e999'";
}

void TestExpressionParser::rejections() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    const ParseResult parsed = parseExpression(text.toStdString());
    QVERIFY(!parsed.ok());
    QCOMPARE(QString::fromStdString(parsed.error.describe()), message);
}

void TestExpressionParser::deepNestingIsRefused() {
    std::string ok(150, '(');
    ok += "x" + std::string(150, ')');
    QVERIFY(parseExpression(ok).ok());
    std::string deep(300, '(');
    deep += "x" + std::string(300, ')');
    const ParseResult parsed = parseExpression(deep);
    QVERIFY(!parsed.ok());
    QCOMPARE(QString::fromStdString(parsed.error.describe()),
             QString("col 201: nested deeper than 200 levels"));
    std::string minuses(500, '-');
    const ParseResult signs = parseExpression(minuses + "x");
    QVERIFY(!signs.ok());
    QCOMPARE(signs.error.column, 201);
}

void TestExpressionParser::longInputIsRefused() {
    std::string text = "x";
    while (text.size() < 10010)
        text += "+x";
    const ParseResult parsed = parseExpression(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(QString::fromStdString(parsed.error.describe()),
             QString("col 10001: expression longer than 10000 characters"));
    // Long but within the limit: parsed (a left-deep chain of 2000 additions).
    std::string chain = "x";
    while (chain.size() < 4000)
        chain += "+x";
    QVERIFY(parseExpression(chain).ok());
}

void TestExpressionParser::tokens() {
    const TokenizeResult t = tokenize("σ(x1)−2.5e1");
    QVERIFY(!t.error);
    QCOMPARE(t.tokens.size(), size_t(7));
    QCOMPARE(t.tokens[0].kind, TokenKind::Identifier);
    QCOMPARE(t.tokens[2].text, std::string("x1"));
    QCOMPARE(t.tokens[2].column, 3);
    QCOMPARE(t.tokens[4].kind, TokenKind::Minus);
    QCOMPARE(t.tokens[4].column, 6);
    QCOMPARE(t.tokens[5].number, 25.0);
    QCOMPARE(t.tokens[6].kind, TokenKind::End);
    QCOMPARE(t.tokens[6].column, 12);
    // Bytes that are not UTF-8 (QString would have replaced them, so not in the table above).
    const ParseResult bad = parseExpression(std::string("x + \xff"));
    QVERIFY(!bad.ok());
    QCOMPARE(QString::fromStdString(bad.error.describe()), QString("col 5: not valid UTF-8 text"));
}

void TestExpressionParser::variableValues() {
    std::vector<VariableValue> at;
    std::string error;
    QVERIFY(parseVariableValues("x=1, y = -2.5,z=+3e-1,w=−1", at, error));
    QCOMPARE(at.size(), size_t(4));
    QCOMPARE(at[1].value, -2.5);
    QCOMPARE(at[2].value, 0.3);
    QCOMPARE(at[3].value, -1.0);
    QVERIFY(!parseVariableValues("x=1,y", at, error));
    QCOMPARE(QString::fromStdString(error), QString("'y': expected name=value"));
    QVERIFY(!parseVariableValues("x=abc", at, error));
    QCOMPARE(QString::fromStdString(error), QString("'x=abc': 'abc' is not a number"));
    QVERIFY(!parseVariableValues("x=1,x=2", at, error));
    QCOMPARE(QString::fromStdString(error), QString("x is given twice"));
    QVERIFY(!parseVariableValues("1x=1", at, error));
    QVERIFY(!parseVariableValues("x=1,", at, error)); // an empty item
    QVERIFY(!parseVariableValues("x=inf", at, error));
}

QTEST_APPLESS_MAIN(TestExpressionParser)
#include "tst_expression_parser.moc"
