#pragma once

#include "pages/PageCatalog.h"

#include <QObject>

#include <array>

class QAction;
class QActionGroup;
class QMenuBar;

namespace baton::ui {

// The window's commands, created once and shared by menus, tool bar and pages. Holds no
// behaviour: whoever owns a command connects to its action's triggered().
class AppActions : public QObject
{
    Q_OBJECT

public:
    explicit AppActions(QObject *parent = nullptr);

    QAction *importFiles() const { return m_importFiles; }
    QAction *refresh() const { return m_refresh; }
    QAction *quit() const { return m_quit; }
    // "Go to <page>", Ctrl+1 .. Ctrl+9 in navigation order; checkable, one checked.
    QAction *goTo(PageId page) const { return m_goTo[static_cast<std::size_t>(page)]; }

    void populateMenuBar(QMenuBar *menuBar) const;

signals:
    void pageRequested(baton::ui::PageId page);

private:
    QAction *m_importFiles;
    QAction *m_refresh;
    QAction *m_quit;
    QActionGroup *m_pages;
    std::array<QAction *, kPageCount> m_goTo{};
};

} // namespace baton::ui
