// `backprop-lab logreg` and `backprop-lab bench logreg` end to end through the
// binary: the JSON of shared/spec/logreg.md with values checked against an
// independent computation on the sample file, the methods and their options,
// divergence, CSV, the --plot figures (PNG, PDF, SVG), and every usage and
// file error with its exit code.
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_run.h"

#include <cmath>

namespace {

using bpl::test::Run;

Run run(const QStringList& args) { return bpl::test::run(args); }

const QString kSample = QStringLiteral(BPL_SOURCE_DIR "/resources/data/two_gaussians_200.txt");

QJsonObject json(const Run& r) {
    return QJsonDocument::fromJson(r.out).object();
}

// The sample file read here with a plain parser, for an independent NLL and gradient.
struct Points {
    std::vector<double> x1, x2, t;
};

Points readSample() {
    Points p;
    QFile f(kSample);
    f.open(QIODevice::ReadOnly);
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith('#') || line.startsWith('x'))
            continue;
        const QStringList v = line.split(' ');
        p.x1.push_back(v[0].toDouble());
        p.x2.push_back(v[1].toDouble());
        p.t.push_back(v[2].toDouble());
    }
    return p;
}

// −(1/N) Σ [t ln σ(z) + (1 − t) ln(1 − σ(z))] and (1/N) Σ (σ(z) − t)(x₁, x₂, 1).
void nllAndGradient(const Points& p, const double w[3], double& nll, double gradient[3]) {
    nll = 0;
    gradient[0] = gradient[1] = gradient[2] = 0;
    const double n = static_cast<double>(p.t.size());
    for (std::size_t k = 0; k < p.t.size(); ++k) {
        const double z = w[0] * p.x1[k] + w[1] * p.x2[k] + w[2];
        const double y = 1 / (1 + std::exp(-z));
        nll -= (p.t[k] * std::log(y) + (1 - p.t[k]) * std::log(1 - y)) / n;
        gradient[0] += (y - p.t[k]) * p.x1[k] / n;
        gradient[1] += (y - p.t[k]) * p.x2[k] / n;
        gradient[2] += (y - p.t[k]) / n;
    }
}

} // namespace

class TestLogRegCli : public QObject {
    Q_OBJECT
  private slots:
    void jsonFollowsTheSpec();
    void firstStepMatchesAnIndependentComputation();
    void methodsAndShuffle();
    void hugeEtaDiverges();
    void hugeDataShowsItsStart();
    void csvHasOneRowPerValue();
    void plotWritesTheFigures_data();
    void plotWritesTheFigures();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void badFileExitsThree_data();
    void badFileExitsThree();
    void benchPrintsThroughput();
};

void TestLogRegCli::jsonFollowsTheSpec() {
    const Run r = run({"logreg", kSample});
    QCOMPARE(r.code, 0);
    const QJsonObject o = json(r);
    QCOMPARE(o["data"].toObject()["file"].toString(), kSample);
    QCOMPARE(o["data"].toObject()["points"].toInt(), 200);
    const QJsonArray runs = o["runs"].toArray();
    QCOMPARE(runs.size(), 5);
    const double etas[] = {0.5, 0.3, 0.1, 0.05, 0.01};
    for (int i = 0; i < 5; ++i) {
        const QJsonObject run = runs[i].toObject();
        QCOMPARE(run["method"].toString(), QString("gd"));
        QCOMPARE(run["eta"].toDouble(), etas[i]);
        QCOMPARE(run["batch_size"].toInt(), 200);
        QVERIFY(QStringList({"tolerance", "max_iter"}).contains(run["stopped"].toString()));
        QVERIFY(run["train_seconds"].toDouble() >= 0);
        const QJsonArray nll = run["nll"].toArray(), weights = run["weights"].toArray();
        const QJsonArray slope = run["slope"].toArray(), intercept = run["intercept"].toArray();
        QVERIFY(nll.size() > 1 && nll.size() <= 1000);
        QCOMPARE(weights.size(), nll.size());
        QCOMPARE(slope.size(), nll.size());
        QCOMPARE(intercept.size(), nll.size());
        QCOMPARE(weights[0].toArray(), QJsonArray({0.1, 0, 0}));
        QVERIFY(slope[0].isNull()); // w₂ = 0 at the default start
        QVERIFY(intercept[0].isNull());
        for (int k = 1; k < nll.size(); ++k) {
            const QJsonArray w = weights[k].toArray();
            QVERIFY(!slope[k].isNull());
            QVERIFY(std::abs(slope[k].toDouble() + w[0].toDouble() / w[1].toDouble()) <
                    1e-9 * (1 + std::abs(slope[k].toDouble())));
            QVERIFY(std::abs(intercept[k].toDouble() + w[2].toDouble() / w[1].toDouble()) <
                    1e-9 * (1 + std::abs(intercept[k].toDouble())));
        }
        if (run["stopped"].toString() == "tolerance") {
            const int k = nll.size() - 1;
            QVERIFY(std::abs(nll[k].toDouble() - nll[k - 1].toDouble()) < 1e-6);
        } else {
            QCOMPARE(nll.size(), 1000);
        }
    }
    // The spec's key order.
    const QByteArray text = r.out;
    QVERIFY(text.indexOf("\"method\"") < text.indexOf("\"eta\""));
    QVERIFY(text.indexOf("\"stopped\"") < text.indexOf("\"nll\""));
    QVERIFY(text.indexOf("\"intercept\"") < text.indexOf("\"train_seconds\""));
}

