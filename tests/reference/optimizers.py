#!/usr/bin/python3
"""Independent NumPy reference for tests/core/tst_optimizers.cpp: the first two
updates of every optimizer of shared/spec/training.md on a 2-2-1 network
(sigmoid hidden layer, sigmoid output, binary cross-entropy) and 4 samples,
full batch (g = mean of the 4 per-sample gradients). Run once:

    /usr/bin/python3 tests/reference/optimizers.py
"""
import numpy as np

W1 = np.array([[0.1, -0.2], [0.4, 0.3]])
b1 = np.array([0.05, -0.1])
W2 = np.array([[0.5, -0.6]])
b2 = np.array([0.2])
X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]).T  # inputs × samples
T = np.array([[0.0, 1.0, 1.0, 0.0]])


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def gradient(p):
    W1, b1, W2, b2 = p
    a1 = W1 @ X + b1[:, None]
    z1 = sigmoid(a1)
    y = sigmoid(W2 @ z1 + b2[:, None])
    d2 = y - T  # sigmoid + binary cross-entropy
    d1 = (W2.T @ d2) * z1 * (1 - z1)
    n = X.shape[1]
    return [d1 @ X.T / n, d1.sum(axis=1) / n, d2 @ z1.T / n, d2.sum(axis=1) / n]


def run(kind, eta, steps=2, beta=0.9, beta1=0.9, beta2=0.999, eps=1e-8, bias_correction=True):
    p = [W1.copy(), b1.copy(), W2.copy(), b2.copy()]
    m = [np.zeros_like(x) for x in p]
    v = [np.zeros_like(x) for x in p]
    out = []
    for t in range(1, steps + 1):
        g = gradient(p)
        for i in range(4):
            if kind == "sgd":
                p[i] = p[i] - eta * g[i]
            elif kind == "momentum":
                m[i] = beta * m[i] + (1 - beta) * g[i]
                p[i] = p[i] - eta * m[i]
            elif kind == "rmsprop":
                v[i] = beta * v[i] + (1 - beta) * g[i] ** 2
                p[i] = p[i] - eta * g[i] / (np.sqrt(v[i]) + eps)
            elif kind == "adam":
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] ** 2
                mh = m[i] / (1 - beta1**t) if bias_correction else m[i]
                vh = v[i] / (1 - beta2**t) if bias_correction else v[i]
                p[i] = p[i] - eta * mh / (np.sqrt(vh) + eps)
            elif kind == "adagrad":
                v[i] = v[i] + g[i] ** 2
                p[i] = p[i] - eta * g[i] / (np.sqrt(v[i]) + eps)
        out.append([x.copy() for x in p])
    return out


def show(name, states):
    for t, (w1, c1, w2, c2) in enumerate(states, 1):
        flat = list(w1.flatten()) + list(c1) + list(w2.flatten()) + list(c2)
        print(f'    {{"{name}", {t}, {{' + ", ".join(repr(float(x)) for x in flat) + "}},")


if __name__ == "__main__":
    print("// name, update t, W1 (row-major), b1, W2, b2")
    show("sgd", run("sgd", 0.5))
    show("momentum", run("momentum", 0.5))
    show("rmsprop", run("rmsprop", 0.01))
    show("adam", run("adam", 0.01))
    show("adam_no_bias_correction", run("adam", 0.01, bias_correction=False))
    show("adagrad", run("adagrad", 0.1, eps=1e-10))
