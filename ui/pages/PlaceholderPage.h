#pragma once

#include "pages/PageCatalog.h"

#include <QWidget>

namespace baton::ui {

// Stands in for a page that is not built yet and says so plainly, with what it will show.
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    explicit PlaceholderPage(PageId page, QWidget *parent = nullptr);
};

} // namespace baton::ui
