#!/usr/bin/python3
"""Independent reference for the core's SplitMix64 (shared/spec/training.md,
"Random numbers") and for the logistic-regression lab's shipped sample.

    /usr/bin/python3 tests/reference/split_mix64.py            # reference values
    /usr/bin/python3 tests/reference/split_mix64.py --sample   # resources/data/two_gaussians_200.txt

Written from Vigna's splitmix64.c (https://prng.di.unimi.it/splitmix64.c) and the
spec's mappings, without looking at the C++ code; tests/core/tst_split_mix64.cpp
and tests/core/tst_logreg_gaussian.cpp compare the C++ generator with its output.
"""
import math
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.x = seed & MASK

    def next(self):
        self.x = (self.x + 0x9E3779B97F4A7C15) & MASK
        z = self.x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def below(self, n):
        return self.next() % n

    def normal(self):
        u1 = self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.next() % (i + 1)
            items[i], items[j] = items[j], items[i]


def two_gaussians(seed=2, classes=((2.0, -7.0, 1.3, 100), (0.0, -3.0, 1.3, 100))):
    """The logistic-regression lab's generator (core/logreg_gaussian.h): the
    order of the points is shuffled first, then each point draws x1, x2."""
    rng = SplitMix64(seed)
    n = sum(c[3] for c in classes)
    order = list(range(n))
    rng.shuffle(order)
    rows = [None] * n
    for k in range(n):
        first = k < classes[0][3]
        mx1, mx2, spread, _ = classes[0] if first else classes[1]
        x1 = mx1 + spread * rng.normal()
        x2 = mx2 + spread * rng.normal()
        rows[order[k]] = (x1, x2, 0 if first else 1)
    return rows


def main():
    if "--sample" in sys.argv:
        print("# Two Gaussian classes for the logistic-regression lab (200 points).")
        print("# Class t = 0: mean (2, -7), class t = 1: mean (0, -3), spread 1.3, 100 points each;")
        print("# made by Backprop Lab's generator with seed 2. Columns: x1 x2 t.")
        print("x1 x2 t")
        for x1, x2, t in two_gaussians():
            print(repr(x1), repr(x2), t)
        return
    for seed in (0, 1234567):
        rng = SplitMix64(seed)
        print(f"seed {seed}: next() =", ", ".join(f"0x{rng.next():016x}" for _ in range(5)))
    rng = SplitMix64(42)
    print("seed 42: uniform() =", ", ".join(repr(rng.uniform()) for _ in range(3)))
    rng = SplitMix64(42)
    print("seed 42: below(10) =", ", ".join(str(rng.below(10)) for _ in range(6)))
    rng = SplitMix64(42)
    print("seed 42: normal() =", ", ".join(repr(rng.normal()) for _ in range(3)))
    rng = SplitMix64(7)
    items = list(range(10))
    rng.shuffle(items)
    print("seed 7: shuffle(0..9) =", items)


if __name__ == "__main__":
    main()
