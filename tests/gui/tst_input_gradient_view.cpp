// The stepper's optional input-gradient step in the window: Step ▸ "Show the
// input gradient" adds ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ as the last step (End reaches it, the
// step list lists it), the input neurons show ∂E/∂z⁽⁰⁾ ("?" until then), the
// details show its formulas and tables; and the details of a forward step after
// two identity layers show the one layer they collapse into.
#include "gui/app_settings.h"
#include "gui/appearance.h"
#include "gui/canvas/edge_label_item.h"
#include "gui/canvas/network_scene.h"
#include "gui/canvas/network_view.h"
#include "gui/canvas/neuron_item.h"
#include "gui/details/details_panel.h"
#include "gui/details/formula_view.h"
#include "gui/details/matrix_table.h"
#include "gui/details/step_tables.h"
#include "gui/step_list_panel.h"
#include "gui_test_support.h"

#include <QLabel>

using namespace bpl;
using namespace bpl::gui;

namespace {

QStringList lineTexts(const NeuronItem* n) {
    QStringList out;
    for (const ValueLine& l : n->content().lines)
        out << l.text;
    return out;
}

QStringList tableNames(const StepTables* tables) {
    QStringList out;
    for (const MatrixTable* t : tables->tables())
        out << QString::fromStdString(t->name().text);
    return out;
}

} // namespace

class TestInputGradientView : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { test::isolateSettings(settings_); }
    void init();
    void cleanup() { window_.reset(); }
    void toggleAddsTheLastStep();
    void endAndStepListReachIt();
    void turningItOffLeavesTheStep();
    void detailsShowTheLinearCollapse();
    void presentationAt1024IsReadable();

  private:
    QAction* toggle() const { return window_->findChild<QAction*>("actionInputGradient"); }

    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
    NetworkDocument* doc_ = nullptr;
    NetworkScene* scene_ = nullptr;
};

void TestInputGradientView::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
    window_->setInputGradientShown(false); // remembered from the test before
    doc_ = window_->document();
    scene_ = window_->workspace()->scene();
    window_->workspace()->view()->setFocus();
}

void TestInputGradientView::toggleAddsTheLastStep() {
    QVERIFY(toggle());
    QVERIFY(!toggle()->isChecked());
    QCOMPARE(doc_->trace().steps.size(), size_t(9));
    QCOMPARE(lineTexts(scene_->neuronItem(0, 0)), QStringList{"z₁⁽⁰⁾ = 3"});
    toggle()->trigger();
    QVERIFY(toggle()->isChecked());
    QCOMPARE(doc_->trace().steps.size(), size_t(10));
    QCOMPARE(doc_->trace().steps.back().kind, StepKind::InputGradient);
    // Before the step: "?" under each input.
    QCOMPARE(lineTexts(scene_->neuronItem(0, 0)), (QStringList{"z₁⁽⁰⁾ = 3", "∂E/∂z₁⁽⁰⁾ = ?"}));
    // Remembered for the next window.
    QVERIFY(openSettings()->value(settings::kInputGradient).toBool());
}

void TestInputGradientView::endAndStepListReachIt() {
    toggle()->trigger();
    NetworkWorkspace* w = window_->workspace();
    QTest::keyClick(w->view(), Qt::Key_End);
    QApplication::processEvents();
    QCOMPARE(doc_->position(), 10);
    // ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ with δ⁽¹⁾ = (0.0247663, −0.0248753) (teaching-content.md section 1):
    // (0.1·δ₁ − 0.1·δ₂, 0.2·δ₁ + 0·δ₂, 0.3·δ₁ − 0.2·δ₂) = (0.00496416, 0.00495325, 0.0124049).
    QCOMPARE(lineTexts(scene_->neuronItem(0, 0)),
             (QStringList{"z₁⁽⁰⁾ = 3", "∂E/∂z₁⁽⁰⁾ = 0.00496416"}));
    QCOMPARE(lineTexts(scene_->neuronItem(0, 1)),
             (QStringList{"z₂⁽⁰⁾ = 0.2", "∂E/∂z₂⁽⁰⁾ = 0.00495325"}));
    QCOMPARE(lineTexts(scene_->neuronItem(0, 2)),
             (QStringList{"z₃⁽⁰⁾ = -0.1", "∂E/∂z₃⁽⁰⁾ = 0.0124049"}));
    QVERIFY(scene_->neuronItem(0, 2)->content().lines[1].fresh);
    QCOMPARE(scene_->highlightedLayer(), 0);
    // The sum uses the weights before the update: the edges into layer 1 show them.
    QCOMPARE(scene_->edgeLabelItem(1, 1, 2)->lines(), (QStringList{"w₂₃⁽¹⁾", "-0.2"}));
    DetailsPanel* details = w->details();
    QVERIFY2(details->titleText().contains("Step 10 of 10 · Input gradient, layer 0"),
             qPrintable(details->titleText()));
    const QString formulas = details->formulaView()->toPlainText();
    QVERIFY2(formulas.contains(QString::fromUtf8("0.3 × 0.0247663 + (−0.2) × (−0.0248753)")),
             qPrintable(formulas));
    QVERIFY(formulas.contains("0.0124049"));
    QCOMPARE(tableNames(details->stepTables()), (QStringList{"W⁽¹⁾", "δ⁽¹⁾", "∂E/∂z⁽⁰⁾"}));
    // The step list lists it under its own heading; clicking it goes there.
    StepListPanel* list = w->stepList();
    const int row = list->rowOfPosition(10);
    QVERIFY(row > 0);
    QCOMPARE(list->item(row)->text(), QString("10. Input gradient, layer 0"));
    QCOMPARE(list->item(row - 1)->text(), QString("Input gradient"));
    QTest::keyClick(w->view(), Qt::Key_Home);
    QCOMPARE(doc_->position(), 0);
    list->scrollToItem(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(row)).center());
    QCOMPARE(doc_->position(), 10);
    // One step back: the updates are shown, ∂E/∂x not yet known.
    QTest::keyClick(w->view(), Qt::Key_Left);
    QCOMPARE(lineTexts(scene_->neuronItem(0, 0)), (QStringList{"z₁⁽⁰⁾ = 3", "∂E/∂z₁⁽⁰⁾ = ?"}));
    QCOMPARE(scene_->edgeLabelItem(1, 1, 2)->lines().size(), 3); // old → new
}

