// Small networks and data for the training-engine tests, built in code.
#pragma once

#include "core/initialization.h"
#include "core/training/dataset.h"

#include <memory>
#include <vector>

namespace bpl::test {

// Layers of the given sizes, `hidden` activation inside, `output` on the last
// layer, Xavier weights from `seed` (zero biases).
inline Network layeredNetwork(const std::vector<int>& sizes, Activation hidden, Activation output,
                              Loss loss, std::uint64_t seed = 1) {
    Network net;
    net.loss = loss;
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        Layer layer;
        layer.size = sizes[l];
        if (l > 0) {
            layer.activation.kind = l + 1 == sizes.size() ? output : hidden;
            layer.weights = Eigen::MatrixXd::Zero(sizes[l], sizes[l - 1]);
            layer.bias = Eigen::VectorXd::Zero(sizes[l]);
        }
        net.layers.push_back(layer);
    }
    net.sample.input = Eigen::VectorXd::Zero(sizes.front());
    net.sample.target = Eigen::VectorXd::Zero(sizes.back());
    InitOptions init;
    init.seed = seed;
    return initializeWeights(net, init);
}

// All rows for training, in file order.
inline std::shared_ptr<const DataSplit> trainingOnly(const Dataset& data) {
    SplitOptions all;
    all.trainPercent = 100;
    all.validationPercent = 0;
    all.testPercent = 0;
    all.shuffle = false;
    return std::make_shared<const DataSplit>(splitDataset(data, all));
}

} // namespace bpl::test
