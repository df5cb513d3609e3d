// libFuzzer target: the expression parser of the Worked maths tab and `grad`,
// then the graph built from what it accepts (every variable at 0.5), which
// must refuse non-finite nodes with a message, never crash (script/fuzz).
#include "core/maths/expression.h"
#include "core/maths/expression_graph.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const bpl::ParseResult parsed = bpl::parseExpression(text);
    if (!parsed.ok()) {
        if (parsed.error.column < 1) __builtin_trap(); // every refusal names a column
        return 0;
    }
    std::vector<bpl::VariableValue> at;
    for (const std::string& name : parsed.expression->variables) at.push_back({name, 0.5});
    (void)bpl::buildExpressionGraph(*parsed.expression, at);
    return 0;
}
