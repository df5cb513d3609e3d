// What the bench commands share: the seeded network of a given
// shape, the --layers option, and timing a piece of work by the wall clock and
// by CPU time (on a shared machine the wall clock mostly measures waiting).
#pragma once

#include "core/network.h"

#include <QString>

#include <functional>
#include <vector>

namespace bpl::cli {

// A sigmoid network of the given layer sizes with seeded Xavier weights.
Network benchNetwork(const std::vector<int>& sizes);
// "200-200-1".
QString layerShape(const std::vector<int>& sizes);
// Parses "200-200-1" (at least two sizes, each 1 to io::kMaxLayerSize); false with `error`.
bool parseLayerSizes(const QString& text, std::vector<int>& sizes, QString& error);
// The networks to measure: the one --layers names, else 64-32-10 and 200-200-1;
// false with `error` ("--layers: …") for a bad --layers.
bool benchShapes(const QString& layersOption, bool given, std::vector<std::vector<int>>& networks,
                 QString& error);

struct Timing {
    double wall = 0; // seconds
    double cpu = 0;  // seconds of this process, every thread
};
Timing timeOf(const std::function<void()>& work);
// "0.123 s (CPU 0.045 s)".
QString seconds(const Timing& t);
// CPU time of the calling thread in ms: separates the GUI thread's own work
// from time it merely waited for a CPU on a busy machine.
double threadCpuMs();

} // namespace bpl::cli