void TestLogRegCli::firstStepMatchesAnIndependentComputation() {
    const Run r = run({"logreg", kSample, "--etas", "0.5", "--max-iter", "3"});
    QCOMPARE(r.code, 0);
    const QJsonObject run = json(r)["runs"].toArray()[0].toObject();
    QCOMPARE(run["stopped"].toString(), QString("max_iter"));
    const Points p = readSample();
    double w[3] = {0.1, 0, 0}, nll = 0, g[3];
    for (int k = 0; k < 3; ++k) {
        nllAndGradient(p, w, nll, g);
        QVERIFY2(std::abs(run["nll"].toArray()[k].toDouble() - nll) < 1e-12,
                 qPrintable(QString("k = %1: %2 vs %3")
                                .arg(k)
                                .arg(run["nll"].toArray()[k].toDouble())
                                .arg(nll)));
        const QJsonArray reported = run["weights"].toArray()[k].toArray();
        for (int i = 0; i < 3; ++i)
            QVERIFY(std::abs(reported[i].toDouble() - w[i]) < 1e-12);
        for (int i = 0; i < 3; ++i)
            w[i] -= 0.5 * g[i];
    }
}

void TestLogRegCli::methodsAndShuffle() {
    const Run sgd =
        run({"logreg", kSample, "--method", "sgd", "--etas", "0.1", "--max-iter", "20"});
    QCOMPARE(sgd.code, 0);
    QCOMPARE(json(sgd)["runs"].toArray()[0].toObject()["batch_size"].toInt(), 1);
    QCOMPARE(json(sgd)["runs"].toArray()[0].toObject()["method"].toString(), QString("sgd"));
    const QStringList shuffled = {"logreg",     kSample, "--method",  "sgd",    "--etas", "0.1",
                                  "--max-iter", "20",    "--shuffle", "--seed", "3"};
    const Run a = run(shuffled), b = run(shuffled);
    QStringList other = shuffled;
    other.last() = "4";
    const Run c = run(other);
    auto weights = [](const Run& r) {
        return json(r)["runs"].toArray()[0].toObject()["weights"].toArray();
    };
    QCOMPARE(weights(a), weights(b));
    QVERIFY(weights(a) != weights(c));
    QVERIFY(weights(a) != weights(sgd));
    const Run mb =
        run({"logreg", kSample, "--method", "minibatch", "--batch-size", "20", "--etas", "0.1,0.2",
             "--max-iter", "10", "--tol", "0", "--init", "0,0.5,1", "--format", "json"});
    QCOMPARE(mb.code, 0);
    const QJsonArray runs = json(mb)["runs"].toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].toObject()["batch_size"].toInt(), 20);
    QCOMPARE(runs[0].toObject()["weights"].toArray()[0].toArray(), QJsonArray({0, 0.5, 1}));
    QCOMPARE(runs[0].toObject()["nll"].toArray().size(), 10);
    QCOMPARE(runs[1].toObject()["stopped"].toString(), QString("max_iter"));

    // B > N runs as B = N, as in the window (it was refused here): the same
    // weights as full-batch GD, whose every step averages over all 200 points.
    const QStringList common = {"--etas", "0.1", "--max-iter", "5", "--tol", "0"};
    const Run whole = run(QStringList{"logreg", kSample, "--method", "minibatch", "--batch-size", "1000"} + common);
    QCOMPARE(whole.code, 0);
    const Run gd = run(QStringList{"logreg", kSample, "--method", "gd"} + common);
    QCOMPARE(json(whole)["runs"].toArray()[0].toObject()["batch_size"].toInt(), 200);
    const QJsonArray wb = json(whole)["runs"].toArray()[0].toObject()["weights"].toArray();
    const QJsonArray wg = json(gd)["runs"].toArray()[0].toObject()["weights"].toArray();
    QCOMPARE(wb.size(), wg.size());
    for (int k = 0; k < wb.size(); ++k) {
        for (int c = 0; c < 3; ++c) {
            QVERIFY(qAbs(wb[k].toArray()[c].toDouble() - wg[k].toArray()[c].toDouble()) < 1e-9);
        }
    }
}

