// backprop-lab topk NETWORK.json [DATA | --data NAME] [--k K] [--part all|train|validation|test]
//   [--split T,V,T] [--split-seed S] [--format text|json] [--precision N]
//   [--answer-error E] [--answer-ranks R,R,…] [--sig-figs N]
// The top-k error worked by hand (docs/formats/training.md, "Top-k"): each
// sample's class scores, the true class's rank Rᵢ (the tie rule of
// core/training/top_k.h) and E = (1/m) Σ 𝟙(Rᵢ > k) with the numbers. A
// student's E and ranks are marked (exit 1 when any is wrong).
#include "cli/command.h"
#include "cli/output.h"
#include "core/common/limits.h"
#include "core/notation.h"
#include "core/training/top_k.h"
#include "io/json_writer.h"
#include "io/network_file.h"
#include "io/qt_text.h"
#include "io/training_data.h"
#include "io/training_setup_json.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace bpl::cli {

namespace {

constexpr const char* kName = "topk";

struct TopKRequest {
    io::NetworkDocument document;
    QString dataPath, dataName, part = "all";
    SplitOptions split;
    int k = 1;
    int precision = 4;
    QString format = "text";
    std::optional<double> answerError;
    std::vector<int> answerRanks;
    Tolerance tolerance;
};

void addOptions(QCommandLineParser& p) {
    p.setApplicationDescription(
        "Work the top-k error by hand: each sample's class scores, the true class's rank Rᵢ "
        "(a tie goes to the smaller class index, as argmax does) and E = (1/m) Σ 𝟙(Rᵢ > k); "
        "with --answer-error/--answer-ranks, mark a student's E and ranks.");
    p.addPositionalArgument("NETWORK", "network file (backprop-lab.network/1)");
    p.addPositionalArgument("DATA", "data file (rows of inputs then the class), or --data NAME",
                            "[DATA]");
    p.addOptions({
        {"data", "Built-in data set (default points, noise and seed), e.g. three_blobs.", "NAME"},
        {"k", "k, from 1 to the classes (default 1).", "K", "1"},
        {"part", "all (default), or the train, validation or test rows of the split.", "part",
         "all"},
        {"split", "Train, validation and test percentages (default 60,20,20, as train).", "T,V,T"},
        {"split-seed", "Seed of the split's shuffle (default 1).", "S"},
        {"format", "Output: text (default) or json.", "format", "text"},
        {"precision", "Significant figures of the scores and E (1–17, default 4).", "N", "4"},
        {"answer-error", "A student's E to mark (exit 1 when wrong).", "E"},
        {"answer-ranks", "A student's ranks R₁,R₂,… (one per sample) to mark.", "R,R,…"},
        {"sig-figs", "Significant figures E must agree to (1–15, default 3).", "N"},
    });
}

// A whole-number option (its default when not given) from lo to hi.
bool wholeValue(const QCommandLineParser& p, const QString& name, int lo, int hi, int& out) {
    bool ok = false;
    out = p.value(name).toInt(&ok);
    return ok && out >= lo && out <= hi;
}

// The options that need no file; the problem (a usage error) or "".
QString readOptions(const QCommandLineParser& p, TopKRequest& r) {
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2)
        return "expected a network file and at most one data file (see --help)";
    if (positional.size() == 2 && p.isSet("data"))
        return "give either a DATA file or --data NAME, not both";
    r.dataPath = positional.size() == 2 ? positional[1] : QString();
    r.dataName = p.value("data");
    const auto names = io::builtInDataNames();
    if (p.isSet("data") &&
        std::find(names.begin(), names.end(), r.dataName.toStdString()) == names.end())
        return "--data: unknown data set " + quoteForMessage(r.dataName) +
               " (expected circle, xor, two_gaussians, spiral, three_blobs, sine or digits)";
    r.format = p.value("format");
    if (r.format != "text" && r.format != "json")
        return "--format: expected text or json, found " + quoteForMessage(r.format);
    if (!wholeValue(p, "k", 1, 1'000'000, r.k))
        return "--k: expected a whole number ≥ 1, found " + quoteForMessage(p.value("k"));
    if (!wholeValue(p, "precision", 1, 17, r.precision))
        return "--precision: expected a whole number from 1 to 17";
    r.part = p.value("part");
    if (!QStringList{"all", "train", "validation", "test"}.contains(r.part))
        return "--part: expected all, train, validation or test, found " + quoteForMessage(r.part);
    if (p.isSet("split")) {
        if (const std::string problem =
                parseSplitPercentages(p.value("split").toStdString(), r.split);
            !problem.empty())
            return "--split: " + QString::fromStdString(problem);
    }
    if (p.isSet("split-seed")) {
        bool ok = false;
        r.split.seed = p.value("split-seed").toULongLong(&ok);
        if (!ok)
            return "--split-seed: expected a whole number ≥ 0";
    }
    if (p.isSet("answer-error")) {
        std::vector<double> values;
        QString error;
        if (!parseNumberList(p.value("answer-error"), values, error) || values.size() != 1)
            return "--answer-error: expected one number, found " +
                   quoteForMessage(p.value("answer-error"));
        r.answerError = values.front();
    }
    if (p.isSet("answer-ranks") &&
        !parseTopKList(p.value("answer-ranks").toStdString(), r.answerRanks))
        return "--answer-ranks: expected whole numbers separated by commas, found " +
               quoteForMessage(p.value("answer-ranks"));
    if (p.isSet("sig-figs")) {
        int n = 0;
        if (!wholeValue(p, "sig-figs", 1, 15, n))
            return "--sig-figs: expected a whole number from 1 to 15";
        r.tolerance = Tolerance::sigFigs(n);
    }
    return {};
}

