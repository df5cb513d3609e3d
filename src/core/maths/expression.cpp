#include "core/maths/expression.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace bpl {

namespace {

constexpr int kMaxLength = 10000;
constexpr int kMaxDepth = 200;

struct OpInfo {
    ExprOp op;
    const char* key;
    const char* name; // function name as written in text output
};

constexpr OpInfo kOps[] = {
    {ExprOp::Constant, "const", ""}, {ExprOp::Variable, "var", ""},
    {ExprOp::Add, "add", ""},        {ExprOp::Subtract, "sub", ""},
    {ExprOp::Multiply, "mul", ""},   {ExprOp::Divide, "div", ""},
    {ExprOp::Power, "pow", ""},      {ExprOp::Negate, "neg", ""},
    {ExprOp::Exp, "exp", "exp"},     {ExprOp::Log, "log", "ln"},
    {ExprOp::Sqrt, "sqrt", "sqrt"},  {ExprOp::Sin, "sin", "sin"},
    {ExprOp::Cos, "cos", "cos"},     {ExprOp::Tan, "tan", "tan"},
    {ExprOp::Tanh, "tanh", "tanh"},  {ExprOp::Sigmoid, "sigmoid", "σ"},
    {ExprOp::Relu, "relu", "relu"},  {ExprOp::Abs, "abs", "abs"},
};

const OpInfo& info(ExprOp op) {
    for (const OpInfo& i : kOps) {
        if (i.op == op)
            return i;
    }
    return kOps[0];
}

// One decoded character of the source: its code point and byte length.
struct Char {
    char32_t code = 0;
    int bytes = 1;
    bool valid = true;
};

Char decode(const std::string& s, size_t pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80)
        return {b0, 1, true};
    int n = 0;
    char32_t code = 0;
    if ((b0 & 0xE0) == 0xC0) {
        n = 2;
        code = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3;
        code = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4;
        code = b0 & 0x07;
    } else {
        return {0, 1, false};
    }
    if (pos + n > s.size())
        return {0, 1, false};
    for (int k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[pos + k]);
        if ((b & 0xC0) != 0x80)
            return {0, 1, false};
        code = (code << 6) | (b & 0x3F);
    }
    return {code, n, true};
}

bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::optional<TokenKind> operatorKind(char32_t c) {
    switch (c) {
    case '+':
        return TokenKind::Plus;
    case '-':
    case U'\u2212':
        return TokenKind::Minus;
    case '*':
    case U'\u00D7':
    case U'\u00B7':
    case U'\u22C5':
        return TokenKind::Star;
    case '/':
    case U'\u00F7':
        return TokenKind::Slash;
    case '^':
        return TokenKind::Caret;
    case '(':
        return TokenKind::LeftParen;
    case ')':
        return TokenKind::RightParen;
    default:
        return std::nullopt;
    }
}

// Scans a number starting at `pos`; returns its byte length, or sets `error`.
size_t scanNumber(const std::string& s, size_t pos, std::string& error) {
    size_t p = pos;
    size_t digits = 0;
    while (p < s.size() && isDigit(s[p]))
        ++p, ++digits;
    if (p < s.size() && s[p] == '.') {
        ++p;
        while (p < s.size() && isDigit(s[p]))
            ++p, ++digits;
    }
    if (digits == 0) {
        error = "malformed number '" + s.substr(pos, p - pos) + "'";
        return p - pos;
    }
    if (p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
        size_t q = p + 1;
        if (q < s.size() && (s[q] == '+' || s[q] == '-'))
            ++q;
        if (q >= s.size() || !isDigit(s[q])) {
            error = "malformed number '" + s.substr(pos, q - pos) + "': the exponent needs digits";
            return q - pos;
        }
        while (q < s.size() && isDigit(s[q]))
            ++q;
        p = q;
    }
    return p - pos;
}

class Parser {
  public:
    Parser(const std::vector<Token>& tokens, Expression& out) : tokens_(tokens), out_(out) {}

    int parseAll() {
        if (peek().kind == TokenKind::End)
            return fail(peek().column, "empty expression");
        const int root = expression();
        if (root < 0)
            return -1;
        const Token& t = peek();
        if (t.kind == TokenKind::End)
            return root;
        if (t.kind == TokenKind::RightParen)
            return fail(t.column, "unexpected ')' (no '(' to close)");
        const Token& before = tokens_[pos_ - 1];
        if (before.kind == TokenKind::Number &&
            (t.kind == TokenKind::Identifier || t.kind == TokenKind::LeftParen)) {
            return fail(t.column,
                        "expected an operator, found '" + t.text + "' (write " + before.text + "*" +
                            (t.kind == TokenKind::LeftParen ? "(…)" : t.text) + " for a product)");
        }
        return fail(t.column, "expected an operator, found '" + t.text + "'");
    }

