// The vectors and matrices a step reads and writes — W⁽ˡ⁾, b⁽ˡ⁾, z⁽ˡ⁻¹⁾, a⁽ˡ⁾,
// z⁽ˡ⁾ for a forward step (and the one layer consecutive linear layers collapse
// into); δ and ∂E/∂W for the backward steps; old and new weights for an
// update; W⁽¹⁾, δ⁽¹⁾ and ∂E/∂z⁽⁰⁾ for the input gradient — named in the trace's notation and taken
// from the trace, shown side by side as MatrixTables.
#pragma once

#include "core/trace.h"

#include <QWidget>
#include <vector>

class QHBoxLayout;

namespace bpl::gui {

class MatrixTable;

struct NamedMatrix {
    Dual name;
    Eigen::MatrixXd values;
};

// What a step shows as tables (nullptr: the start, the input and target).
std::vector<NamedMatrix> stepMatrices(const Trace& trace, const Step* step);

class StepTables : public QWidget {
    Q_OBJECT
public:
    explicit StepTables(QWidget* parent = nullptr);

    void showStep(const Trace& trace, const Step* step);
    const std::vector<MatrixTable*>& tables() const { return tables_; }

signals:
    void copied(const QString& what);

private:
    QHBoxLayout* layout_;
    std::vector<MatrixTable*> tables_;
};

} // namespace bpl::gui