Result<Dataset> loadData(const TopKRequest& r) {
    const Network& network = r.document.network;
    if (!r.dataPath.isEmpty())
        return io::loadTrainingData(r.dataPath, network);
    const std::string name = r.dataName.toStdString();
    if (name == io::kDigitsName)
        return io::loadDigits(network);
    // The file's own points, noise and seed when its `training` object names this set.
    const auto& training = r.document.training;
    GeneratorOptions generator =
        training && !training->usesFile() && training->generator.name == name ? training->generator
                                                                              : GeneratorOptions{};
    generator.name = name;
    const auto raw = generateDataset(generator);
    if (!raw)
        return raw.error();
    auto fitted = fitDatasetToNetwork(raw.value(), network);
    if (!fitted)
        return Error{name, fitted.error().place, fitted.error().reason};
    return fitted;
}

Dataset partOf(const Dataset& data, const TopKRequest& r) {
    if (r.part == "all")
        return data;
    DataSplit split = splitDataset(data, r.split);
    return r.part == "train" ? split.train : r.part == "validation" ? split.validation : split.test;
}

QByteArray workedJson(const TopKRequest& r, const TopKWorked& w, const TopKCheck* check) {
    QJsonObject root;
    root["format"] = "backprop-lab.topk/1";
    root["k"] = w.k;
    root["classes"] = w.classes;
    root["part"] = r.part;
    root["samples"] = static_cast<int>(w.rows.size());
    root["rank_rule"] = QString::fromStdString(topKRankRule());
    QJsonArray rows;
    for (const TopKRow& row : w.rows) {
        rows.append(QJsonObject{{"sample", row.sample},
                                {"class", row.truth},
                                {"scores", io::jsonNumbers(row.scores)},
                                {"rank", row.rank},
                                {"miss", row.miss}});
    }
    root["rows"] = rows;
    root["misses"] = w.misses;
    root["error"] = w.error;
    root["formula"] = QString::fromStdString(w.formula(r.precision));
    if (check) {
        QJsonArray marks;
        for (const TopKMark& m : check->marks) {
            QJsonObject o{{"quantity", QString::fromStdString(m.quantity)},
                          {"given", m.given},
                          {"expected", m.expected},
                          {"status", m.correct ? "correct" : "wrong"},
                          {"explanation", QString::fromStdString(m.explanation)}};
            if (m.quantity == "rank")
                o["sample"] = m.sample;
            marks.append(o);
        }
        root["check"] =
            QJsonObject{{"marks", marks}, {"summary", QString::fromStdString(check->summary())}};
    }
    root["precision"] = r.precision;
    return io::writeJson(root,
                         {"format", "k",        "classes", "part",        "samples", "rank_rule",
                          "rows",   "sample",   "class",   "scores",      "rank",    "miss",
                          "misses", "error",    "formula", "check",       "marks",   "quantity",
                          "given",  "expected", "status",  "explanation", "summary", "precision"});
}

