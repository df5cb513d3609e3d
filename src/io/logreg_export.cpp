#include "io/logreg_export.h"

#include "io/json_writer.h"

#include <QJsonArray>

#include <cmath>

namespace bpl::io {

QJsonObject logRegRunToJson(const LogRegRun& run) {
    QJsonArray nll, weights, slope, intercept;
    for (std::size_t k = 0; k < run.nll.size(); ++k) {
        nll.append(run.nll[k]);
        const Eigen::Vector3d& w = run.weights[k];
        weights.append(QJsonArray{w(0), w(1), w(2)});
        if (const auto line = separatorSlopeIntercept(w)) {
            slope.append(line->slope);
            intercept.append(line->intercept);
        } else {
            slope.append(QJsonValue());
            intercept.append(QJsonValue());
        }
    }
    QJsonObject o;
    o["method"] = methodId(run.options.method);
    o["eta"] = run.options.learningRate;
    o["batch_size"] = run.batchSize;
    o["stopped"] = stopId(run.stopped);
    o["nll"] = nll;
    o["weights"] = weights;
    o["slope"] = slope;
    o["intercept"] = intercept;
    o["train_seconds"] = std::round(run.trainSeconds * 1e7) / 1e7; // 0.1 µs: the clock is not finer
    return o;
}

QJsonObject logRegRunsToJson(const QString& dataFile, Eigen::Index points,
                             const std::vector<LogRegRun>& runs) {
    QJsonArray list;
    for (const LogRegRun& run : runs)
        list.append(logRegRunToJson(run));
    QJsonObject data;
    data["file"] = dataFile;
    data["points"] = static_cast<double>(points);
    QJsonObject o;
    o["data"] = data;
    o["runs"] = list;
    return o;
}

QByteArray logRegRunsToJsonBytes(const QString& dataFile, Eigen::Index points,
                                 const std::vector<LogRegRun>& runs) {
    return writeJson(logRegRunsToJson(dataFile, points, runs),
                     {"data", "runs", "file", "points", "method", "eta", "batch_size", "stopped",
                      "nll", "weights", "slope", "intercept", "train_seconds"});
}

QByteArray logRegRunsToCsv(const std::vector<LogRegRun>& runs) {
    QByteArray out = "method,eta,batch_size,k,nll,w1,w2,w0,slope,intercept,stopped\n";
    for (const LogRegRun& run : runs) {
        const QByteArray prefix = QByteArray(methodId(run.options.method)) + ',' +
                                  jsonNumber(run.options.learningRate) + ',' +
                                  QByteArray::number(run.batchSize) + ',';
        for (std::size_t k = 0; k < run.nll.size(); ++k) {
            const Eigen::Vector3d& w = run.weights[k];
            out += prefix + QByteArray::number(static_cast<qulonglong>(k)) + ',' +
                   jsonNumber(run.nll[k]) + ',' + jsonNumber(w(0)) + ',' + jsonNumber(w(1)) + ',' +
                   jsonNumber(w(2)) + ',';
            if (const auto line = separatorSlopeIntercept(w)) {
                out += jsonNumber(line->slope) + ',' + jsonNumber(line->intercept);
            } else {
                out += ',';
            }
            out += ',' + QByteArray(stopId(run.stopped)) + '\n';
        }
    }
    return out;
}

} // namespace bpl::io
