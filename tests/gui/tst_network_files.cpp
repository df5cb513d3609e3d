// Files in the window: a bad file shows the loader's message and leaves the
// open network untouched; save → open round-trips every number and keeps
// unknown keys; the examples carry their descriptions; the canvas exports as
// PNG, SVG and PDF.
#include "gui/canvas/canvas_export.h"
#include "gui/canvas/network_scene.h"
#include "gui/app_settings.h"
#include "gui/examples.h"
#include "gui/message_bar.h"
#include "gui/network_editor.h"
#include "gui_test_support.h"

#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QMimeData>
#include <QUrl>
#include <QUndoStack>

using namespace bpl;
using namespace bpl::gui;

namespace {

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray read(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

} // namespace

class TestNetworkFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void badFileLeavesNetworkUnchanged_data();
    void badFileLeavesNetworkUnchanged();
    void saveThenOpenRoundTrips();
    void examplesCarryTheirDescriptions();
    void exportCanvas_data();
    void exportCanvas();
    void dropRecentAndRemembered();

private:
    QTemporaryDir settings_;
    QTemporaryDir files_;
    std::unique_ptr<MainWindow> window_;
};

void TestNetworkFiles::initTestCase() {
    test::isolateSettings(settings_);
    QVERIFY(files_.isValid());
}

void TestNetworkFiles::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
}

void TestNetworkFiles::cleanup() { window_.reset(); }

void TestNetworkFiles::badFileLeavesNetworkUnchanged_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("weights of the wrong shape")
        << QByteArray(R"({"format": "backprop-lab.network/1",
            "layers": [{"size": 2}, {"size": 1, "activation": "sigmoid", "weights": [[1, 2, 3]]}],
            "loss": "half_squared_error", "sample": {"input": [1, 2], "target": [0]}})")
        << "layers[1].weights[0]";
    QTest::newRow("not JSON") << QByteArray("{ this is not json") << "bad.json";
    QTest::newRow("negative learning rate")
        << QByteArray(R"({"format": "backprop-lab.network/1", "learning_rate": -1,
            "layers": [{"size": 1}, {"size": 1, "activation": "identity", "weights": [[1]]}],
            "loss": "half_squared_error", "sample": {"input": [1], "target": [0]}})")
        << "learning_rate";
}

void TestNetworkFiles::badFileLeavesNetworkUnchanged() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    NetworkDocument* doc = window_->document();
    // An edit in progress must survive the failed open too.
    window_->workspace()->editor()->setWeight(1, 0, 0, 0.125);
    doc->setPosition(4);
    const Network before = doc->network();
    const int undoCount = doc->undoStack()->count();
    const QString path = files_.filePath("bad.json");
    write(path, bytes);

    QVERIFY(!window_->openFile(path));
    QVERIFY(window_->messageBar()->isVisible());
    QVERIFY(window_->messageBar()->isError());
    QVERIFY2(window_->messageBar()->text().contains(message), qPrintable(window_->messageBar()->text()));
    QCOMPARE(doc->network().layers[1].weights, before.layers[1].weights);
    QCOMPARE(doc->network().layerCount(), before.layerCount());
    QCOMPARE(doc->network().name, before.name);
    QCOMPARE(doc->position(), 4);
    QCOMPARE(doc->undoStack()->count(), undoCount);
    QVERIFY(doc->isModified());
    QCOMPARE(window_->workspace()->scene()->neuronItem(0, 2) != nullptr, true);
}

