#include "io/training_export.h"

#include "core/decision.h"
#include "io/csv_field.h"
#include "io/json_writer.h"

#include <QJsonArray>

#include <set>

namespace bpl::io {

namespace {

void putSeries(QJsonObject& o, const char* key, const std::vector<double>& values) {
    if (!values.empty())
        o[key] = jsonNumbers(values);
}

// A softmax regression's ⅓ point and tie lines (training.md, "Softmax regions").
QJsonObject softmaxRegionsToJson(const Network& network) {
    QJsonObject o;
    const std::vector<SoftmaxTie> ties = softmaxTies(network);
    if (ties.empty())
        return o;
    if (const auto third = softmaxThirdPoint(network))
        o["third_point"] = jsonNumbers({(*third)[0], (*third)[1]});
    QJsonArray list;
    for (const SoftmaxTie& tie : ties) {
        QJsonObject t;
        t["classes"] = QJsonArray{tie.c, tie.d};
        t["weights"] = jsonNumbers(std::vector<double>(tie.normal.begin(), tie.normal.end()));
        t["bias"] = tie.offset;
        t["equation"] = QString::fromStdString(softmaxTieText(tie, 6));
        list.append(t);
    }
    o["ties"] = list;
    return o;
}

QJsonObject runToJson(const TrainingRun& run, const NetworkDocument& document) {
    const TrainingOptions& options = run.options;
    QJsonObject o;
    o["label"] = QString::fromStdString(run.label);
    o["optimizer"] = QString::fromStdString(optimizerKey(options.optimizer.kind));
    o["learning_rate"] = options.optimizer.learningRate;
    o["batch_size"] = options.batchSize;
    o["l2"] = options.l2;
    o["seed"] = static_cast<double>(options.seed);
    o["stopped"] = QString::fromStdString(trainingStopKey(run.stopped));
    putSeries(o, "train_loss", run.trainLoss);
    putSeries(o, "validation_loss", run.validationLoss);
    putSeries(o, "test_loss", run.testLoss);
    putSeries(o, "train_accuracy", run.trainAccuracy);
    putSeries(o, "validation_accuracy", run.validationAccuracy);
    putSeries(o, "test_accuracy", run.testAccuracy);
    if (!run.topK.empty()) { // keyed by k (training.md, "Top-k")
        QJsonObject byK;
        for (const TopKSeries& series : run.topK) {
            QJsonObject parts;
            putSeries(parts, "train_error", series.train);
            putSeries(parts, "validation_error", series.validation);
            putSeries(parts, "test_error", series.test);
            byK[QString::number(series.k)] = parts;
        }
        o["top_k"] = byK;
    }
    QJsonArray norms;
    for (const auto& row : run.gradNorm)
        norms.append(jsonNumbers(row));
    o["grad_norm"] = norms;
    if (options.recordEvery > 1) { // thinned: which epochs the series hold (training.md)
        o["record_every"] = options.recordEvery;
        QJsonArray epochs;
        for (int epoch : run.recordedEpoch)
            epochs.append(epoch);
        o["recorded_epochs"] = epochs;
    }
    if (run.confusion.size() > 0) {
        QJsonArray rows;
        for (Eigen::Index i = 0; i < run.confusion.rows(); ++i) {
            QJsonArray row;
            for (Eigen::Index j = 0; j < run.confusion.cols(); ++j)
                row.append(run.confusion(i, j));
            rows.append(row);
        }
        o["confusion"] = rows;
    }
    NetworkDocument trained = document;
    trained.network = run.finalNetwork;
    o["network"] = networkToJson(trained);
    if (const QJsonObject regions = softmaxRegionsToJson(run.finalNetwork); !regions.isEmpty())
        o["softmax_regions"] = regions;
    o["train_seconds"] = run.trainSeconds;
    return o;
}

QByteArray csvNumber(const std::vector<double>& values, int k) {
    return k < static_cast<int>(values.size()) ? jsonNumber(values[k]) : QByteArray();
}

// A text cell: quoted and neutralised as every CSV of the project (io/csv_field.h).
QByteArray csvText(const std::string& text) {
    return csvField(QString::fromStdString(text));
}

} // namespace

TrainingDataSummary summaryOf(const DataSplit& split, const std::string& source) {
    TrainingDataSummary s;
    s.source = source;
    s.inputs = split.train.inputCount();
    s.classes = split.train.classes;
    s.train = split.train.sampleCount();
    s.validation = split.validation.sampleCount();
    s.test = split.test.sampleCount();
    return s;
}

QJsonObject trainingRunsToJson(const TrainingDataSummary& data,
                               const std::vector<TrainingRun>& runs,
                               const NetworkDocument& document) {
    QJsonObject root;
    root["format"] = kTrainingFormat;
    QJsonObject d;
    d["source"] = QString::fromStdString(data.source);
    d["inputs"] = data.inputs;
    d["classes"] = data.classes;
    d["train"] = data.train;
    d["validation"] = data.validation;
    d["test"] = data.test;
    root["data"] = d;
    QJsonArray list;
    for (const TrainingRun& run : runs)
        list.append(runToJson(run, document));
    root["runs"] = list;
    return root;
}

QByteArray trainingRunsToJsonBytes(const TrainingDataSummary& data,
                                   const std::vector<TrainingRun>& runs,
                                   const NetworkDocument& document) {
    return trainingJsonBytes(trainingRunsToJson(data, runs, document));
}

QByteArray trainingJsonBytes(const QJsonObject& root) {
    static const QStringList fixedOrder = {
        // the training document (shared/spec/training.md)
        "format", "data", "source", "inputs", "classes", "train", "validation", "test", "runs",
        "label", "optimizer", "learning_rate", "batch_size", "l2", "seed", "stopped", "train_loss",
        "validation_loss", "test_loss", "train_accuracy", "validation_accuracy", "test_accuracy",
        "grad_norm", "record_every", "recorded_epochs", "confusion", "network", "softmax_regions",
        "third_point", "ties", "train_seconds",
        // the network file inside (network-format.md)
        "name", "description", "layers", "size", "labels", "activation", "alpha", "weights", "bias",
        "loss", "sample", "input", "target", "training",
        // the top-k errors, after every key of the spec (training.md, "Top-k")
        "top_k", "train_error", "validation_error", "test_error",
        // a random search (training.md, "Random search")
        "search", "ranges", "samples", "best_run", "best_label", "finer"};
    // The k's of `top_k` in rising order (alphabetical would put 10 before 5).
    QStringList order = fixedOrder;
    std::set<int> ks;
    for (const auto& run : root["runs"].toArray()) {
        for (const QString& k : run.toObject()["top_k"].toObject().keys())
            ks.insert(k.toInt());
    }
    for (int k : ks)
        order << QString::number(k);
    return writeJson(root, order);
}

QByteArray trainingRunsToCsv(const std::vector<TrainingRun>& runs) {
    bool validation = false, test = false, accuracy = false;
    int layers = 0;
    std::vector<int> ks; // the first run's (a comparison's runs share them)
    if (!runs.empty())
        for (const TopKSeries& series : runs.front().topK)
            ks.push_back(series.k);
    for (const TrainingRun& run : runs) {
        validation = validation || !run.validationLoss.empty();
        test = test || !run.testLoss.empty();
        accuracy = accuracy || !run.trainAccuracy.empty();
        if (!run.gradNorm.empty())
            layers = std::max(layers, static_cast<int>(run.gradNorm.front().size()));
    }
    QByteArray out = "run,label,optimizer,learning_rate,batch_size,epoch,train_loss";
    if (validation)
        out += ",validation_loss";
    if (test)
        out += ",test_loss";
    if (accuracy)
        out += ",train_accuracy";
    if (accuracy && validation)
        out += ",validation_accuracy";
    if (accuracy && test)
        out += ",test_accuracy";
    for (int l = 1; l <= layers; ++l)
        out += ",grad_norm_" + QByteArray::number(l);
    for (int k : ks) { // after the columns of the shared spec: they keep their places
        const QByteArray top = ",top_" + QByteArray::number(k) + "_";
        out += top + "train_error";
        if (validation)
            out += top + "validation_error";
        if (test)
            out += top + "test_error";
    }
    out += "\n";
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const TrainingRun& run = runs[r];
        for (int k = 0; k < run.recordedEpochs(); ++k) {
            out += QByteArray::number(static_cast<qulonglong>(r + 1)) + "," + csvText(run.label) +
                   "," + QByteArray::fromStdString(optimizerKey(run.options.optimizer.kind)) + "," +
                   jsonNumber(run.options.optimizer.learningRate) + "," +
                   QByteArray::number(run.options.batchSize) + "," +
                   QByteArray::number(run.epochOf(k)) + "," + csvNumber(run.trainLoss, k);
            if (validation)
                out += "," + csvNumber(run.validationLoss, k);
            if (test)
                out += "," + csvNumber(run.testLoss, k);
            if (accuracy)
                out += "," + csvNumber(run.trainAccuracy, k);
            if (accuracy && validation)
                out += "," + csvNumber(run.validationAccuracy, k);
            if (accuracy && test)
                out += "," + csvNumber(run.testAccuracy, k);
            for (int l = 0; l < layers; ++l) {
                out += ",";
                if (k < static_cast<int>(run.gradNorm.size()) &&
                    l < static_cast<int>(run.gradNorm[k].size())) {
                    out += jsonNumber(run.gradNorm[k][l]);
                }
            }
            for (std::size_t i = 0; i < ks.size(); ++i) {
                const TopKSeries* series = i < run.topK.size() ? &run.topK[i] : nullptr;
                const std::vector<double> none;
                out += "," + csvNumber(series ? series->train : none, k);
                if (validation)
                    out += "," + csvNumber(series ? series->validation : none, k);
                if (test)
                    out += "," + csvNumber(series ? series->test : none, k);
            }
            out += "\n";
        }
    }
    return out;
}

} // namespace bpl::io