    ParseError error;

  private:
    const std::vector<Token>& tokens_;
    Expression& out_;
    size_t pos_ = 0;
    int depth_ = 0;
    bool failed_ = false;

    const Token& peek() const { return tokens_[pos_]; }
    const Token& next() { return tokens_[pos_++]; }

    int fail(int column, std::string message) {
        if (!failed_)
            error = {column, std::move(message)};
        failed_ = true;
        return -1;
    }

    int add(ExprNode node) {
        out_.nodes.push_back(std::move(node));
        return static_cast<int>(out_.nodes.size()) - 1;
    }
    int binary(ExprOp op, int left, int right, int column) {
        ExprNode n;
        n.op = op;
        n.args = {left, right};
        n.column = column;
        return add(std::move(n));
    }

    int expression() {
        int left = term();
        while (left >= 0 && (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus)) {
            const Token& op = next();
            const int right = term();
            if (right < 0)
                return -1;
            left = binary(op.kind == TokenKind::Plus ? ExprOp::Add : ExprOp::Subtract, left, right,
                          op.column);
        }
        return left;
    }

    int term() {
        int left = unary();
        while (left >= 0 && (peek().kind == TokenKind::Star || peek().kind == TokenKind::Slash)) {
            const Token& op = next();
            const int right = unary();
            if (right < 0)
                return -1;
            left = binary(op.kind == TokenKind::Star ? ExprOp::Multiply : ExprOp::Divide, left,
                          right, op.column);
        }
        return left;
    }

    // Nesting (parentheses, signs, exponents) is bounded so that deep input is refused, not a stack
    // overflow.
    bool enter(int column) {
        if (++depth_ <= kMaxDepth)
            return true;
        fail(column, "nested deeper than " + std::to_string(kMaxDepth) + " levels");
        return false;
    }

    int unary() {
        if (peek().kind != TokenKind::Minus && peek().kind != TokenKind::Plus)
            return power();
        const Token& sign = next();
        if (!enter(sign.column))
            return -1;
        const int operand = unary();
        --depth_;
        if (operand < 0 || sign.kind == TokenKind::Plus)
            return operand;
        ExprNode n;
        n.op = ExprOp::Negate;
        n.args = {operand};
        n.column = sign.column;
        return add(std::move(n));
    }

    int power() {
        const int base = primary();
        if (base < 0 || peek().kind != TokenKind::Caret)
            return base;
        const Token& op = next();
        if (!enter(op.column))
            return -1;
        const int exponent = unary(); // right-associative, and 2^-x is allowed
        --depth_;
        if (exponent < 0)
            return -1;
        return binary(ExprOp::Power, base, exponent, op.column);
    }

    int expectOperand() {
        const Token& t = peek();
        if (t.kind == TokenKind::End) {
            return fail(t.column,
                        "expected a number, variable, function or '(' (the expression ends here)");
        }
        return fail(t.column,
                    "expected a number, variable, function or '(', found '" + t.text + "'");
    }

    int primary() {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::Number: {
            next();
            ExprNode n;
            n.op = ExprOp::Constant;
            n.number = t.number;
            n.name = t.text;
            n.column = t.column;
            return add(std::move(n));
        }
        case TokenKind::Identifier:
            return identifier();
        case TokenKind::LeftParen: {
            next();
            const int inner = parenthesised();
            return inner;
        }
        default:
            return expectOperand();
        }
    }

    // After '(': an expression and its ')'.
    int parenthesised() {
        if (!enter(tokens_[pos_ - 1].column))
            return -1;
        const int inner = expression();
        --depth_;
        if (inner < 0)
            return -1;
        if (peek().kind != TokenKind::RightParen)
            return fail(peek().column, "expected ')'");
        next();
        return inner;
    }

    int identifier() {
        const Token& t = next();
        const auto function = exprFunctionFromName(t.text);
        if (function) {
            if (peek().kind != TokenKind::LeftParen)
                return fail(peek().column, "expected '(' after '" + t.text + "'");
            next();
            const int argument = parenthesised();
            if (argument < 0)
                return -1;
            ExprNode n;
            n.op = *function;
            n.args = {argument};
            n.column = t.column;
            return add(std::move(n));
        }
        if (peek().kind == TokenKind::LeftParen)
            return fail(t.column, "unknown function '" + t.text + "'");
        ExprNode n;
        n.op = ExprOp::Variable;
        n.name = t.text;
        n.column = t.column;
        bool known = false;
        for (const std::string& v : out_.variables)
            known = known || v == t.text;
        if (!known)
            out_.variables.push_back(t.text);
        return add(std::move(n));
    }
};

} // namespace

