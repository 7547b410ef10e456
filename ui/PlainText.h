#pragma once

#include <QLabel>
#include <QString>
#include <QWidget>

namespace baton::ui {

// Qt guesses: a label or tooltip whose text looks like HTML (Qt::mightBeRichText) is
// rendered as HTML. Text from the store (lead names, generated sentences, file names,
// CRM errors) is never markup, so it is shown as the characters it is.

// Every label under `root` shows plain text. Called at the end of a widget's constructor;
// the widgets here build their labels there and set stored text on them later.
inline void showLabelsAsPlainText(QWidget *root)
{
    for (auto *label : root->findChildren<QLabel *>())
        label->setTextFormat(Qt::PlainText);
}

// A tooltip for stored text: escaped inside an explicit rich-text paragraph, so what looks
// like markup shows literally and line breaks stay.
inline QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() +
           QStringLiteral("</p>");
}

} // namespace baton::ui
