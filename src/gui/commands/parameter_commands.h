// Undo commands that change one number: a weight, a bias, an input or target
// entry, the learning rate. Repeated nudges of the same number (arrow keys)
// merge into one command, so one Ctrl+Z takes the whole nudge back.
#pragma once

#include <QUndoCommand>

namespace bpl::gui {

class NetworkDocument;

enum CommandId { SetWeightId = 1, SetBiasId, SetInputId, SetTargetId, SetLearningRateId };

// Which number a parameter command changes (file numbering, 0-based).
struct ParameterRef {
    enum Kind { Weight, Bias, Input, Target, LearningRate };
    Kind kind = Weight;
    int layer = 0;
    int i = 0;
    int j = 0;
    friend bool operator==(const ParameterRef& a, const ParameterRef& b) {
        return a.kind == b.kind && a.layer == b.layer && a.i == b.i && a.j == b.j;
    }
};

// The current value of a parameter in the document's network.
double parameterValue(const NetworkDocument* document, const ParameterRef& ref);

// Shared behaviour; the subclasses name the edit and its merge id.
class ParameterCommand : public QUndoCommand {
public:
    void undo() override;
    void redo() override;
    bool mergeWith(const QUndoCommand* other) override;

    const ParameterRef& ref() const { return ref_; }
    double newValue() const { return newValue_; }

protected:
    // `nudge`: a step of the arrow keys, merged with the nudge before it.
    ParameterCommand(NetworkDocument* document, const ParameterRef& ref, double value, bool nudge);
    // The edit's name, e.g. "Set w₁₂⁽²⁾ to 0.4", in the document's notation.
    virtual QString describe(double value) const = 0;
    void rename() { setText(describe(newValue_)); }

    NetworkDocument* document_;

private:
    void apply(double value);

    ParameterRef ref_;
    double oldValue_;
    double newValue_;
    bool nudge_;
};

class SetWeightCommand : public ParameterCommand {
public:
    SetWeightCommand(NetworkDocument* document, int layer, int i, int j, double value, bool nudge = false);
    int id() const override { return SetWeightId; }

protected:
    QString describe(double value) const override;
};

class SetBiasCommand : public ParameterCommand {
public:
    SetBiasCommand(NetworkDocument* document, int layer, int i, double value, bool nudge = false);
    int id() const override { return SetBiasId; }

protected:
    QString describe(double value) const override;
};

class SetInputCommand : public ParameterCommand {
public:
    SetInputCommand(NetworkDocument* document, int i, double value, bool nudge = false);
    int id() const override { return SetInputId; }

protected:
    QString describe(double value) const override;
};

class SetTargetCommand : public ParameterCommand {
public:
    SetTargetCommand(NetworkDocument* document, int i, double value, bool nudge = false);
    int id() const override { return SetTargetId; }

protected:
    QString describe(double value) const override;
};

class SetLearningRateCommand : public ParameterCommand {
public:
    SetLearningRateCommand(NetworkDocument* document, double value, bool nudge = false);
    int id() const override { return SetLearningRateId; }

protected:
    QString describe(double value) const override;
};

} // namespace bpl::gui
