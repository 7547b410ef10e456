#pragma once

#include "pages/PageCatalog.h"

#include <QListWidget>

namespace baton::ui {

// The list of pages down the left of the main window.
class NavigationList : public QListWidget
{
    Q_OBJECT

public:
    explicit NavigationList(QWidget *parent = nullptr);

    void setCurrentPage(PageId page);
    PageId currentPage() const;
    // A count beside a page's title ("Inbox (3)"); 0 shows the title alone.
    void setCount(PageId page, qint64 count);

signals:
    void pageRequested(baton::ui::PageId page);
};

} // namespace baton::ui
