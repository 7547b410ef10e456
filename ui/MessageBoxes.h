#pragma once

#include <QString>

class QWidget;

namespace baton::ui {

// Modal messages, behind a seam so tests see what would have been shown instead of
// blocking on a dialog.
class MessageBoxes
{
public:
    virtual ~MessageBoxes() = default;
    virtual void critical(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void information(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void warning(QWidget *parent, const QString &title, const QString &text) = 0;
};

class QtMessageBoxes final : public MessageBoxes
{
public:
    void critical(QWidget *parent, const QString &title, const QString &text) override;
    void information(QWidget *parent, const QString &title, const QString &text) override;
    void warning(QWidget *parent, const QString &title, const QString &text) override;
};

} // namespace baton::ui
