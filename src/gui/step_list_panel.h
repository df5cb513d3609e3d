// The list of steps beside the canvas: the start, the forward pass layer by
// layer, the loss, the deltas, the gradients, the updates and (optionally) the
// input gradient, grouped under headings. It shows where the stepper is; clicking a step goes
// there.
#pragma once

#include <QListWidget>
#include <vector>

namespace bpl::gui {

class NetworkDocument;

class StepListPanel : public QListWidget {
    Q_OBJECT
public:
    explicit StepListPanel(QWidget* parent = nullptr);

    void setDocument(NetworkDocument* document);
    // The list row showing stepper position p (−1 when none).
    int rowOfPosition(int position) const;

private slots:
    void rebuild();
    void showPosition(int position);

private:
    NetworkDocument* document_ = nullptr;
    std::vector<int> rowPosition_; // stepper position of every row (−1: a heading)
    bool updating_ = false;
};

} // namespace bpl::gui
