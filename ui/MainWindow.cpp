#include "MainWindow.h"

#include "AppActions.h"
#include "ArrivalWatch.h"
#include "ConsoleContext.h"
#include "ImportController.h"
#include "ImportRunner.h"
#include "PlainText.h"
#include "Resources.h"
#include "Settings.h"
#include "StoreWatcher.h"
#include "models/Labels.h"
#include "pages/AuditPage.h"
#include "pages/ContractsPage.h"
#include "pages/DashboardPage.h"
#include "pages/DataPage.h"
#include "pages/InboxPage.h"
#include "pages/LineagePage.h"
#include "pages/ModelsPage.h"
#include "pages/OutboxPage.h"
#include "pages/PlaceholderPage.h"
#include "pages/SettingsPage.h"
#include "store/Engine.h"
#include "store/StoreName.h"
#include "store/postgres/PgSql.h"
#include "widgets/NavigationList.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <utility>

namespace baton::ui {

MainWindow::MainWindow(ConsoleContext &context, const Runners &runners, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_runners(runners), m_actions(new AppActions(this)),
      m_imports(
          new ImportController(runners.imports, context.fileDialogs(), context.settings(), this)),
      m_navigation(new NavigationList(this)), m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    showWhoActsInTitle();
    connect(&m_context, &ConsoleContext::actorChanged, this, [this] { showWhoActsInTitle(); });
    setWindowIcon(appIcon());
    m_imports->setDialogParent(this);

    m_actions->populateMenuBar(menuBar());
    // Shortcuts work from anywhere in the window, also with the menu bar hidden.
    addAction(m_actions->quit());

    buildPages();
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    // A team database's address as given, but never a password someone wrote into it.
    const std::string location = context.storePath().toStdString();
    auto *storeLabel =
        new QLabel(store::isPostgresLocation(location)
                       ? QString::fromStdString(store::pg::redactedLocation(location))
                       : QDir::toNativeSeparators(context.storePath()),
                   this);
    storeLabel->setObjectName(QStringLiteral("storePath"));
    storeLabel->setToolTip(tr("The store this window shows"));
    storeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(storeLabel);

    connect(m_navigation, &NavigationList::pageRequested, this, &MainWindow::showPage);
    connect(m_actions, &AppActions::pageRequested, this, &MainWindow::showPage);
    connect(m_actions->quit(), &QAction::triggered, this, &QWidget::close);
    connect(m_actions->importFiles(), &QAction::triggered, this, [this] {
        showPage(PageId::Data);
        m_imports->chooseAndImport();
    });
    connect(m_actions->refresh(), &QAction::triggered, this, &MainWindow::refreshAll);
    connect(m_imports, &ImportController::started, this,
            [this] { m_actions->importFiles()->setEnabled(false); });
    connect(m_imports, &ImportController::finished, this,
            [this] { m_actions->importFiles()->setEnabled(true); });
    connect(m_dataPage, &DataPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    // Whoever the Settings page chooses acts on every page from now on: each follows the
    // context's actor.
    connect(m_settingsPage, &SettingsPage::userChanged, &m_context, &ConsoleContext::setUser);
    m_watcher = new StoreWatcher(m_context, this);
    m_arrivals = new ArrivalWatch(m_context, this);
    connect(m_watcher, &StoreWatcher::changed, this, &MainWindow::storeChanged);
    connect(m_watcher, &StoreWatcher::pollFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_arrivals, &ArrivalWatch::waitingChanged, this,
            [this](qint64 waiting) { m_navigation->setCount(PageId::Inbox, waiting); });
    m_navigation->setCount(PageId::Inbox, m_arrivals->waiting());
    restoreSettings();
    showLabelsAsPlainText(this);
}

MainWindow::~MainWindow() = default;

// Whose window it is and on which store, so two consoles side by side (a rep's, a
// manager's) are told apart in the task bar.
void MainWindow::showWhoActsInTitle()
{
    const QString file =
        QString::fromStdString(store::storeDisplayName(m_context.storePath().toStdString()));
    const bool demo = m_context.isDemoStore();
    const auto &actor = m_context.actor();
    if (!actor) {
        setWindowTitle(demo ? tr("Baton — %1 (demo store: act as any demo profile)").arg(file)
                            : tr("Baton — %1").arg(file));
        return;
    }
    const QString who = QString::fromStdString(actor->name.empty() ? actor->user : actor->name);
    setWindowTitle(demo ? tr("Baton — %1 (%2) — demo store").arg(who, label(actor->role))
                        : tr("Baton — %1 (%2) — %3").arg(who, label(actor->role), file));
}

QWidget *MainWindow::buildReviewPage(PageId id)
{
    const auto status = [this](const QString &message) { statusBar()->showMessage(message, 5000); };
    if (id == PageId::Outbox) {
        m_outboxPage = new OutboxPage(m_context, m_stack);
        m_outboxPage->setPushRunner(m_runners.push);
        connect(m_outboxPage, &OutboxPage::statusMessage, this, status);
        return m_outboxPage;
    }
    const bool inbox = id == PageId::Inbox;
    auto *page = new InboxPage(inbox ? InboxPage::Mode::Inbox : InboxPage::Mode::Escalations,
                               m_context, m_stack);
    (inbox ? m_inboxPage : m_escalationsPage) = page;
    if (!inbox)
        page->setPipelineRunner(m_runners.pipeline);
    connect(page, &InboxPage::statusMessage, this, status);
    connect(page, &InboxPage::lineageRequested, this, &MainWindow::showLineage);
    return page;
}

void MainWindow::buildPages()
{
    for (PageId id : kAllPages) {
        QWidget *widget = nullptr;
        if (id == PageId::Inbox || id == PageId::Escalations || id == PageId::Outbox) {
            widget = buildReviewPage(id);
        } else if (id == PageId::Audit) {
            widget = m_auditPage = new AuditPage(m_context, m_stack);
        } else if (id == PageId::Contracts) {
            widget = m_contractsPage = new ContractsPage(m_context, m_stack);
        } else if (id == PageId::Lineage) {
            widget = m_lineagePage = new LineagePage(m_context, m_stack);
        } else if (id == PageId::Dashboard) {
            m_dashboardPage = new DashboardPage(m_context, m_stack);
            connect(m_dashboardPage, &DashboardPage::statusMessage, this,
                    [this](const QString &message) { statusBar()->showMessage(message, 5000); });
            widget = m_dashboardPage;
        } else if (id == PageId::Settings) {
            widget = m_settingsPage = new SettingsPage(m_context, m_stack);
        } else if (id == PageId::Models) {
            m_modelsPage = new ModelsPage(m_context, m_stack);
            connect(m_modelsPage, &ModelsPage::statusMessage, this,
                    [this](const QString &message) { statusBar()->showMessage(message, 5000); });
            widget = m_modelsPage;
        } else if (id == PageId::Data) {
            widget = m_dataPage = new DataPage(
                m_context, *m_imports, {m_actions->importFiles(), m_actions->refresh()}, m_stack);
        } else {
            widget = new PlaceholderPage(id, m_stack);
        }
        m_pages[static_cast<std::size_t>(id)] = widget;
        m_stack->addWidget(widget);
    }
}

void MainWindow::showLineage(qint64 briefId)
{
    // Pages are built in order: the inbox's signal may come before the lineage page exists.
    if (!m_lineagePage)
        return;
    showPage(PageId::Lineage);
    m_lineagePage->showBrief(briefId);
}

namespace {

// The areas of the store each page reads.
unsigned long areasOf(PageId page)
{
    using store::StoreArea;
    const auto bits = [](std::initializer_list<StoreArea> areas) {
        store::StoreAreas out;
        for (StoreArea a : areas)
            out.set(store::areaBit(a));
        return out.to_ulong();
    };
    switch (page) {
    case PageId::Inbox:
    case PageId::Escalations:
        return bits({StoreArea::Briefs, StoreArea::Outbox}); // a push moves a brief's status
    case PageId::Outbox:
        return bits({StoreArea::Outbox});
    case PageId::Audit:
        return bits({StoreArea::Audit});
    case PageId::Contracts:
    case PageId::Data:
        return bits({StoreArea::Ingest});
    case PageId::Lineage:
        return bits({StoreArea::Briefs, StoreArea::Outbox, StoreArea::Ingest});
    case PageId::Dashboard:
        return store::StoreAreas().set().to_ulong();
    case PageId::Settings:
    case PageId::Models: // the deployment is a setting; its page refreshes on F5
        break;
    }
    return 0;
}

} // namespace

void MainWindow::storeChanged(unsigned long areas)
{
    if (areas & areasOf(PageId::Inbox))
        m_arrivals->check();
    for (PageId id : kAllPages)
        if (areas & areasOf(id))
            m_stale[static_cast<std::size_t>(id)] = true;
    refreshIfStale(currentPage());
}

void MainWindow::refreshAll()
{
    m_stale.fill(true);
    m_arrivals->check();
    refreshIfStale(currentPage());
}

void MainWindow::refreshIfStale(PageId page)
{
    if (!std::exchange(m_stale[static_cast<std::size_t>(page)], false))
        return;
    refreshPage(page);
}

void MainWindow::refreshPage(PageId page)
{
    switch (page) {
    case PageId::Inbox:
        m_inboxPage->reload();
        break;
    case PageId::Escalations:
        m_escalationsPage->reload();
        break;
    case PageId::Outbox:
        m_outboxPage->refresh();
        break;
    case PageId::Audit:
        // The list only: the page verifies the whole chain when it is shown (and on "Verify
        // again"), on the ui thread; doing it at every change, or twice on showing, would
        // stall the window on a long chain.
        m_auditPage->reload();
        break;
    case PageId::Dashboard:
        m_dashboardPage->refresh();
        break;
    case PageId::Contracts:
        m_contractsPage->refresh();
        break;
    case PageId::Data:
        m_dataPage->refresh();
        break;
    case PageId::Lineage:
        m_lineagePage->refresh();
        break;
    case PageId::Models:
        m_modelsPage->refresh();
        break;
    case PageId::Settings:
        break; // reads nothing that changes under it
    }
}

void MainWindow::showPage(PageId page)
{
    m_stack->setCurrentWidget(this->page(page));
    refreshIfStale(page);
    if (m_navigation->currentRow() != static_cast<int>(page))
        m_navigation->setCurrentPage(page); // re-enters here once, then stops
    m_actions->goTo(page)->setChecked(true);
}

PageId MainWindow::currentPage() const
{
    const int index = m_stack->currentIndex();
    return index >= 0 && index < kPageCount ? kAllPages[static_cast<std::size_t>(index)]
                                            : PageId::Data;
}

void MainWindow::restoreSettings()
{
    const Settings &settings = m_context.settings();
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1280, 800);
    restoreState(settings.windowState());
    showPage(static_cast<PageId>(settings.lastPage()));
}

void MainWindow::saveSettings()
{
    Settings &settings = m_context.settings();
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setLastPage(static_cast<int>(currentPage()));
    settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A running import stops where it is; importing the file again completes it.
    if (m_imports->isRunning())
        m_imports->cancel();
    saveSettings();
    event->accept();
}

} // namespace baton::ui
