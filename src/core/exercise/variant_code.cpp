#include "core/exercise/variant_code.h"

#include "core/common/split_mix64.h"

#include <cctype>
#include <unordered_set>

namespace bpl::exercise {

namespace {

constexpr std::string_view kDigits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The value of one Crockford digit (case-insensitive, I/L → 1, O → 0); −1 otherwise.
int digitValue(char c) {
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper == 'I' || upper == 'L')
        return 1;
    if (upper == 'O')
        return 0;
    const auto at = kDigits.find(upper);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool allDigits(std::string_view text) {
    if (text.empty() || text.size() > 4)
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return text.front() != '0';
}

// "4x4" with positive sizes.
bool isSize(std::string_view text) {
    const auto x = text.find('x');
    return x != std::string_view::npos && allDigits(text.substr(0, x)) &&
           allDigits(text.substr(x + 1));
}

Error codeError(const std::string& reason) {
    return Error{"", "variant", reason};
}

std::string quoted(std::string_view text) {
    std::string shown(text.substr(0, 40));
    if (text.size() > 40)
        shown += "…";
    return "'" + shown + "'";
}

} // namespace

std::string formatVariantNumber(std::uint32_t number) {
    std::string text(kVariantDigits, '0');
    for (int k = kVariantDigits - 1; k >= 0; --k) {
        text[static_cast<std::size_t>(k)] = kDigits[number % 32];
        number /= 32;
    }
    return text;
}

std::string formatVariantCode(const VariantCode& code) {
    return code.shape + "/" + formatVariantNumber(code.number);
}

Result<std::uint32_t> parseVariantNumber(std::string_view digits) {
    std::uint32_t number = 0;
    int count = 0;
    for (char c : digits) {
        if (c == ' ' || c == '-' || c == '\t')
            continue;
        const int value = digitValue(c);
        if (value < 0)
            return codeError(quoted(digits) + ": " +
                             (std::isprint(static_cast<unsigned char>(c))
                                  ? std::string(1, c)
                                  : std::string("a character")) +
                             " is not a base-32 digit (0-9 and A-Z without I, L, O, U)");
        if (++count > kVariantDigits)
            break;
        number = number * 32 + static_cast<std::uint32_t>(value);
    }
    if (count != kVariantDigits)
        return codeError(quoted(digits) + ": a variant number has " +
                         std::to_string(kVariantDigits) + " digits, found " +
                         (count > kVariantDigits ? "more" : std::to_string(count)));
    return number;
}

bool isVariantShape(std::string_view shape) {
    if (shape == "chain")
        return true;
    if (shape.starts_with("conv")) {
        const auto rest = shape.substr(4);
        const auto dash = rest.find('-');
        return dash != std::string_view::npos && isSize(rest.substr(0, dash)) &&
               isSize(rest.substr(dash + 1));
    }
    int layers = 0;
    while (true) {
        const auto dash = shape.find('-');
        if (!allDigits(shape.substr(0, dash)))
            return false;
        ++layers;
        if (dash == std::string_view::npos)
            break;
        shape.remove_prefix(dash + 1);
    }
    return layers >= 2;
}

std::string describeVariantShape(const std::string& shape) {
    if (shape == "chain")
        return "a chain-rule exercise";
    if (shape.starts_with("conv")) {
        const auto dash = shape.find('-');
        auto size = [](std::string s) {
            const auto x = s.find('x');
            return x == std::string::npos ? s : s.substr(0, x) + "×" + s.substr(x + 1);
        };
        return "a " + size(shape.substr(4, dash - 4)) + " convolution with a " +
               size(shape.substr(dash + 1)) + " filter";
    }
    return "a " + shape + " network";
}

Result<VariantCode> parseVariantCode(std::string_view text) {
    text = trimmed(text);
    if (text.empty())
        return codeError("the variant code is empty (expected e.g. 3-2-1/7F3K)");
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return codeError(quoted(text) +
                         ": a variant code is SHAPE/XXXX (e.g. 3-2-1/7F3K); no '/' found");
    VariantCode code;
    code.shape = std::string(trimmed(text.substr(0, slash)));
    for (char& c : code.shape)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!isVariantShape(code.shape))
        return codeError(
            quoted(text) + ": " + quoted(code.shape) +
            " is not an exercise shape (layer sizes such as 3-2-1, chain or conv4x4-2x2)");
    auto number = parseVariantNumber(trimmed(text.substr(slash + 1)));
    if (!number)
        return codeError(quoted(text) + ": " + number.error().reason);
    code.number = number.value();
    return code;
}

std::optional<Error> variantShapeProblem(const VariantCode& code,
                                         const std::string& exerciseShape) {
    if (code.shape == exerciseShape)
        return std::nullopt;
    return codeError("code " + formatVariantCode(code) + " is for " +
                     describeVariantShape(code.shape) + "; this exercise is " + exerciseShape);
}

std::vector<std::uint32_t> classVariantNumbers(std::uint64_t seed, int count,
                                               const std::function<bool(std::uint32_t)>& admits) {
    std::vector<std::uint32_t> numbers;
    if (count <= 0)
        return numbers;
    numbers.reserve(static_cast<std::size_t>(count));
    std::unordered_set<std::uint32_t> seen;
    SplitMix64 random(seed);
    // Bounded: a template that admits almost nothing ends the list early.
    const long maxDraws = 64L * count + 4096;
    long refused = 0;
    for (long draw = 0; draw < maxDraws && static_cast<int>(numbers.size()) < count; ++draw) {
        const auto number = static_cast<std::uint32_t>(random.next() % kVariantNumberCount);
        if (!seen.insert(number).second)
            continue;
        if (admits && !admits(number)) {
            if (++refused > static_cast<long>(numbers.size()))
                break; // the template admits (almost) nothing: give up as trace --variant does
            continue;
        }
        numbers.push_back(number);
    }
    return numbers;
}

} // namespace bpl::exercise
