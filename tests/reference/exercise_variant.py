#!/usr/bin/python3
"""Independent reference for one exercise variant (core/exercise/network_variant.h,
docs/formats/network-format.md "Exercise variants").

    /usr/bin/python3 tests/reference/exercise_variant.py

The 2-2-1 network of tests/support/exercise_networks.h (sigmoid hidden and
output units, half squared error, learning rate 0.5) under the default
template: weights, biases and inputs k/10 for k = -10 + below(21), the target
one of [0, 1] by below(2); drawn in the documented order (W1 row-major, b1,
W2, b2, input, target) from SplitMix64(number). Written from the format's
description, not from the C++ code. Prints the first variant number whose
first draw is hand-workable (every |a| <= 2.5, every value of the worked
solution |v| >= 1e-4) with its numbers and its forward and backward pass,
worked with NumPy; tests/core/tst_exercise_variants.cpp compares.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split_mix64 import SplitMix64  # noqa: E402


def draw(rng):
    one = lambda: (-10 + rng.below(21)) / 10
    W1 = np.array([[one() for _ in range(2)] for _ in range(2)])
    b1 = np.array([one() for _ in range(2)])
    W2 = np.array([[one() for _ in range(2)]])
    b2 = np.array([one()])
    x = np.array([one() for _ in range(2)])
    t = np.array([[0.0, 1.0][rng.below(2)]])
    return W1, b1, W2, b2, x, t


def work(W1, b1, W2, b2, x, t, eta=0.5):
    sig = lambda a: 1 / (1 + np.exp(-a))
    a1 = W1 @ x + b1
    z1 = sig(a1)
    a2 = W2 @ z1 + b2
    y = sig(a2)
    E = 0.5 * np.sum((y - t) ** 2)
    d2 = (y - t) * y * (1 - y)
    d1 = (W2.T @ d2) * z1 * (1 - z1)
    gW2 = np.outer(d2, z1)
    gW1 = np.outer(d1, x)
    values = dict(a1=a1, z1=z1, a2=a2, y=y, E=np.array([E]), d2=d2, d1=d1, gW1=gW1, gb1=d1, gW2=gW2, gb2=d2,
                  nW1=W1 - eta * gW1, nb1=b1 - eta * d1, nW2=W2 - eta * gW2, nb2=b2 - eta * d2)
    return values


def main():
    for number in range(100):
        W1, b1, W2, b2, x, t = draw(SplitMix64(number))
        v = work(W1, b1, W2, b2, x, t)
        if np.max(np.abs(np.concatenate([v["a1"], v["a2"]]))) > 2.5:
            continue
        if min(np.min(np.abs(a)) for a in v.values()) < 1e-4:
            continue
        print("number", number)
        for name, value in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2), ("x", x), ("t", t)):
            print(name, value.tolist())
        for name, value in v.items():
            print(name, [float("%.12g" % e) for e in value.ravel()])
        return


main()
