#include "AppActions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>

namespace baton::ui {

AppActions::AppActions(QObject *parent)
    : QObject(parent), m_importFiles(new QAction(tr("&Import files…"), this)),
      m_refresh(new QAction(tr("&Refresh"), this)), m_quit(new QAction(tr("&Quit"), this)),
      m_pages(new QActionGroup(this))
{
    m_importFiles->setObjectName(QStringLiteral("actionImportFiles"));
    m_importFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importFiles->setStatusTip(
        tr("Import HubSpot, Marketo or Baton JSONL files into the store through their contracts"));
    m_refresh->setObjectName(QStringLiteral("actionRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setStatusTip(tr("Read the shown data again from the store"));
    m_quit->setObjectName(QStringLiteral("actionQuit"));
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quit->setMenuRole(QAction::QuitRole);
    if (QStyle *style = QApplication::style()) {
        m_importFiles->setIcon(style->standardIcon(QStyle::SP_DialogOpenButton));
        m_refresh->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    }

    m_pages->setExclusive(true);
    for (int i = 0; i < kPageCount; ++i) {
        const PageId page = kAllPages[static_cast<std::size_t>(i)];
        auto *action = new QAction(pageTitle(page), m_pages);
        action->setObjectName(QStringLiteral("actionGoTo_") + pageKey(page));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(pageShortcutKey(i))));
        action->setStatusTip(pageDescription(page));
        connect(action, &QAction::triggered, this, [this, page] { emit pageRequested(page); });
        m_goTo[static_cast<std::size_t>(i)] = action;
    }
}

void AppActions::populateMenuBar(QMenuBar *menuBar) const
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->addAction(m_importFiles);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *view = menuBar->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addSeparator();
    for (QAction *action : m_goTo)
        view->addAction(action);
}

} // namespace baton::ui
