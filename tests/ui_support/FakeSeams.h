#pragma once

#include "FileDialogs.h"
#include "MessageBoxes.h"

#include <QStringList>

// Answers the file dialog with whatever the test put in `next`.
class FakeFileDialogs final : public baton::ui::FileDialogs
{
public:
    QStringList openFiles(QWidget *, const QString &title, const QString &, const QString &filter) override
    {
        ++calls;
        lastTitle = title;
        lastFilter = filter;
        return next;
    }

    QStringList next;
    int calls = 0;
    QString lastTitle;
    QString lastFilter;
};

// Records what would have been shown in a message box.
class FakeMessageBoxes final : public baton::ui::MessageBoxes
{
public:
    void critical(QWidget *, const QString &title, const QString &text) override
    {
        titles << title;
        texts << text;
    }

    QStringList titles;
    QStringList texts;
};
