// A strip above the tabs for messages that must not be missed but must not
// block: why a file could not be opened or saved. It stays until closed or
// replaced; nothing modal, so a teacher's flow (and a test) is never stuck.
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace bpl::gui {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    explicit MessageBar(QWidget* parent = nullptr);

    void showError(const QString& text);
    void showInfo(const QString& text);
    QString text() const;
    bool isError() const { return error_; }

private:
    void showMessage(const QString& text, bool error);

    QLabel* icon_;
    QLabel* label_;
    QToolButton* close_;
    bool error_ = false;
};

} // namespace bpl::gui
