#include "gui/exercise/exercise_variants.h"

#include "core/exercise/network_variant.h"
#include "core/exercise/variant_code.h"
#include "core/tolerance.h"
#include "io/answers_file.h"
#include "io/class_roster.h"
#include "io/exercise_answers.h"
#include "io/exercise_file.h"
#include "io/exercise_template.h"
#include "render/class_sheets.h"

#include <QFileInfo>
#include <optional>

namespace bpl::gui {

class SheetExercise {
  public:
    io::NetworkDocument network;
    exercise::NetworkTemplate networkTemplate;
    std::optional<io::MathsExercise> maths; // a chain-rule or convolution exercise instead
    QString problem;                        // the "variants" key cannot be used
    QString name;
    QString networkKey; // the answers files' "network"
    TraceOptions options;
};

namespace {

// The document's template: as loaded, else the "variants" key of its JSON (the
// window keeps the file's JSON, not the parsed template), else the default.
Result<exercise::NetworkTemplate> templateOf(const io::NetworkDocument& document) {
    if (document.variants)
        return *document.variants;
    const QJsonValue key = document.original.value("variants");
    if (key.isUndefined())
        return exercise::defaultNetworkTemplate(document.network);
    return io::networkTemplateFromJson(key, document.network);
}

std::shared_ptr<SheetExercise> makeExercise(const io::NetworkDocument& network, const QString& name,
                                            const QString& path, const TraceOptions& options) {
    auto e = std::make_shared<SheetExercise>();
    e->network = network;
    e->name = name;
    e->networkKey = io::answersNetworkName(network.network, path);
    e->options = options;
    // The file's template, refused with its place and reason; else the documented default.
    if (auto t = templateOf(network)) {
        e->networkTemplate = t.value();
    } else {
        e->networkTemplate = exercise::defaultNetworkTemplate(network.network);
        e->problem = QString::fromStdString(t.error().message());
        if (!path.isEmpty())
            e->problem = QFileInfo(path).fileName() + ": " + e->problem;
    }
    return e;
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

io::ClassSheetsRequest requestFor(const SheetExercise& e, const QStringList& students, quint64 seed,
                                  const QString& folder) {
    io::ClassSheetsRequest request;
    request.exercise = e.network.network;
    request.variants = e.networkTemplate;
    request.maths = e.maths;
    request.exerciseFile = e.networkKey;
    request.students = students;
    request.seed = seed;
    request.folder = folder;
    request.options = e.options;
    return request;
}

} // namespace

QString exerciseShape(const Network& network) {
    return QString::fromStdString(exercise::networkShape(network));
}

Result<NetworkVariantOfCode> networkForCode(const io::NetworkDocument& exerciseFile,
                                            const QString& typed) {
    // The rebuild `check` uses (io/exercise_answers.h): the file's template, the code's shape
    // checked.
    const std::string text = typed.trimmed().toStdString();
    const auto t = templateOf(exerciseFile);
    if (!t)
        return t.error();
    auto network = io::networkVariantFromCode(exerciseFile.network, t.value(), text);
    if (!network)
        return network.error();
    const auto code =
        exercise::parseVariantCode(text); // read already: only its canonical spelling is new
    return NetworkVariantOfCode{QString::fromStdString(exercise::formatVariantCode(code.value())),
                                std::move(network).value()};
}

SheetExercisePtr exerciseFromNetwork(const io::NetworkDocument& network, const QString& name,
                                     const QString& path, const TraceOptions& options) {
    return makeExercise(network, name, path, options);
}

Result<SheetExercisePtr> loadSheetExercise(const QString& path) {
    if (io::isMathsExerciseFile(path)) {
        auto maths = io::loadMathsExercise(path);
        if (!maths)
            return maths.error();
        auto e = std::make_shared<SheetExercise>();
        e->maths = std::move(maths).value();
        e->name = QFileInfo(path).fileName();
        e->networkKey = e->name;
        return SheetExercisePtr(e);
    }
    auto loaded = io::loadNetwork(path);
    if (!loaded)
        return loaded.error();
    return SheetExercisePtr(
        makeExercise(loaded.value(), QFileInfo(path).fileName(), path, TraceOptions{}));
}

QString exerciseTitle(const SheetExercise& e) {
    if (e.maths) {
        const QString shape = QString::fromStdString(io::mathsExerciseShape(*e.maths));
        return QObject::tr("%1 (%2)").arg(
            e.maths->name.isEmpty() ? e.name : e.maths->name,
            QString::fromStdString(exercise::describeVariantShape(shape.toStdString())));
    }
    return QObject::tr("%1 (a %2 network)").arg(e.name, exerciseShape(e.network.network));
}

QString exerciseProblem(const SheetExercise& e) {
    return e.problem;
}

namespace {

QStringList mathsSettings(const io::MathsExercise& m) {
    QStringList lines;
    if (m.kind == io::MathsExerciseKind::Convolution) {
        const exercise::ConvolutionTemplate& t = m.convTemplate;
        lines << QObject::tr("Input X: %1").arg(QString::fromStdString(rangeText(t.input)));
        lines << QObject::tr("Filter W: %1").arg(QString::fromStdString(rangeText(t.filter)));
        lines << QObject::tr("Answers to %1 decimals").arg(t.answerDecimals);
    } else {
        const exercise::ExpressionTemplate& t = m.chainTemplate;
        lines << QObject::tr("Expression: %1").arg(QString::fromStdString(m.expressionText));
        lines
            << QObject::tr("Variables: %1").arg(QString::fromStdString(rangeText(t.defaultRange)));
        for (const exercise::VariableRange& v : t.ranges) {
            lines << QObject::tr("  %1: %2")
                         .arg(QString::fromStdString(v.name),
                              QString::fromStdString(rangeText(v.range)));
        }
        lines << QObject::tr("Answers to %1 decimals").arg(t.answerDecimals);
    }
    if (!m.templateGiven)
        lines << QObject::tr("(the default template: the file has none)");
    return lines;
}

} // namespace

QStringList templateSettings(const SheetExercise& e) {
    if (e.maths)
        return mathsSettings(*e.maths);
    const exercise::NetworkTemplate& t = e.networkTemplate;
    QStringList lines;
    lines << QObject::tr("Weights: %1").arg(QString::fromStdString(rangeText(t.weights)));
    lines << QObject::tr("Biases: %1").arg(QString::fromStdString(rangeText(t.biases)));
    lines << QObject::tr("Inputs: %1").arg(QString::fromStdString(rangeText(t.inputs)));
    lines << QObject::tr("Targets: %1").arg(QString::fromStdString(rangeText(t.targets)));
    lines << QObject::tr("At most %1 significant figures a number; no |a| above %2")
                 .arg(t.significantFigures)
                 .arg(QString::fromStdString(shortestText(t.maxAbsActivation)));
    lines << QObject::tr("Answers to %1 decimals").arg(t.answerDecimals);
    if (!t.fixed.empty())
        lines << QObject::tr("%n value(s) kept from the file", nullptr, int(t.fixed.size()));
    if (!e.network.variants && !e.network.original.contains("variants"))
        lines << QObject::tr("(the default template: the file has none)");
    return lines;
}

QStringList numberedStudents(int count) {
    return io::numberedStudents(count);
}

Result<QStringList> readRosterFile(const QString& path) {
    return io::loadRoster(path);
}

Result<std::vector<VariantPreview>> previewVariants(const SheetExercise& e,
                                                    const QStringList& students, quint64 seed,
                                                    int count, int width) {
    if (!e.problem.isEmpty())
        return Error{"", "", e.problem.toStdString()};
    // The first students' sheets as writeClassSheets writes them (student k's code depends on seed
    // and k only).
    const auto sheets = io::classSheets(requestFor(e, students.mid(0, count), seed, {}));
    if (!sheets)
        return sheets.error();
    std::vector<VariantPreview> out;
    constexpr double kA4WidthInches = 210.0 / 25.4;
    for (const io::ExerciseSheet& sheet : sheets.value()) {
        VariantPreview p;
        p.student = sheet.student;
        p.code = sheet.code;
        p.image = io::studentSheetDocument(sheet).pageImage(0, width / kA4WidthInches);
        out.push_back(std::move(p));
    }
    return out;
}

Result<ClassSheetsOutcome> writeClassFolder(const SheetExercisePtr& e, const QStringList& students,
                                            quint64 seed, const QString& folder,
                                            bool replaceForeignFiles,
                                            const std::function<void(int, int)>& progress) {
    if (!e->problem.isEmpty())
        return Error{"", "", e->problem.toStdString()};
    io::ClassSheetsRequest request = requestFor(*e, students, seed, folder);
    request.replaceForeignFiles = replaceForeignFiles;
    request.progress = [progress](int done, int total) {
        if (progress)
            progress(done, total);
        return true;
    };
    const auto written = io::writeClassSheets(request);
    if (!written)
        return written.error();
    return ClassSheetsOutcome{written.value().folder, written.value().files,
                              int(written.value().students.size())};
}

} // namespace bpl::gui
