#include "gui/examples.h"

#include "io/network_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

// The resources live in the static bpl_gui library, so they must be
// registered by hand before the first use (Q_INIT_RESOURCE is idempotent).
static void initAppResources() { Q_INIT_RESOURCE(app); }

namespace bpl::gui {

namespace {

// Teaching order (teaching-content.md sections 1 to 6); others follow by name.
const QStringList kOrder = {"sheet5_321_sigmoid", "sheet5_321_exercise", "sheet5_regression", "softmax_3class", "deep_4layer_deltas",
                            "vanishing_chain_153", "xor_step", "xnor_step", "xnor_step_course",
                            // ready to train (each has a `training` object)
                            "xor_2881_tanh", "circle_2441_tanh", "spiral_2881_tanh", "three_blobs_softmax",
                            "sine_181_tanh", "digits_64_32_10_relu",
                            // over- and underfitting, and L2 against overfitting
                            "overfit_circle_2_32_32_1", "overfit_l2_circle", "underfit_xor_linear"};

std::vector<ExampleInfo> readExamples() {
    initAppResources();
    std::vector<ExampleInfo> out;
    const QDir dir(QStringLiteral(":/examples"));
    for (const QString& file : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly)) continue;
        const auto parsed = io::parseNetwork(f.readAll(), file);
        if (!parsed) continue;
        ExampleInfo info;
        info.id = QFileInfo(file).completeBaseName();
        info.resourcePath = dir.filePath(file);
        info.name = QString::fromStdString(parsed.value().network.name);
        if (info.name.isEmpty()) info.name = info.id;
        info.description = QString::fromStdString(parsed.value().network.description);
        out.push_back(info);
    }
    std::stable_sort(out.begin(), out.end(), [](const ExampleInfo& a, const ExampleInfo& b) {
        const auto rank = [](const QString& id) {
            const int k = kOrder.indexOf(id);
            return k < 0 ? kOrder.size() : k;
        };
        return rank(a.id) < rank(b.id);
    });
    return out;
}

} // namespace

const std::vector<ExampleInfo>& builtInExamples() {
    static const std::vector<ExampleInfo> examples = readExamples();
    return examples;
}

const ExampleInfo* findExample(const QString& key) {
    QString k = key;
    if (k.endsWith(".json")) k.chop(5);
    for (const ExampleInfo& e : builtInExamples()) {
        if (e.id == k) return &e;
    }
    for (const ExampleInfo& e : builtInExamples()) {
        if (e.name.contains(key, Qt::CaseInsensitive) || e.id.contains(key, Qt::CaseInsensitive)) return &e;
    }
    return nullptr;
}

} // namespace bpl::gui
