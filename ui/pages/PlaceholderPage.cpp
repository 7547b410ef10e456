#include "pages/PlaceholderPage.h"
#include "PlainText.h"

#include <QLabel>
#include <QVBoxLayout>

namespace baton::ui {

PlaceholderPage::PlaceholderPage(PageId page, QWidget *parent) : QWidget(parent)
{
    setObjectName(pageKey(page) + QStringLiteral("Page"));
    auto *title = new QLabel(pageTitle(page), this);
    QFont font = title->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    auto *what = new QLabel(tr("This page will show: %1").arg(pageDescription(page)), this);
    what->setWordWrap(true);
    auto *notYet = new QLabel(tr("It is not built yet."), this);
    notYet->setObjectName(QStringLiteral("notBuiltYet"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    for (QLabel *label : {title, what, notYet}) {
        label->setAlignment(Qt::AlignHCenter);
        layout->addWidget(label);
    }
    layout->addStretch(2);
    showLabelsAsPlainText(this);
}

} // namespace baton::ui