void TestInputGradientView::turningItOffLeavesTheStep() {
    toggle()->trigger();
    doc_->setPosition(10);
    toggle()->trigger();
    QVERIFY(!toggle()->isChecked());
    QCOMPARE(doc_->trace().steps.size(), size_t(9));
    QCOMPARE(doc_->position(), 9);
    QVERIFY(window_->workspace()->details()->titleText().contains("Step 9 of 9 · Update, layer 1"));
    QCOMPARE(lineTexts(scene_->neuronItem(0, 0)), QStringList{"z₁⁽⁰⁾ = 3"});
}

void TestInputGradientView::detailsShowTheLinearCollapse() {
    QTemporaryDir dir;
    const QString path = dir.filePath("linear.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "backprop-lab.network/1", "name": "linear",
      "layers": [{"size": 2},
                 {"size": 2, "activation": "identity", "weights": [[1, 2], [3, 4]], "bias": [1, -1]},
                 {"size": 2, "activation": "identity", "weights": [[0, 1], [-1, 2]], "bias": [0.5, 2]}],
      "loss": "half_squared_error", "learning_rate": 0.1, "sample": {"input": [1, 2], "target": [0, 0]}})");
    f.close();
    QVERIFY(window_->openFile(path));
    auto* note = window_->workspace()->details()->findChild<QLabel*>("noteLabel");
    QVERIFY(note);
    doc_->setPosition(1);
    QVERIFY(!note->text().contains("linear layer"));
    doc_->setPosition(2);
    // W = W⁽²⁾W⁽¹⁾ = [[0, 1], [−1, 2]]·[[1, 2], [3, 4]] = [[3, 4], [5, 6]], b = (−0.5, −1), Wx + b
    // = (10.5, 16).
    const QString text = note->text();
    for (const char* needle :
         {"Layers 1 and 2 are linear (identity)", "W = W⁽²⁾W⁽¹⁾ = [[3, 4], [5, 6]]",
          "b = W⁽²⁾b⁽¹⁾ + b⁽²⁾ = (-0.5, -1)",
          "Wz⁽⁰⁾ + b = (10.5, 16), the same as z⁽²⁾ computed layer by layer"}) {
        QVERIFY2(text.contains(QString::fromUtf8(needle)), needle);
    }
    const QStringList names = tableNames(window_->workspace()->details()->stepTables());
    QCOMPARE(names.mid(names.size() - 3),
             (QStringList{"W = W⁽²⁾W⁽¹⁾", "b = W⁽²⁾b⁽¹⁾ + b⁽²⁾", "Wz⁽⁰⁾ + b = z⁽²⁾"}));
    const MatrixTable* product = window_->workspace()->details()->stepTables()->tables()[5];
    QCOMPARE(product->values(), (Eigen::MatrixXd(2, 2) << 3, 4, 5, 6).finished());
}

void TestInputGradientView::presentationAt1024IsReadable() {
    // The classroom screen: F5 at 1024×768, End on the input gradient step.
    window_ = test::openSheet5(true, QSize(1024, 768));
    QVERIFY(window_);
    window_->setInputGradientShown(false);
    doc_ = window_->document();
    scene_ = window_->workspace()->scene();
    toggle()->trigger();
    NetworkView* view = window_->workspace()->view();
    QTest::keyClick(view, Qt::Key_F5);
    QVERIFY(window_->appearance()->presenting());
    QTest::keyClick(view, Qt::Key_End);
    QApplication::processEvents();
    QCOMPARE(doc_->position(), 10);
    QVERIFY2(view->smallestTextPixels() >= kPresentationTextPixels - 1e-9,
             qPrintable(QString::number(view->smallestTextPixels())));
    // The new lines: in view, clear of one another, of the other neurons and of the edge labels.
    const QRectF shown = view->mapToScene(view->usableViewportRect()).boundingRect();
    for (int j = 0; j < 3; ++j) {
        const NeuronItem* input = scene_->neuronItem(0, j);
        QCOMPARE(input->content().lines.size(), size_t(2));
        const QRectF text = input->textSceneRect();
        QVERIFY2(shown.contains(text),
                 qPrintable(QString("input %1's values are outside the view").arg(j + 1)));
        for (int k = 0; k < 3; ++k) {
            if (k != j)
                QVERIFY(!text.intersects(scene_->neuronItem(0, k)->sceneBoundingRect()));
        }
        for (int i = 0; i < 2; ++i) {
            QVERIFY(!text.intersects(scene_->neuronItem(1, i)->sceneBoundingRect()));
            for (int k = 0; k < 3; ++k) {
                const EdgeLabelItem* label = scene_->edgeLabelItem(1, i, k);
                if (label && label->isVisible())
                    QVERIFY2(!text.intersects(label->sceneBoundingRect()),
                             qPrintable(QString("input %1's values under the label of w%2%3")
                                            .arg(j + 1)
                                            .arg(i + 1)
                                            .arg(k + 1)));
            }
        }
    }
    window_->appearance()->setPresenting(false);
}

QTEST_MAIN(TestInputGradientView)
#include "tst_input_gradient_view.moc"
