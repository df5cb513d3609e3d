#include "io/training_data.h"

#include "core/common/limits.h"
#include "core/common/number_text.h"
#include "io/json_writer.h"
#include "io/safe_file.h"
#include "io/text_columns.h"

#include <QFile>

#include <cmath>
#include <string_view>
#include <vector>

// The digits live in the static bpl_io library's own resource file, so that
// the command line finds them without the GUI's resources.
static void initIoResources() {
    Q_INIT_RESOURCE(io_data);
}

namespace bpl::io {

namespace {

enum class TargetForm { ClassIndex, ClassVector, Binary, Real };

// How a row of `columns` numbers can hold the target for `network`.
struct Layout {
    int inputs = 0;
    int outputs = 0;
    bool softmax = false;
    bool binary = false;    // one sigmoid unit with binary cross-entropy
    bool unitRange = false; // targets must lie in [0, 1] (binary cross-entropy)

    explicit Layout(const Network& network)
        : inputs(network.inputSize()), outputs(network.outputSize()) {
        const Activation out = network.layers.back().activation.kind;
        softmax = out == Activation::Softmax;
        unitRange = network.loss == Loss::BinaryCrossEntropy;
        binary = unitRange && outputs == 1 && out == Activation::Sigmoid;
    }
    // What the network expects, for messages.
    std::string expected() const {
        const std::string in = std::to_string(inputs) + " input" + (inputs == 1 ? "" : "s");
        if (softmax) {
            return std::to_string(inputs + 1) + " columns (" + in + ", then the class 0 … " +
                   std::to_string(outputs - 1) + ") or " + std::to_string(inputs + outputs) + " (" +
                   in + ", then " + std::to_string(outputs) + " one-hot or probability columns)";
        }
        if (binary)
            return std::to_string(inputs + 1) + " columns (" + in + ", then the target in [0, 1])";
        return std::to_string(inputs + outputs) + " columns (" + in + ", then " +
               std::to_string(outputs) + " target" + (outputs == 1 ? "" : "s") + ")";
    }
    bool form(int columns, TargetForm& out) const {
        if (softmax && columns == inputs + 1)
            out = TargetForm::ClassIndex;
        else if (softmax && columns == inputs + outputs)
            out = TargetForm::ClassVector;
        else if (binary && columns == inputs + 1)
            out = TargetForm::Binary;
        else if (!softmax && !binary && columns == inputs + outputs)
            out = TargetForm::Real;
        else
            return false;
        return true;
    }
};

std::string columnName(int column, int columns, const Layout& layout) {
    if (column < layout.inputs)
        return "input " + std::to_string(column + 1);
    if (columns == layout.inputs + 1)
        return "the target";
    return "target " + std::to_string(column - layout.inputs + 1);
}

// Checks a row's target and writes it as the loss takes it; returns a reason or "".
std::string readTarget(const double* values, TargetForm form, const Layout& layout, double* target,
                       int& label) {
    const double* t = values + layout.inputs;
    switch (form) {
    case TargetForm::ClassIndex: {
        const double c = t[0];
        if (c != std::floor(c))
            return "the class must be a whole number 0 … " + std::to_string(layout.outputs - 1) +
                   ", found " + shortestNumberText(c);
        if (c < 0 || c >= layout.outputs) {
            return "class index " + shortestNumberText(c) + " is out of range (the output layer has " +
                   std::to_string(layout.outputs) + " classes, 0 … " +
                   std::to_string(layout.outputs - 1) + ")";
        }
        label = static_cast<int>(c);
        for (int k = 0; k < layout.outputs; ++k)
            target[k] = k == label ? 1.0 : 0.0;
        return {};
    }
    case TargetForm::ClassVector: {
        double sum = 0;
        label = 0;
        for (int k = 0; k < layout.outputs; ++k) {
            if (t[k] < 0 || t[k] > 1)
                return "target " + std::to_string(k + 1) + " must lie in [0, 1], found " +
                       shortestNumberText(t[k]);
            sum += t[k];
            target[k] = t[k];
            if (t[k] > t[label])
                label = k;
        }
        if (std::abs(sum - 1.0) > 1e-6)
            return "the " + std::to_string(layout.outputs) +
                   " target columns must sum to 1 (one-hot or probabilities), found " + shortestNumberText(sum);
        return {};
    }
    case TargetForm::Binary:
    case TargetForm::Real:
        for (int k = 0; k < layout.outputs; ++k) {
            if (layout.unitRange && (t[k] < 0 || t[k] > 1)) {
                return "binary_cross_entropy targets must lie in [0, 1], found " + shortestNumberText(t[k]);
            }
            target[k] = t[k];
        }
        label = form == TargetForm::Binary ? (t[0] > 0.5 ? 1 : 0) : 0;
        return {};
    }
    return {};
}

} // namespace

Result<Dataset> parseTrainingData(const QByteArray& bytes, const QString& fileName,
                                  const Network& network) {
    const std::string file = fileName.toStdString();
    const Layout layout(network);
    std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3); // UTF-8 byte-order mark
    auto lineError = [&](long line, std::string reason) {
        return Error{file, "line " + std::to_string(line), std::move(reason)};
    };
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return lineError(1, "the file is empty (expected rows of " + layout.expected() + ")");
    }

    std::vector<double> inputs, targets, values;
    std::vector<int> labels;
    std::vector<std::string_view> fields;
    TargetForm form = TargetForm::Real;
    int columns = 0; // fixed by the first data row
    long firstDataLine = 0, lineNumber = 0;
    bool headerAllowed = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        ++lineNumber;
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        // A row has at most inputs + outputs columns; a few more are still reported by count.
        const std::size_t maxFields = static_cast<std::size_t>(layout.inputs + layout.outputs) + 64;
        if (std::string reason = splitFields(line, fields, maxFields); !reason.empty())
            return lineError(lineNumber, reason);
        if (fields.empty())
            continue;

        const int found = static_cast<int>(fields.size());
        values.resize(fields.size());
        bool anyNumber = false;
        for (int k = 0; k < found; ++k)
            anyNumber = parseNumber(fields[k], values[k]) || anyNumber;
        if (headerAllowed && !anyNumber) { // a header line of names, skipped
            headerAllowed = false;
            continue;
        }
        headerAllowed = false;
        if (columns == 0) {
            if (!layout.form(found, form)) {
                return lineError(lineNumber, "expected " + layout.expected() + ", found " +
                                                 std::to_string(found) + " column" +
                                                 (found == 1 ? "" : "s"));
            }
            columns = found;
            firstDataLine = lineNumber;
        } else if (found != columns) {
            return lineError(lineNumber,
                             std::string(found < columns ? "missing column" : "extra column") +
                                 " (ragged row): expected " + std::to_string(columns) +
                                 " columns like line " + std::to_string(firstDataLine) +
                                 ", found " + std::to_string(found));
        }
        for (int k = 0; k < columns; ++k) {
            if (!parseNumber(fields[k], values[k])) {
                return lineError(lineNumber, columnName(k, columns, layout) + ": " +
                                                 quotedField(fields[k]) + " is not a number");
            }
            if (!std::isfinite(values[k])) {
                return lineError(lineNumber, columnName(k, columns, layout) + ": " +
                                                 quotedField(fields[k]) +
                                                 " is not a finite number");
            }
        }
        const std::size_t row = labels.size();
        if (std::string reason = trainingDataProblem(static_cast<long long>(row) + 1,
                                                     layout.inputs + layout.outputs);
            !reason.empty()) {
            return lineError(lineNumber, reason);
        }
        targets.resize((row + 1) * static_cast<std::size_t>(layout.outputs));
        int label = 0;
        if (std::string reason = readTarget(values.data(), form, layout,
                                            targets.data() + row * layout.outputs, label);
            !reason.empty()) {
            return lineError(lineNumber, reason);
        }
        labels.push_back(label);
        inputs.insert(inputs.end(), values.begin(), values.begin() + layout.inputs);
    }
    const Eigen::Index n = static_cast<Eigen::Index>(labels.size());
    if (n < 2) {
        return lineError(lineNumber,
                         std::string(n == 0 ? "no samples" : "only 1 sample") +
                             " before the end of the file (at least 2 are needed to train)");
    }
    Dataset data;
    data.source = file;
    data.inputs = Eigen::Map<const Eigen::MatrixXd>(inputs.data(), layout.inputs, n);
    data.targets = Eigen::Map<const Eigen::MatrixXd>(targets.data(), layout.outputs, n);
    if (form == TargetForm::ClassIndex || form == TargetForm::ClassVector)
        data.classes = layout.outputs;
    if (form == TargetForm::Binary)
        data.classes = 2;
    if (data.classes > 0)
        data.labels = std::move(labels);
    return data;
}

