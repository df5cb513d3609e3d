// The 3-2-1 sigmoid network of teaching-content.md section 1, built in code
// (independently of the file loader) for the core tests that work it by hand.
#pragma once

#include "core/network.h"

namespace bpl::test {

inline Network sheet5() {
    Network net;
    net.name = "sheet5";
    Layer input;
    input.size = 3;
    Layer hidden;
    hidden.size = 2;
    hidden.activation.kind = Activation::Sigmoid;
    hidden.weights.resize(2, 3);
    hidden.weights << 0.1, 0.2, 0.3, -0.1, 0.0, -0.2;
    hidden.bias = Eigen::VectorXd::Zero(2);
    Layer output;
    output.size = 1;
    output.activation.kind = Activation::Sigmoid;
    output.weights.resize(1, 2);
    output.weights << 0.2, -0.2;
    output.bias = Eigen::VectorXd::Zero(1);
    net.layers = {input, hidden, output};
    net.loss = Loss::BinaryCrossEntropy;
    net.learningRate = 0.05;
    net.sample.input = Eigen::Vector3d(3, 0.2, -0.1);
    net.sample.target = Eigen::VectorXd::Zero(1);
    return net;
}

} // namespace bpl::test
