#include "gui/logreg/logreg_figure.h"

#include "gui/logreg/logreg_nll_plot.h"
#include "gui/logreg/logreg_path_plot.h"
#include "gui/logreg/logreg_plot_export.h"
#include "gui/logreg/logreg_sweep.h"

#include <algorithm>

namespace bpl::gui {

bool isLogRegFigureFormat(const QString& path) {
    return isPlotImageFormat(path);
}

bool saveLogRegFigure(const LogRegData& data, const std::vector<LogRegRun>& runs,
                      const QString& dataName, const QString& path, QString& error) {
    if (runs.empty()) {
        error = "no runs to plot";
        return false;
    }
    // A sweep of one method whose runs are the finished runs.
    std::vector<double> etas;
    for (const LogRegRun& run : runs)
        etas.push_back(run.options.learningRate);
    const LogRegMethod method = runs.front().options.method;
    LogRegSweep sweep = LogRegSweep::plan(std::make_shared<LogRegData>(data), dataName, etas,
                                          {method}, runs.front().options);
    sweep.runs = runs;

    LogRegPathPlot pathPlot;
    LogRegNllPlot nllPlot;
    const QSize cell(760, 560);
    for (LogRegPlot* plot : std::initializer_list<LogRegPlot*>{&pathPlot, &nllPlot}) {
        plot->resize(cell);
        plot->setShownMethod(method);
        plot->setSweep(&sweep);
        for (int r = 0; r < sweep.runCount(); ++r)
            plot->appendValues(r, 0);
        plot->setIteration(sweep.longest() - 1);
        plot->setTitle(plot->title() + " — " + dataName);
    }
    // The classic window when every path ends inside it, else fitted.
    bool endsInside = true;
    for (const LogRegRun& run : runs) {
        if (run.recorded() == 0)
            continue;
        const auto line = separatorSlopeIntercept(run.weights.back());
        endsInside = endsInside && line && std::abs(line->slope) <= 5 && line->intercept >= -10 &&
                     line->intercept <= 0;
    }
    if (endsInside) {
        pathPlot.classicView();
    } else {
        pathPlot.fitView();
    }
    nllPlot.fitView();
    return savePlots({&pathPlot, &nllPlot}, 2, cell, path, error,
                     "Logistic regression — " + dataName);
}

} // namespace bpl::gui