void TestNetworkFiles::saveThenOpenRoundTrips() {
    NetworkDocument* doc = window_->document();
    NetworkEditor* editor = window_->workspace()->editor();
    editor->setWeight(1, 1, 2, -0.123456789012345);
    editor->setBias(2, 0, 1e-7);
    editor->setLearningRate(0.3);
    editor->addNeuron(1, 2);
    const Network edited = doc->network();
    QVERIFY(window_->isWindowModified());

    const QString path = files_.filePath("edited.json");
    QVERIFY(window_->saveTo(path));
    QVERIFY(!doc->isModified());
    QVERIFY(!window_->isWindowModified());
    QVERIFY(window_->windowTitle().startsWith("edited.json"));
    // Unknown keys of the example (its decision threshold) are written back.
    const QJsonObject json = QJsonDocument::fromJson(read(path)).object();
    QCOMPARE(json.value("decision_threshold").toDouble(), 0.6);
    QCOMPARE(json.value("learning_rate").toDouble(), 0.3);

    QVERIFY(window_->openExample("xor_step"));
    QCOMPARE(doc->network().layers[1].size, 2);
    QVERIFY(window_->openFile(path));
    const Network& reopened = doc->network();
    QCOMPARE(reopened.layerCount(), edited.layerCount());
    for (int l = 1; l < reopened.layerCount(); ++l) {
        QCOMPARE(reopened.layers[l].weights, edited.layers[l].weights); // exact: shortest round-trip numbers
        QCOMPARE(reopened.layers[l].bias, edited.layers[l].bias);
        QCOMPARE(reopened.layers[l].activation.kind, edited.layers[l].activation.kind);
    }
    QCOMPARE(reopened.learningRate, 0.3);
    QCOMPARE(reopened.sample.input, edited.sample.input);
    QCOMPARE(reopened.loss, edited.loss);
    QCOMPARE(doc->filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!doc->isModified());
    // A failed save (a directory as the target) keeps the document modified and says why.
    editor->setLearningRate(0.4);
    QVERIFY(!window_->saveTo(files_.path()));
    QVERIFY(doc->isModified());
    QVERIFY(window_->messageBar()->text().contains(files_.path() + ": is a folder"));
    QCOMPARE(QJsonDocument::fromJson(read(path)).object().value("learning_rate").toDouble(), 0.3);
}

void TestNetworkFiles::examplesCarryTheirDescriptions() {
    const auto& examples = builtInExamples();
    QVERIFY(examples.size() >= 7);
    QCOMPARE(examples.front().id, QString("sheet5_321_sigmoid"));
    for (const ExampleInfo& e : examples) {
        QVERIFY2(!e.description.isEmpty(), qPrintable(e.id));
        QVERIFY(window_->openExample(e.id));
        QCOMPARE(QString::fromStdString(window_->document()->network().name), e.name);
        QVERIFY(window_->windowTitle().contains("(example)"));
    }
    // The Examples menu lists them with their descriptions as tooltips.
    QMenu* menu = nullptr;
    for (QAction* a : window_->menuBar()->actions()) {
        if (a->text().remove('&') == "Examples") menu = a->menu();
    }
    QVERIFY(menu);
    bool found = false;
    for (QAction* a : menu->actions()) found = found || (a->text() == examples.front().name && a->toolTip() == examples.front().description);
    QVERIFY(found);
}

void TestNetworkFiles::exportCanvas_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF");
}

void TestNetworkFiles::exportCanvas() {
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    window_->document()->setPosition(5);
    const QString path = files_.filePath("canvas." + suffix);
    QCOMPARE(gui::exportCanvas(window_->workspace()->scene(), path), QString());
    const QByteArray bytes = read(path);
    QVERIFY(bytes.startsWith(magic));
    if (suffix == "svg") QVERIFY(bytes.contains("0.0247663")); // δ₁⁽¹⁾ is written as text
    if (suffix == "png") {
        const QImage image(path);
        const QRectF content = window_->workspace()->scene()->contentRect();
        QCOMPARE(image.width(), qRound(content.width() * 2));
    }
    QVERIFY(!gui::exportCanvas(window_->workspace()->scene(), files_.filePath("canvas.bmp")).isEmpty());
}

void TestNetworkFiles::dropRecentAndRemembered() {
    // Save a variant, open an example, then drop the saved file on the window.
    window_->workspace()->editor()->setLearningRate(0.25);
    const QString path = files_.filePath("dropped.json");
    QVERIFY(window_->saveTo(path));
    QVERIFY(window_->openExample("xor_step"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_.get(), &drop);
    QCOMPARE(window_->document()->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(window_->document()->network().learningRate, 0.25);
    // The file is first among the recent files.
    QCOMPARE(recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    // Notation, precision and the window's layout outlive the window.
    window_->setNotation("ng");
    window_->setPrecision(4);
    window_->close();
    auto settings = openSettings();
    QCOMPARE(settings->value(settings::kNotation).toString(), QString("ng"));
    QCOMPARE(settings->value(settings::kPrecision).toInt(), 4);
    QVERIFY(!settings->value(settings::kGeometry).toByteArray().isEmpty());
    QVERIFY(!settings->value(settings::kWorkspaceState).toByteArray().isEmpty());
    window_.reset();
    window_ = test::openSheet5(false);
    QCOMPARE(QString::fromStdString(window_->document()->traceOptions().notation.id), QString("ng"));
    QCOMPARE(window_->document()->traceOptions().precision, 4);
}

QTEST_MAIN(TestNetworkFiles)
#include "tst_network_files.moc"
