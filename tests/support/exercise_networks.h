// Small networks for the exercise-variant tests, built in code: the course's
// 3-2-1 sigmoid network (sheet5_network.h), a 2-2-1 sigmoid network with the
// half squared error, and a 2-3-3 tanh/softmax network with cross-entropy.
#pragma once

#include "support/sheet5_network.h"

namespace bpl::test {

inline Layer denseLayer(int size, int previous, Activation activation) {
    Layer layer;
    layer.size = size;
    layer.activation.kind = activation;
    layer.weights = Eigen::MatrixXd::Constant(size, previous, 0.1);
    layer.bias = Eigen::VectorXd::Zero(size);
    return layer;
}

inline Network twoTwoOne() {
    Network net;
    net.name = "2-2-1";
    Layer input;
    input.size = 2;
    net.layers = {input, denseLayer(2, 2, Activation::Sigmoid),
                  denseLayer(1, 2, Activation::Sigmoid)};
    net.loss = Loss::HalfSquaredError;
    net.learningRate = 0.5;
    net.sample.input = Eigen::Vector2d(1, 0.5);
    net.sample.target = Eigen::VectorXd::Ones(1);
    return net;
}

inline Network softmaxNet() {
    Network net;
    net.name = "softmax";
    Layer input;
    input.size = 2;
    net.layers = {input, denseLayer(3, 2, Activation::Tanh), denseLayer(3, 3, Activation::Softmax)};
    net.loss = Loss::CrossEntropy;
    net.learningRate = 0.1;
    net.sample.input = Eigen::Vector2d(1, 2);
    net.sample.target = Eigen::Vector3d(0, 1, 0);
    return net;
}

} // namespace bpl::test
