// Scalar expressions in x, y, … (teaching-content.md §8): the tokens, a
// recursive-descent parser that reports the column of every error, and the
// syntax tree the computation graph is built from (expression_graph.h).
//
// Grammar (whitespace between tokens is ignored):
//
//   expression := term { ("+" | "-") term }
//   term       := unary { ("*" | "/") unary }
//   unary      := ("-" | "+") unary | power
//   power      := primary [ "^" unary ]          right-associative: 2^3^2 = 2^(3^2)
//   primary    := number | variable | function "(" expression ")" | "(" expression ")"
//   number     := digits [ "." digits ] [ ("e" | "E") [ "+" | "-" ] digits ] | "." digits …
//   variable   := letter { letter | digit | "_" }  (ASCII letters; not a function name)
//   function   := exp | log | ln | sqrt | sin | cos | tan | tanh | sigmoid | σ | relu | abs
//
// So `^` binds tighter than unary minus (-x^2 = −(x²), as on paper) and its
// exponent may carry a sign (2^-x). `log` is the natural logarithm, like `ln`.
// `×` and `·` (and `⋅`) are accepted for `*`, `÷` for `/`, `−` for `-`.
// There is no implicit multiplication: `2x` is refused with a hint to write 2*x.
// Columns are 1-based and count characters (Unicode code points), not bytes.
#pragma once

#include "core/notation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace bpl {

enum class ExprOp {
    Constant,
    Variable,
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Negate,
    Exp,
    Log,
    Sqrt,
    Sin,
    Cos,
    Tan,
    Tanh,
    Sigmoid,
    Relu,
    Abs,
};

// The JSON key of grad-output.md: "const", "var", "add", "sub", "mul", "div",
// "pow", "neg", "exp", "log", "sqrt", "sin", "cos", "tan", "tanh", "sigmoid",
// "relu", "abs".
std::string exprOpKey(ExprOp op);
// Number of inputs: 0 (constant, variable), 1 (negate, functions) or 2.
int exprOpArity(ExprOp op);
// True for exp … abs (written name(argument)).
bool exprOpIsFunction(ExprOp op);
// The function for a name as typed ("ln" and "log" → Log, "σ" → Sigmoid).
std::optional<ExprOp> exprFunctionFromName(const std::string& name);
// The name a function is written with in text output ("exp", "ln", "σ", …).
std::string exprFunctionName(ExprOp op);

enum class TokenKind {
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParen,
    RightParen,
    End
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;  // as typed ("×" stays "×"); empty for End
    double number = 0; // for Number
    int column = 1;    // 1-based, in characters
};

// Where and why the text is not an expression: "col 14: expected ')'".
struct ParseError {
    int column = 1;
    std::string message; // "expected ')'", "unknown function 'sinh'", …
    std::string describe() const { return "col " + std::to_string(column) + ": " + message; }
};

// One node of the syntax tree; children by index into Expression::nodes.
struct ExprNode {
    ExprOp op = ExprOp::Constant;
    double number = 0;     // Constant
    std::string name;      // Variable name, or the number as typed for a Constant
    std::vector<int> args; // 1 or 2 children (left, right)
    int column = 1;        // where the operator, function, number or variable starts
};

struct Expression {
    std::string source;          // as typed
    std::vector<ExprNode> nodes; // children before parents
    int root = -1;
    std::vector<std::string> variables; // in order of first appearance

    // The subtree at `node` written back with the fewest parentheses that keep
    // its meaning: "x^2 + σ(y)" / "x^{2} + \sigma(y)"; ASCII "-" in text.
    Dual text(int node) const;
    Dual text() const { return text(root); }
    // Every node's subtree (by index), each written whole when its text takes at most
    // `maxBytes` bytes, else with inner subtrees elided to "…" (\ldots) so that it
    // takes about that many: "…·x·x·x". Linear in the number of nodes × maxBytes.
    std::vector<Dual> elidedTexts(std::size_t maxBytes) const;
};

// The tokens of `text`, ending with an End token; or the first character that
// cannot start a token (or a malformed number such as "1e" or "1e999").
struct TokenizeResult {
    std::vector<Token> tokens;
    std::optional<ParseError> error;
};
TokenizeResult tokenize(const std::string& text);

struct ParseResult {
    std::optional<Expression> expression;
    ParseError error; // meaningful when !ok()
    bool ok() const { return expression.has_value(); }
};

// Parses by the grammar above. Limits: 10000 characters and parentheses or
// unary signs nested at most 200 deep (refused with a column, never a crash).
ParseResult parseExpression(const std::string& text);

} // namespace bpl
