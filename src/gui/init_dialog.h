// The "Initialise weights" dialog: a scheme (Xavier/Glorot, He, uniform, all
// zero), a seed and, for the uniform scheme, the range; each scheme explained
// in one sentence.
#pragma once

#include "core/initialization.h"

#include <QDialog>
#include <memory>

namespace Ui {
class InitDialog;
}

namespace bpl::gui {

class InitDialog : public QDialog {
    Q_OBJECT
public:
    explicit InitDialog(QWidget* parent = nullptr);
    ~InitDialog() override;

    void setOptions(const InitOptions& options);
    InitOptions options() const;

private:
    void explain();

    std::unique_ptr<Ui::InitDialog> ui_;
};

} // namespace bpl::gui
