#include "widgets/NavigationList.h"

#include <QFontMetrics>
#include <QKeySequence>

namespace baton::ui {

NavigationList::NavigationList(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("navigation"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setAccessibleName(tr("Pages"));
    int widest = 0;
    for (int i = 0; i < kPageCount; ++i) {
        const PageId page = kAllPages[static_cast<std::size_t>(i)];
        auto *item = new QListWidgetItem(pageTitle(page), this);
        const QString shortcut =
            QKeySequence(Qt::CTRL | Qt::Key(pageShortcutKey(i))).toString(QKeySequence::NativeText);
        item->setToolTip(tr("%1 (%2)").arg(pageDescription(page), shortcut));
        item->setSizeHint(QSize(0, fontMetrics().height() * 2));
        widest = std::max(widest, fontMetrics().horizontalAdvance(item->text()));
    }
    setFixedWidth(widest + fontMetrics().averageCharWidth() * 8);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < kPageCount)
            emit pageRequested(kAllPages[static_cast<std::size_t>(row)]);
    });
}

void NavigationList::setCurrentPage(PageId page)
{
    setCurrentRow(static_cast<int>(page));
}

PageId NavigationList::currentPage() const
{
    const int row = currentRow();
    return row >= 0 && row < kPageCount ? kAllPages[static_cast<std::size_t>(row)] : PageId::Data;
}

void NavigationList::setCount(PageId page, qint64 count)
{
    if (QListWidgetItem *it = item(static_cast<int>(page)))
        it->setText(count > 0 ? tr("%1 (%2)").arg(pageTitle(page)).arg(count) : pageTitle(page));
}

} // namespace baton::ui
