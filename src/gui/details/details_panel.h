// The details panel under the canvas: the current step's title, its vector
// formula and why it takes that form, every scalar formula (symbolic, with
// numbers, result) and the step's vectors and matrices as tables. It follows
// the document; it shows the trace and computes nothing.
#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class DetailsPanel;
}

namespace bpl::gui {

class FormulaView;
class NetworkDocument;
class StepTables;

class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget* parent = nullptr);
    ~DetailsPanel() override;

    void setDocument(NetworkDocument* document);

    FormulaView* formulaView() const;
    StepTables* stepTables() const;
    // The heading as shown ("Step 4 of 9 · Output delta, layer 2").
    QString titleText() const;

signals:
    void copied(const QString& what);

public slots:
    void refresh();

private:
    std::unique_ptr<Ui::DetailsPanel> ui_;
    NetworkDocument* document_ = nullptr;
};

} // namespace bpl::gui
