// `backprop-lab bench training-gui`: the Training tab's responsiveness.
#pragma once

#include <QStringList>

namespace bpl::cli {

int runTrainingGuiBench(const QStringList& args);

} // namespace bpl::cli
