#!/usr/bin/python3
"""Top-k error written out in NumPy, independently of the C++ code: the rank
of the true class is its position in a stable sort by falling score
(np.argsort(-s, kind="stable"), so a tie goes to the smaller class index,
docs/formats/training.md "Top-k"), E = mean(rank > k). Checks
`backprop-lab topk --format json` (ranks, misses, E) and the per-epoch `top_k`
of `train --epochs 0` (the file's own weights) on cases full of ties: a
softmax over identity logits drawn from a few integers, and one sigmoid unit
whose input 0 gives y = 1 − y = 0.5:

    /usr/bin/python3 tests/reference/topk.py build/backprop-lab

Exit status 0 when every case agrees (ranks exactly, E to 1e-15), 1 otherwise.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np


def ranks_reference(scores, labels):
    ranks = []
    for s, t in zip(scores, labels):
        order = np.argsort(-s, kind="stable")
        ranks.append(int(np.where(order == t)[0][0]) + 1)
    return np.array(ranks)


def softmax_network(classes):
    return {
        "format": "backprop-lab.network/1",
        "name": "identity softmax",
        "layers": [{"size": classes},
                   {"size": classes, "activation": "softmax",
                    "weights": np.eye(classes).tolist(), "bias": [0] * classes}],
        "loss": "cross_entropy",
        "learning_rate": 0.1,
        "sample": {"input": [0] * classes, "target": [1] + [0] * (classes - 1)},
    }


def sigmoid_network():
    return {
        "format": "backprop-lab.network/1",
        "name": "one sigmoid unit",
        "layers": [{"size": 1},
                   {"size": 1, "activation": "sigmoid", "weights": [[1]], "bias": [0]}],
        "loss": "binary_cross_entropy",
        "learning_rate": 0.1,
        "sample": {"input": [0], "target": [1]},
    }


def run(binary, args):
    out = subprocess.run([binary] + args, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(" ".join(args) + ": exit %d: %s" % (out.returncode, out.stderr))
    return json.loads(out.stdout)


def check_case(binary, folder, name, network, inputs, labels, scores, ks):
    net_path = os.path.join(folder, name + ".json")
    data_path = os.path.join(folder, name + ".csv")
    with open(net_path, "w") as f:
        json.dump(network, f)
    with open(data_path, "w") as f:
        for x, t in zip(inputs, labels):
            f.write(" ".join(repr(float(v)) for v in x) + " %d\n" % t)
    expected_ranks = ranks_reference(scores, labels)
    failures = 0
    trained = run(binary, ["train", net_path, data_path, "--epochs", "0", "--split", "100,0,0",
                           "--no-shuffle", "--top-k", ",".join(map(str, ks))])
    top_k = trained["runs"][0]["top_k"]
    # The tie rule is argmax's: the top-1 error is 1 − accuracy.
    accuracy = trained["runs"][0]["train_accuracy"][0]
    if abs(top_k["1"]["train_error"][0] - (1 - accuracy)) > 1e-15 if "1" in top_k else False:
        print("%s: top-1 error %r is not 1 − accuracy %r" % (name, top_k["1"], accuracy))
        failures += 1
    for k in ks:
        expected = float(np.mean(expected_ranks > k))
        worked = run(binary, ["topk", net_path, data_path, "--k", str(k), "--format", "json"])
        ranks = np.array([row["rank"] for row in worked["rows"]])
        misses = sum(row["miss"] for row in worked["rows"])
        recorded = top_k[str(k)]["train_error"][0]
        ok = (np.array_equal(ranks, expected_ranks) and misses == worked["misses"]
              and misses == int(np.sum(expected_ranks > k))
              and abs(worked["error"] - expected) <= 1e-15 and abs(recorded - expected) <= 1e-15)
        print("%s k=%d: E=%.6f topk=%.6f train=%.6f %s"
              % (name, k, expected, worked["error"], recorded, "ok" if ok else "DIFFERENT"))
        if not ok:
            bad = np.nonzero(ranks != expected_ranks)[0][:5]
            print("  first differing samples (0-based):", bad.tolist())
            failures += 1
    return failures


def main():
    binary = sys.argv[1]
    rng = np.random.default_rng(19)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        # Hand-made: every kind of tie among three classes.
        logits = np.array([[0.2, 0.5, 0.3], [1, 1, 0], [1, 1, 0], [0, 0, 0], [0, 0, 0],
                           [0, 0, 0], [2, 2, 2.5], [3, -1, 3], [3, -1, 3]])
        labels = np.array([2, 1, 0, 2, 1, 0, 1, 2, 0])
        failures += check_case(binary, folder, "hand3", softmax_network(3), logits, labels,
                               logits, [1, 2, 3])
        # Seeded: six classes, logits from {0, 1, 2} (ties in most rows).
        logits = rng.integers(0, 3, size=(200, 6)).astype(float)
        labels = rng.integers(0, 6, size=200)
        failures += check_case(binary, folder, "ties6", softmax_network(6), logits, labels,
                               logits, [1, 2, 3, 4, 5, 6])
        # Ten classes, real logits with a few ties.
        logits = np.round(rng.normal(size=(300, 10)), 1)
        labels = rng.integers(0, 10, size=300)
        failures += check_case(binary, folder, "digits10", softmax_network(10), logits, labels,
                               logits, [1, 3, 5, 10])
        # One sigmoid unit: scores (1 − y, y), a tie at x = 0.
        x = rng.integers(-1, 2, size=(60, 1)).astype(float)
        labels = rng.integers(0, 2, size=60)
        y = 1 / (1 + np.exp(-x[:, 0]))
        scores = np.stack([1 - y, y], axis=1)
        failures += check_case(binary, folder, "sigmoid", sigmoid_network(), x, labels, scores,
                               [1, 2])
    print("%d cases differ" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
