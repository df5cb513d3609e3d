#include "gui/training/training_runs_export.h"

#include "io/json_writer.h"

namespace bpl::gui {

namespace {

QByteArray valueAt(const std::vector<double>& values, std::size_t k) {
    return k < values.size() ? io::jsonNumber(values[k]) : QByteArray();
}

// The label in a CSV field: quoted, inner quotes doubled.
QByteArray csvText(const std::string& text) {
    QByteArray q = QByteArray::fromStdString(text);
    q.replace('"', "\"\"");
    return '"' + q + '"';
}

} // namespace

Result<QByteArray> trainingRunsJson(const TrainingSession& session) {
    (void)session;
    return Error{"", "", "the JSON writer of `backprop-lab train` is not available in this build"};
}

Result<QByteArray> trainingRunsCsv(const TrainingSession& session) {
    const int layers = session.start.layerCount() - 1;
    QByteArray out =
        "run,label,optimizer,learning_rate,batch_size,epoch,train_loss,validation_loss,test_loss,"
        "train_accuracy,validation_accuracy,test_accuracy";
    for (int l = 1; l <= layers; ++l)
        out += ",grad_norm_" + QByteArray::number(l);
    out += ",stopped\n";
    for (int r = 0; r < session.runCount(); ++r) {
        const TrainingRun& run = session.runs[static_cast<std::size_t>(r)];
        const QByteArray prefix =
            QByteArray::number(r + 1) + ',' + csvText(run.label) + ',' +
            QByteArray::fromStdString(optimizerKey(run.options.optimizer.kind)) + ',' +
            io::jsonNumber(run.options.optimizer.learningRate) + ',' +
            QByteArray::number(run.options.batchSize) + ',';
        for (std::size_t k = 0; k < run.trainLoss.size(); ++k) {
            out += prefix + QByteArray::number(static_cast<qulonglong>(k));
            for (const auto* series :
                 {&run.trainLoss, &run.validationLoss, &run.testLoss, &run.trainAccuracy,
                  &run.validationAccuracy, &run.testAccuracy})
                out += ',' + valueAt(*series, k);
            for (int l = 0; l < layers; ++l)
                out += ',' + (k < run.gradNorm.size()
                                  ? valueAt(run.gradNorm[k], static_cast<std::size_t>(l))
                                  : QByteArray());
            out += ',' + QByteArray::fromStdString(trainingStopKey(run.stopped)) + '\n';
        }
    }
    return out;
}

} // namespace bpl::gui