Result<Dataset> loadTrainingData(const QString& path, const Network& network) {
    // Regular files only, size checked before reading (io/safe_file.h).
    const auto bytes = readRegularFile(path, kMaxTrainingDataBytes, "data file");
    if (!bytes)
        return bytes.error();
    return parseTrainingData(bytes.value(), path, network);
}

QByteArray digitsFileBytes() {
    initIoResources();
    QFile f(QStringLiteral(":/bpl-io/digits.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

Result<Dataset> loadDigits(const Network& network) {
    const Layout layout(network);
    if (layout.inputs != 64 || !layout.softmax || layout.outputs != 10) {
        return Error{kDigitsName, "",
                     "the 8×8 digits need a network with 64 inputs and a softmax output of 10 "
                     "units, found " +
                         std::to_string(layout.inputs) + " inputs and " +
                         std::to_string(layout.outputs) + (layout.softmax ? " softmax" : "") +
                         " output" + (layout.outputs == 1 ? "" : "s")};
    }
    const QByteArray bytes = digitsFileBytes();
    if (bytes.isEmpty())
        return Error{kDigitsName, "", "the embedded digits file is missing from this build"};
    auto parsed = parseTrainingData(bytes, kDigitsName, network);
    return parsed;
}

} // namespace bpl::io
