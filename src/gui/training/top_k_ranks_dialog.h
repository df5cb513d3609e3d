// The Training tab's worked top-k item (docs/formats/training.md, "Top-k"):
// for the selected run and epoch, the test rows (validation rows when there
// is no test set) with each class's score, the true class's rank Rᵢ and
// E = (1/m) Σ 𝟙(Rᵢ > k) with the numbers, as `backprop-lab topk` prints it.
// Non-modal; the tab refills it when the epoch, the run or k changes.
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace bpl::gui {

class TopKRanksDialog : public QDialog {
    Q_OBJECT
  public:
    explicit TopKRanksDialog(QWidget* parent = nullptr);
    // `heading` says which rows, run and epoch; `worked` is core's text.
    void setWorked(const QString& heading, const QString& worked);
    QString heading() const;
    QString worked() const;

  private:
    QLabel* heading_ = nullptr;
    QPlainTextEdit* text_ = nullptr;
};

} // namespace bpl::gui