void TestLogRegCli::hugeEtaDiverges() {
    QTemporaryDir dir;
    const QString path = dir.filePath("wide.txt");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# coordinates in the hundreds, one point with both labels\n"
            "150 280 1\n150 280 0\n-160 130 1\n170 -190 0\n90 -40 0\n");
    f.close();
    const Run r = run({"logreg", path, "--etas", "1000,0.001"});
    QCOMPARE(r.code, 0);
    const QJsonArray runs = json(r)["runs"].toArray();
    const QJsonObject diverged = runs[0].toObject();
    QCOMPARE(diverged["stopped"].toString(), QString("diverged"));
    for (const QJsonValue v : diverged["nll"].toArray()) {
        QVERIFY(v.isDouble()); // never null, never a non-finite value
        QVERIFY(v.toDouble() <= 1e6);
    }
    for (const QJsonValue w : diverged["weights"].toArray()) {
        for (const QJsonValue x : w.toArray())
            QVERIFY(x.isDouble() && std::isfinite(x.toDouble()));
    }
    QVERIFY(runs[1].toObject()["stopped"].toString() != "diverged");
    QVERIFY(!r.out.contains("inf") && !r.out.contains("nan"));
}

// Data at 1e300 used to give "diverged" with empty arrays and no CSV row: the
// start (w₀ = (0.1, 0, 0), finite NLL past the 1e6 bound) is now recorded.
void TestLogRegCli::hugeDataShowsItsStart() {
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.txt");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("1e300 1 1\n-1e300 2 0\n2e300 -1 0\n-3e300 0.5 1\n");
    f.close();
    const Run r = run({"logreg", path, "--etas", "0.1"});
    QCOMPARE(r.code, 0);
    const QJsonObject only = json(r)["runs"].toArray()[0].toObject();
    QCOMPARE(only["stopped"].toString(), QString("diverged"));
    QCOMPARE(only["nll"].toArray().size(), 1);
    // NLL(w₀) = (1/N) Σ softplus(sₙ zₙ) with zₙ = 0.1 x₁: the points whose sign of
    // z disagrees with their label cost |z|: 0.1·(2e300 + 3e300)/4 = 1.25e299.
    QVERIFY(qAbs(only["nll"].toArray()[0].toDouble() / 1.25e299 - 1) < 1e-12);
    QCOMPARE(only["weights"].toArray()[0].toArray(), QJsonArray({0.1, 0, 0}));
    const Run csv = run({"logreg", path, "--etas", "0.1", "--format", "csv"});
    QCOMPARE(csv.code, 0);
    QCOMPARE(csv.out.trimmed().split('\n').size(), 2); // the header and the start
}

void TestLogRegCli::csvHasOneRowPerValue() {
    const Run r = run({"logreg", kSample, "--etas", "0.5,0.1", "--max-iter", "5", "--tol", "0",
                       "--format", "csv"});
    QCOMPARE(r.code, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 2 * 5);
    QCOMPARE(lines[0], QByteArray("method,eta,batch_size,k,nll,w1,w2,w0,slope,intercept,stopped"));
    QVERIFY(lines[1].startsWith("gd,0.5,200,0,"));
    QVERIFY(lines[1].endsWith(",0.1,0,0,,,max_iter"));
    QVERIFY(lines[6].startsWith("gd,0.1,200,0,"));
    QCOMPARE(lines[2].split(',').size(), 11);
}

void TestLogRegCli::plotWritesTheFigures_data() {
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << "png";
    QTest::newRow("pdf") << "pdf";
    QTest::newRow("svg") << "svg";
}