QString checkText(const TopKCheck& check) {
    QString out = "\nCheck\n";
    for (const TopKMark& m : check.marks) {
        const QString what =
            m.quantity == "error" ? QString("E") : "R" + q(subscript(std::to_string(m.sample)));
        out += "  " + what.leftJustified(6) + " " + q(shortestText(m.given)).leftJustified(10) +
               " " + (m.correct ? "correct" : "WRONG  ");
        out += m.explanation.empty() ? "\n" : "  " + q(m.explanation) + "\n";
    }
    return out + q(check.summary()) + ".\n";
}

} // namespace

int runTopK(const QStringList& args) {
    QCommandLineParser p;
    addOptions(p);
    if (const auto done = parseArguments(p, args, kName))
        return *done;
    TopKRequest r;
    if (const QString problem = readOptions(p, r); !problem.isEmpty())
        return fail(kName, problem, Usage);
    const auto loaded = io::loadNetwork(p.positionalArguments().first());
    if (!loaded)
        return fail(kName, q(loaded.error().message()), BadFile);
    r.document = loaded.value();
    const auto& training = r.document.training;
    if (!p.isSet("split") && !p.isSet("split-seed") && training)
        r.split = training->split; // the split `train` uses for this file
    if (r.dataPath.isEmpty() && r.dataName.isEmpty()) {
        // No data given: the built-in set the network file's `training` object names.
        if (!training || training->usesFile())
            return fail(kName,
                        "no data: give a DATA file or --data NAME (the network file names no "
                        "built-in data set)",
                        Usage);
        r.dataName = QString::fromStdString(training->generator.name);
    }
    const auto data = loadData(r);
    if (!data)
        return fail(kName, q(data.error().message()), BadFile);
    if (!data.value().isClassification())
        return fail(kName, q(data.value().source) + ": no classes to rank (the data holds values)",
                    BadFile);
    const Dataset part = partOf(data.value(), r);
    const int classes = data.value().classes;
    if (r.k > classes)
        return fail(kName,
                    QString("--k: k = %1 is not a rank of %2 classes (expected 1 to %2)")
                        .arg(r.k)
                        .arg(classes),
                    Usage);
    if (part.sampleCount() == 0)
        return fail(kName, "the " + r.part + " rows hold no samples", BadFile);
    if (const std::string problem = topKTableProblem(part.sampleCount(), classes);
        !problem.empty())
        return fail(kName, QString::fromStdString(problem), BadFile);
    if (!r.answerRanks.empty() &&
        r.answerRanks.size() != static_cast<std::size_t>(part.sampleCount()))
        return fail(kName,
                    QString("--answer-ranks: %1 ranks for %2 samples (one per sample, in order)")
                        .arg(r.answerRanks.size())
                        .arg(part.sampleCount()),
                    BadFile);
    const TopKWorked worked = workTopK(r.document.network, part, r.k);
    std::optional<TopKCheck> check;
    if (r.answerError || !r.answerRanks.empty())
        check = checkTopK(worked, r.answerError, r.answerRanks, r.tolerance);
    if (r.format == "json") {
        printOutBytes(workedJson(r, worked, check ? &*check : nullptr));
    } else {
        QString text = q(topKWorkedText(worked, r.precision));
        if (check)
            text += checkText(*check);
        printOut(text);
    }
    return check && !check->allCorrect() ? Negative : Ok;
}

} // namespace bpl::cli
