#include "cli/command.h"

namespace bpl::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"trace", "print the worked forward and backward pass of a network file", false, runTrace},
        {"screenshot", "render the main window offscreen at a step and save it as PNG", true, runScreenshot},
        {"check", "check hand-worked answers: correct, wrong or carried (--class DIR: a class into CSV)", false, runCheck},
        {"logreg", "train logistic regression for several learning rates (JSON, CSV, --plot)", true, runLogRegCommand},
        {"train", "train a network on a data set, comparing settings (JSON, CSV, --plot, --save-network)", false, runTrainCommand},
        {"bench", "measure speed: bench logreg [--points N] [--iters K] | bench train [--epochs E] | bench canvas [--layers 200-200-1] | bench training-gui", true, runBench},
        {"grad", "the chain rule on an expression: grad \"EXPR\" --at x=1,y=0", false, runGrad},
        {"conv", "a convolution forward and backward: conv --input X --filter W", false, runConv},
        {"pool", "pooling forward and backward: pool --input X --kind max --window 2", false, runPool},
        {"topk", "the top-k error worked: each sample's rank and E: topk NETWORK DATA --k 2", false, runTopK},
        {"sheets", "exercise sheets for a class: a variant, a key and a code per student (PDF)", true, runSheets},
    };
    return table;
}

const Command* findCommand(const QString& name) {
    for (const Command& c : commands()) {
        if (name == QLatin1String(c.name)) return &c;
    }
    return nullptr;
}

bool needsGuiFor(const Command& command, const QStringList& args) {
    if (command.needsGui) return true;
    const QLatin1String name(command.name);
    if (name == QLatin1String("train")) {
        for (const QString& a : args) {
            if (a == "--plot" || a.startsWith("--plot=")) return true;
        }
    }
    if (name == QLatin1String("grad") || name == QLatin1String("conv") ||
        name == QLatin1String("pool")) { // the PDF needs fonts
        for (const QString& a : args) {
            if (a == "--pdf" || a.startsWith("--pdf=")) return true;
        }
    }
    if (name == QLatin1String("trace") || name == QLatin1String("check")) {
        for (int k = 0; k < args.size(); ++k) {
            const QString& a = args[k];
            if (a == "--pdf" || a.startsWith("--pdf=") || a == "--format=html") return true;
            if (a == "--format" && k + 1 < args.size() && args[k + 1] == "html") return true;
        }
    }
    return false;
}

QString usageText() {
    QString s = "Usage: backprop-lab [FILE.json]          open the window\n"
                "       backprop-lab COMMAND [OPTIONS]    run headless\n\nCommands:\n";
    for (const Command& c : commands()) {
        s += QString("  %1  %2\n").arg(QString(c.name).leftJustified(10), c.summary);
    }
    s += "\nRun 'backprop-lab COMMAND --help' for a command's options.\n";
    return s;
}

} // namespace bpl::cli
