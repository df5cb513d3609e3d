#include "gui/exercise/exercise_variants.h"

#include "core/exercise/network_variant.h"
#include "core/exercise/variant_code.h"
#include "core/tolerance.h"
#include "core/trace.h"
#include "render/network_figure.h"

#include <QFileInfo>

namespace bpl::gui {

class SheetExercise {
  public:
    io::NetworkDocument network;
    exercise::NetworkTemplate networkTemplate;
    QString name;
    QString path;
};

namespace {

// The template of a network file: its "variants" key, else the documented default.
Result<exercise::NetworkTemplate> networkTemplateOf(const io::NetworkDocument& document) {
    return exercise::defaultNetworkTemplate(document.network);
}

std::string rangeText(const exercise::NumberRange& r) {
    if (!r.values.empty()) {
        std::string s = "one of {";
        for (std::size_t k = 0; k < r.values.size(); ++k)
            s += (k ? ", " : "") + shortestText(r.values[k]);
        return s + "}";
    }
    return shortestText(r.min) + " … " + shortestText(r.max) + ", " + std::to_string(r.decimals) +
           (r.decimals == 1 ? " decimal" : " decimals");
}

Error errorOf(const std::vector<std::string>& problems, const std::string& file) {
    std::string reason;
    for (const std::string& p : problems)
        reason += (reason.empty() ? "" : "; ") + p;
    return Error{file, "variants", reason};
}

} // namespace

QString exerciseShape(const Network& network) {
    return QString::fromStdString(exercise::networkShape(network));
}

Result<NetworkVariantOfCode> networkForCode(const io::NetworkDocument& exerciseFile,
                                            const QString& typed) {
    auto code = exercise::parseVariantCode(typed.toStdString());
    if (!code)
        return code.error();
    if (auto problem = exercise::variantShapeProblem(
            code.value(), exercise::networkShape(exerciseFile.network))) {
        return *problem;
    }
    auto t = networkTemplateOf(exerciseFile);
    if (!t)
        return t.error();
    auto network = exercise::networkVariant(exerciseFile.network, t.value(), code.value());
    if (!network)
        return network.error();
    return NetworkVariantOfCode{QString::fromStdString(exercise::formatVariantCode(code.value())),
                                std::move(network).value()};
}

SheetExercisePtr exerciseFromNetwork(const io::NetworkDocument& network, const QString& name) {
    auto e = std::make_shared<SheetExercise>();
    e->network = network;
    e->name = name;
    if (auto t = networkTemplateOf(network))
        e->networkTemplate = t.value();
    return e;
}

Result<SheetExercisePtr> loadSheetExercise(const QString& path) {
    auto loaded = io::loadNetwork(path);
    if (!loaded)
        return loaded.error();
    auto t = networkTemplateOf(loaded.value());
    if (!t)
        return t.error();
    auto e = std::make_shared<SheetExercise>();
    e->network = std::move(loaded).value();
    e->networkTemplate = t.value();
    e->name = QFileInfo(path).fileName();
    e->path = path;
    return SheetExercisePtr(e);
}

QString exerciseTitle(const SheetExercise& e) {
    return QObject::tr("%1 (a %2 network)").arg(e.name, exerciseShape(e.network.network));
}

QStringList templateSettings(const SheetExercise& e) {
    const exercise::NetworkTemplate& t = e.networkTemplate;
    QStringList lines;
    lines << QObject::tr("Weights: %1").arg(QString::fromStdString(rangeText(t.weights)));
    lines << QObject::tr("Biases: %1").arg(QString::fromStdString(rangeText(t.biases)));
    lines << QObject::tr("Inputs: %1").arg(QString::fromStdString(rangeText(t.inputs)));
    lines << QObject::tr("Targets: %1").arg(QString::fromStdString(rangeText(t.targets)));
    lines << QObject::tr("At most %1 significant figures per number; |a| ≤ %2")
                 .arg(t.significantFigures)
                 .arg(QString::fromStdString(shortestText(t.maxAbsActivation)));
    lines << QObject::tr("Answers to %1 decimals").arg(t.answerDecimals);
    if (!t.fixed.empty())
        lines << QObject::tr("%n value(s) kept from the file", nullptr, int(t.fixed.size()));
    return lines;
}

QStringList numberedStudents(int count) {
    QStringList names;
    for (int k = 1; k <= count; ++k)
        names << QObject::tr("Student %1").arg(k, 2, 10, QLatin1Char('0'));
    return names;
}

Result<QStringList> readRosterFile(const QString& path) {
    return Error{path.toStdString(), "", "rosters are not supported yet"};
}

Result<std::vector<VariantPreview>> previewVariants(const SheetExercise& e,
                                                    const QStringList& students, quint64 seed,
                                                    int count, int width) {
    const Network& exerciseNetwork = e.network.network;
    if (const auto problems = exercise::templateProblems(exerciseNetwork, e.networkTemplate);
        !problems.empty()) {
        return errorOf(problems, e.name.toStdString());
    }
    const int n = std::min(count, int(students.size()));
    const auto numbers = exercise::classVariantNumbers(seed, n);
    std::vector<VariantPreview> out;
    for (int k = 0; k < int(numbers.size()); ++k) {
        auto variant =
            exercise::networkVariant(exerciseNetwork, e.networkTemplate, numbers[std::size_t(k)]);
        if (!variant)
            return variant.error();
        VariantPreview p;
        p.student = students[k];
        p.code = QString::fromStdString(exercise::formatVariantCode(
            exercise::networkVariantCode(exerciseNetwork, numbers[std::size_t(k)])));
        TraceOptions options;
        options.precision = e.networkTemplate.answerDecimals + 1;
        p.image = io::networkFigureImage(traceNetwork(variant.value(), options), width / 1.5, 1.5);
        out.push_back(std::move(p));
    }
    return out;
}

Result<ClassSheetsOutcome> writeClassFolder(const SheetExercisePtr&, const QStringList&, quint64,
                                            const QString& folder,
                                            const std::function<void(int, int)>&) {
    return Error{folder.toStdString(), "", "writing sheets is not available yet"};
}

} // namespace bpl::gui
