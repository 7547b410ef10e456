#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace baton::ui {

// The file dialogs the ui opens, behind a seam so tests (and scripted runs) answer them
// without a native dialog.
class FileDialogs
{
public:
    virtual ~FileDialogs() = default;
    // Files chosen to open; empty when the person cancels.
    virtual QStringList openFiles(QWidget *parent, const QString &title, const QString &directory,
                                  const QString &filter) = 0;
    // Where to save; empty when the person cancels.
    virtual QString saveFile(QWidget *parent, const QString &title, const QString &suggested,
                             const QString &filter) = 0;
};

class QtFileDialogs final : public FileDialogs
{
public:
    QStringList openFiles(QWidget *parent, const QString &title, const QString &directory,
                          const QString &filter) override;
    QString saveFile(QWidget *parent, const QString &title, const QString &suggested,
                     const QString &filter) override;
};

} // namespace baton::ui
