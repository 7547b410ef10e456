#include "FileDialogs.h"

#include <QFileDialog>

namespace baton::ui {

QStringList QtFileDialogs::openFiles(QWidget *parent, const QString &title,
                                     const QString &directory, const QString &filter)
{
    return QFileDialog::getOpenFileNames(parent, title, directory, filter);
}

QString QtFileDialogs::saveFile(QWidget *parent, const QString &title, const QString &suggested,
                                const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

} // namespace baton::ui