std::string exprOpKey(ExprOp op) {
    return info(op).key;
}

int exprOpArity(ExprOp op) {
    switch (op) {
    case ExprOp::Constant:
    case ExprOp::Variable:
        return 0;
    case ExprOp::Add:
    case ExprOp::Subtract:
    case ExprOp::Multiply:
    case ExprOp::Divide:
    case ExprOp::Power:
        return 2;
    default:
        return 1;
    }
}

bool exprOpIsFunction(ExprOp op) {
    return exprOpArity(op) == 1 && op != ExprOp::Negate;
}

std::optional<ExprOp> exprFunctionFromName(const std::string& name) {
    if (name == "log" || name == "ln")
        return ExprOp::Log;
    if (name == "σ" || name == "sigmoid")
        return ExprOp::Sigmoid;
    for (const OpInfo& i : kOps) {
        if (exprOpIsFunction(i.op) && name == i.key)
            return i.op;
    }
    return std::nullopt;
}

std::string exprFunctionName(ExprOp op) {
    return info(op).name;
}

TokenizeResult tokenize(const std::string& text) {
    TokenizeResult result;
    size_t pos = 0;
    int column = 1;
    auto failAt = [&](int col, std::string message) {
        result.error = ParseError{col, std::move(message)};
        return result;
    };
    while (pos < text.size()) {
        if (column > kMaxLength) {
            return failAt(column,
                          "expression longer than " + std::to_string(kMaxLength) + " characters");
        }
        const char c = text[pos];
        const Char ch = decode(text, pos);
        if (!ch.valid)
            return failAt(column, "not valid UTF-8 text");
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || ch.code == U'\u00A0') {
            pos += ch.bytes;
            ++column;
            continue;
        }
        Token t;
        t.column = column;
        if (isDigit(c) || c == '.') {
            std::string error;
            const size_t n = scanNumber(text, pos, error);
            t.text = text.substr(pos, n);
            if (!error.empty())
                return failAt(column, error);
            const auto r = std::from_chars(text.data() + pos, text.data() + pos + n, t.number);
            if (r.ec == std::errc::result_out_of_range || !std::isfinite(t.number)) {
                return failAt(column, "number out of range '" + t.text + "'");
            }
            if (r.ec != std::errc() || r.ptr != text.data() + pos + n) {
                return failAt(column, "malformed number '" + t.text + "'");
            }
            t.kind = TokenKind::Number;
            pos += n;
            column += static_cast<int>(n);
        } else if (isAsciiLetter(c)) {
            size_t n = 1;
            while (pos + n < text.size() &&
                   (isAsciiLetter(text[pos + n]) || isDigit(text[pos + n]) || text[pos + n] == '_'))
                ++n;
            t.kind = TokenKind::Identifier;
            t.text = text.substr(pos, n);
            pos += n;
            column += static_cast<int>(n);
        } else if (ch.code == U'\u03C3') {
            t.kind = TokenKind::Identifier;
            t.text = text.substr(pos, ch.bytes);
            pos += ch.bytes;
            ++column;
        } else if (const auto kind = operatorKind(ch.code)) {
            t.kind = *kind;
            t.text = text.substr(pos, ch.bytes);
            pos += ch.bytes;
            ++column;
        } else {
            return failAt(column, "unexpected character '" + text.substr(pos, ch.bytes) + "'");
        }
        result.tokens.push_back(std::move(t));
    }
    Token end;
    end.kind = TokenKind::End;
    end.column = column;
    result.tokens.push_back(end);
    return result;
}

ParseResult parseExpression(const std::string& text) {
    ParseResult result;
    const TokenizeResult tokens = tokenize(text);
    if (tokens.error) {
        result.error = *tokens.error;
        return result;
    }
    Expression e;
    e.source = text;
    Parser parser(tokens.tokens, e);
    const int root = parser.parseAll();
    if (root < 0) {
        result.error = parser.error;
        return result;
    }
    e.root = root;
    result.expression = std::move(e);
    return result;
}

} // namespace bpl
