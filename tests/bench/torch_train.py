#!/usr/bin/python3
"""PyTorch reference for `backprop-lab bench train` (docs/benchmarks.md).

The same two runs in float64 on one thread, counted the same way: samples/s =
training rows × epochs / CPU seconds of the process, where an epoch is the shuffled mini-batch
loop plus the app's per-epoch recording (the mean loss and accuracy over the
training rows and the per-layer norms of the full-set mean gradient).

  (a) 2-8-8-1 tanh, sigmoid output, BCE, 1,000 points (disc inside a ring), batch 10, SGD
  (b) 64-32-10 ReLU, softmax/cross-entropy, the 1,797 digits, batch 32, Adam

A benchmark tool only (apt-get install python3-torch); not a build dependency.
    /usr/bin/python3 tests/bench/torch_train.py [--epochs 50]
"""
import argparse
import math
import os
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def circle(n, generator):
    """A disc of one class inside a ring of the other, in [-6, 6]²."""
    radius = torch.where(torch.arange(n) % 2 == 0, 2.5 * torch.rand(n, generator=generator),
                         3.5 + 2.0 * torch.rand(n, generator=generator))
    angle = 2 * math.pi * torch.rand(n, generator=generator)
    x = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1)
    t = (torch.arange(n) % 2 == 0).double().unsqueeze(1)
    return x, t


def digits():
    rows = []
    with open(os.path.join(HERE, "..", "..", "resources", "data", "digits.txt")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append([float(v) for v in line.split()])
    data = torch.tensor(rows)
    return data[:, :64], data[:, 64].long()


def record(model, loss_fn, x, t, accuracy):
    """The app's per-epoch recording: full-set loss, accuracy and gradient norms."""
    model.zero_grad()
    out = model(x)
    loss = loss_fn(out, t)
    loss.backward()
    norms = [p.grad.norm().item() for name, p in model.named_parameters() if name.endswith("weight")]
    return loss.item(), accuracy(out, t), norms


def measure(model, optimizer, loss_fn, x, t, batch, epochs, accuracy):
    n = x.shape[0]
    generator = torch.Generator().manual_seed(1)
    record(model, loss_fn, x, t, accuracy)  # k = 0, not timed (as the app's bench)
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        order = torch.randperm(n, generator=generator)
        for first in range(0, n, batch):
            rows = order[first:first + batch]
            optimizer.zero_grad()
            loss_fn(model(x[rows]), t[rows]).backward()
            optimizer.step()
        record(model, loss_fn, x, t, accuracy)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return n * epochs / cpu, cpu, seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=50)
    epochs = parser.parse_args().epochs
    torch.manual_seed(1)
    print("PyTorch %s, float64, %d thread" % (torch.__version__, torch.get_num_threads()))

    x, t = circle(1000, torch.Generator().manual_seed(1))
    model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(),
                                torch.nn.Linear(8, 1))
    bce = torch.nn.BCEWithLogitsLoss()  # sigmoid output + BCE, computed stably
    rate, cpu, seconds = measure(model, torch.optim.SGD(model.parameters(), lr=0.1), bce, x, t, 10, epochs,
                            lambda out, t: ((out > 0).double() == t).double().mean().item())
    print("  (a) 2-8-8-1 tanh, BCE, circle, batch 10, SGD: 1000 rows x %d epochs in %.3f s CPU (%.3f s wall): %.0f samples/s"
          % (epochs, cpu, seconds, rate))

    x, labels = digits()
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    ce = torch.nn.CrossEntropyLoss()  # softmax output + cross-entropy, from the logits
    rate, cpu, seconds = measure(model, torch.optim.Adam(model.parameters(), lr=0.001), ce, x, labels, 32, epochs,
                            lambda out, t: (out.argmax(dim=1) == t).double().mean().item())
    print("  (b) 64-32-10 ReLU, softmax/CE, digits, batch 32, Adam: %d rows x %d epochs in %.3f s CPU (%.3f s wall): %.0f samples/s"
          % (x.shape[0], epochs, cpu, seconds, rate))


if __name__ == "__main__":
    main()