void TestLogRegCli::plotWritesTheFigures() {
    QFETCH(QString, suffix);
    QTemporaryDir dir;
    const QString out = dir.filePath("figure." + suffix);
    const Run r = run({"logreg", kSample, "--plot", out});
    QCOMPARE(r.code, 0);
    QVERIFY(json(r)["runs"].toArray().size() == 5); // the JSON is still printed
    QVERIFY(QFileInfo(out).size() > 5000);
    if (suffix == "png") {
        const QImage image(out);
        QCOMPARE(image.size(),
                 QSize(2 * 2 * 760, 2 * 560)); // two plots side by side, twice the pixels
        // Not blank: the image has coloured (η) pixels.
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) {
                const QColor c = image.pixelColor(x, y);
                coloured += std::abs(c.red() - c.blue()) > 60;
            }
        }
        QVERIFY(coloured > 500);
    } else if (suffix == "pdf") {
        if (QStandardPaths::findExecutable("pdftotext").isEmpty())
            QSKIP("pdftotext (poppler-utils) not installed");
        QProcess p;
        p.start("pdftotext", {out, "-"});
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains("Separator in slope") && text.contains("Negative log-likelihood"),
                 qPrintable(text));
        QVERIFY(text.contains("η = 0.05"));
    } else {
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray svg = f.readAll();
        QVERIFY(svg.contains("<svg") && svg.contains("</svg>"));
    }
}

void TestLogRegCli::badUsageExitsTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{} << "expected one data file";
    QTest::newRow("two files") << QStringList{kSample, kSample} << "expected one data file";
    QTest::newRow("format") << QStringList{kSample, "--format", "xml"}
                            << "--format: expected json or csv";
    QTest::newRow("method") << QStringList{kSample, "--method", "adam"}
                            << "--method: expected gd, sgd or minibatch";
    QTest::newRow("word in etas") << QStringList{kSample, "--etas", "0.5,x"}
                                  << "--etas: \"x\" is not a finite number";
    QTest::newRow("negative eta") << QStringList{kSample, "--etas", "0.5,-1"}
                                  << "--etas: every η must be greater than 0";
    QTest::newRow("max-iter 0") << QStringList{kSample, "--max-iter", "0"}
                                << "--max-iter: expected a whole number";
    QTest::newRow("negative tol") << QStringList{kSample, "--tol", "-1"}
                                  << "--tol: expected a finite number";
    QTest::newRow("init of two") << QStringList{kSample, "--init", "1,2"}
                                 << "--init: expected 3 numbers";
    QTest::newRow("batch size with gd")
        << QStringList{kSample, "--batch-size", "5"} << "--batch-size applies only";
    QTest::newRow("batch size 0") << QStringList{kSample, "--method", "minibatch", "--batch-size",
                                                 "0"}
                                  << "--batch-size: expected a whole number";
    QTest::newRow("seed without shuffle") << QStringList{kSample, "--method", "sgd", "--seed", "3"}
                                          << "--seed applies only with --shuffle";
    QTest::newRow("shuffle with gd")
        << QStringList{kSample, "--shuffle"} << "--shuffle applies only";
    QTest::newRow("plot format") << QStringList{kSample, "--plot", "out.gif"}
                                 << "--plot: expected a file name";
    QTest::newRow("unknown option")
        << QStringList{kSample, "--learning-rate", "1"} << "Unknown option";
}

void TestLogRegCli::badUsageExitsTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringList{"logreg"} + args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains("backprop-lab logreg: ") && err.contains(message), qPrintable(err));
}

void TestLogRegCli::badFileExitsThree_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QByteArray() << "no such file";
    QTest::newRow("label 2") << QByteArray("1 2 0\n3 4 2\n")
                             << "line 2: label t must be 0 or 1, found 2";
    QTest::newRow("empty") << QByteArray("\n") << "line 1: the file is empty";
    QTest::newRow("ragged") << QByteArray("1 2 0\n1 2\n") << "line 2: missing column";
}

void TestLogRegCli::badFileExitsThree() {
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath("data.txt");
    if (!content.isNull()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const Run r = run({"logreg", path});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains("backprop-lab logreg: " + path + ": ") && err.contains(message),
             qPrintable(err));
}

void TestLogRegCli::benchPrintsThroughput() {
    const Run r = run({"bench", "logreg", "--points", "20000", "--iters", "3", "--no-gui"});
    QCOMPARE(r.code, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QRegularExpression("GD\\s.*[0-9.]+ M points·iterations/s")),
             qPrintable(out));
    QVERIFY2(out.contains(QRegularExpression("SGD\\s.*[0-9.]+ M points·epochs/s")),
             qPrintable(out));
    QCOMPARE(run({"bench", "nothing"}).code, 2);
    QCOMPARE(run({"bench", "logreg", "--points", "0"}).code, 2);
}

QTEST_GUILESS_MAIN(TestLogRegCli)
#include "tst_logreg_cli.moc"
