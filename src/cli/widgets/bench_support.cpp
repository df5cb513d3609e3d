#include "cli/widgets/bench_support.h"

#include "core/initialization.h"
#include "io/network_file.h"
#include "io/qt_text.h"

#include <QElapsedTimer>
#include <QStringList>

#include <ctime>

namespace bpl::cli {

Network benchNetwork(const std::vector<int>& sizes) {
    Network net;
    net.name = "bench";
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        Layer layer;
        layer.size = sizes[l];
        if (l > 0) {
            layer.activation.kind = Activation::Sigmoid;
            layer.weights = Eigen::MatrixXd::Zero(sizes[l], sizes[l - 1]);
            layer.bias = Eigen::VectorXd::Zero(sizes[l]);
        }
        net.layers.push_back(layer);
    }
    net.loss = Loss::HalfSquaredError;
    net.learningRate = 0.1;
    net.sample.input = Eigen::VectorXd::LinSpaced(sizes.front(), 0.0, 1.0);
    net.sample.target = Eigen::VectorXd::Constant(sizes.back(), 0.5);
    return initializeWeights(net, InitOptions{});
}

QString layerShape(const std::vector<int>& sizes) {
    QStringList parts;
    for (int n : sizes)
        parts << QString::number(n);
    return parts.join('-');
}

bool parseLayerSizes(const QString& text, std::vector<int>& sizes, QString& error) {
    sizes.clear();
    for (const QString& part : text.split('-')) {
        bool ok = false;
        const int n = part.toInt(&ok);
        if (!ok || n < 1 || n > io::kMaxLayerSize) {
            error = QString("expected sizes from 1 to %1 joined by '-', found %2")
                        .arg(io::kMaxLayerSize)
                        .arg(quoteForMessage(text));
            return false;
        }
        sizes.push_back(n);
    }
    if (sizes.size() < 2) {
        error = "expected at least two layers";
        return false;
    }
    return true;
}

Timing timeOf(const std::function<void()>& work) {
    QElapsedTimer clock;
    clock.start();
    const std::clock_t cpuStart = std::clock();
    work();
    return {clock.nsecsElapsed() / 1e9,
            static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC};
}

QString seconds(const Timing& t) {
    return QString("%1 s (CPU %2 s)")
        .arg(QString::number(t.wall, 'f', 3), QString::number(t.cpu, 'f', 3));
}

bool benchShapes(const QString& layersOption, bool given, std::vector<std::vector<int>>& networks,
                 QString& error) {
    networks = {{64, 32, 10}, {200, 200, 1}};
    if (!given) return true;
    std::vector<int> sizes;
    if (!parseLayerSizes(layersOption, sizes, error)) {
        error = "--layers: " + error;
        return false;
    }
    networks = {sizes};
    return true;
}

double threadCpuMs() {
#if defined(__unix__)
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
#else
    return 0.0;
#endif
}

} // namespace bpl::cli
