#pragma once

#include "FileDialogs.h"
#include "MessageBoxes.h"
#include "Notifier.h"
#include "ReviewDialogs.h"

#include <QStringList>
#include <functional>
#include <optional>

// Answers the file dialog with whatever the test put in `next`.
class FakeFileDialogs final : public baton::ui::FileDialogs
{
public:
    QStringList openFiles(QWidget *, const QString &title, const QString &,
                          const QString &filter) override
    {
        ++calls;
        lastTitle = title;
        lastFilter = filter;
        return next;
    }

    QString saveFile(QWidget *, const QString &title, const QString &, const QString &) override
    {
        ++calls;
        lastTitle = title;
        return nextSave;
    }

    QStringList next;
    QString nextSave;
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
    void information(QWidget *, const QString &title, const QString &text) override
    {
        infoTitles << title;
        infoTexts << text;
    }
    void warning(QWidget *, const QString &title, const QString &text) override
    {
        warningTitles << title;
        warningTexts << text;
    }

    QStringList titles; // of critical messages
    QStringList texts;
    QStringList infoTitles;
    QStringList infoTexts;
    QStringList warningTitles;
    QStringList warningTexts;
};

// Answers the review questions with what the test put in `next*`, and records what was asked.
class FakeReviewDialogs final : public baton::ui::ReviewDialogs
{
public:
    std::optional<baton::ui::EscalationRequest> escalation(QWidget *, const QStringList &categories,
                                                           const QStringList &managers) override
    {
        askedCategories = categories;
        offeredManagers = managers;
        return nextEscalation;
    }
    std::optional<QString> comment(QWidget *) override { return nextComment; }
    std::optional<QString> note(QWidget *, const QString &) override { return nextNote; }
    std::optional<QString> choice(QWidget *, const QString &, const QString &label,
                                  const QStringList &reasons) override
    {
        askedLabel = label;
        askedReasons = reasons;
        return nextChoice;
    }
    std::optional<baton::ui::EditRequest>
    edit(QWidget *, const QString &briefJson,
         const std::function<QStringList(const QString &)> &check) override
    {
        shownBrief = briefJson;
        if (!editBrief)
            return std::nullopt;
        const QString edited = editBrief(briefJson);
        lastProblems = check(edited);
        if (!lastProblems.isEmpty())
            return std::nullopt; // the real dialog keeps Save off
        return baton::ui::EditRequest{edited, editReason};
    }
    void shortcuts(QWidget *, const QString &text) override { shortcutSheet = text; }

    std::optional<baton::ui::EscalationRequest> nextEscalation;
    std::optional<QString> nextComment, nextNote, nextChoice;
    std::function<QString(const QString &)> editBrief; // what the person types
    QString editReason = QStringLiteral("clearer");
    QStringList askedCategories, offeredManagers, askedReasons, lastProblems;
    QString askedLabel; // what the list of a choice was labelled
    QString shownBrief, shortcutSheet;
};

// Records the desktop notifications the console would have shown.
class FakeNotifier final : public baton::ui::Notifier
{
public:
    void notify(const QString &title, const QString &text) override
    {
        titles << title;
        texts << text;
    }

    QStringList titles, texts;
};
