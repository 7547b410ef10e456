#include "MainWindow.h"
#include "PlainText.h"

#include "AppActions.h"
#include "ImportController.h"
#include "ImportRunner.h"
#include "Resources.h"
#include "Settings.h"
#include "agents/Policy.h"
#include "governance/Permissions.h"
#include "pages/AuditPage.h"
#include "pages/ContractsPage.h"
#include "pages/DashboardPage.h"
#include "pages/DataPage.h"
#include "pages/InboxPage.h"
#include "pages/LineagePage.h"
#include "pages/OutboxPage.h"
#include "pages/PlaceholderPage.h"
#include "pages/SettingsPage.h"
#include "store/Database.h"
#include "telemetry/Kpis.h"
#include "widgets/NavigationList.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace baton::ui {

MainWindow::MainWindow(const UiContext &context, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_actions(new AppActions(this)),
      m_imports(
          new ImportController(context.importRunner, context.fileDialogs, context.settings, this)),
      m_navigation(new NavigationList(this)), m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(context.demoStore
                       ? tr("Baton — %1 (demo store: act as any demo profile)")
                             .arg(QFileInfo(context.storePath).fileName())
                       : tr("Baton — %1").arg(QFileInfo(context.storePath).fileName()));
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

    auto *storeLabel = new QLabel(QDir::toNativeSeparators(context.storePath), this);
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
    connect(m_actions->refresh(), &QAction::triggered, m_dataPage, &DataPage::refresh);
    connect(m_imports, &ImportController::started, this,
            [this] { m_actions->importFiles()->setEnabled(false); });
    connect(m_imports, &ImportController::finished, this,
            [this] { m_actions->importFiles()->setEnabled(true); });
    connect(m_dataPage, &DataPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message); });

    for (InboxPage *p : {m_inboxPage, m_escalationsPage})
        connect(m_settingsPage, &SettingsPage::userChanged, p, &InboxPage::setUser);
    connect(m_settingsPage, &SettingsPage::userChanged, m_outboxPage, &OutboxPage::setUser);
    // After the inbox has resolved who acts: what they may read elsewhere follows.
    connect(m_settingsPage, &SettingsPage::userChanged, this, &MainWindow::applyViewer);
    applyViewer();
    restoreSettings();
    showLabelsAsPlainText(this);
}

MainWindow::~MainWindow() = default;

void MainWindow::applyViewer()
{
    const auto &viewer = m_inboxPage->actor();
    if (m_lineagePage)
        m_lineagePage->setViewer(viewer);
    if (m_auditPage)
        m_auditPage->setAllowed(viewer &&
                                governance::grant(viewer->role, governance::Action::ViewAudit) !=
                                    governance::Grant::No);
}

void MainWindow::buildPages()
{
    for (PageId id : kAllPages) {
        QWidget *widget = nullptr;
        if (id == PageId::Inbox) {
            m_inboxPage = new InboxPage(InboxPage::Mode::Inbox, m_context.db, m_context.registry,
                                        m_context.messageBoxes, m_context.reviewDialogs,
                                        m_context.user, m_context.osAccount, m_stack);
            connect(m_inboxPage, &InboxPage::statusMessage, this,
                    [this](const QString &message) { statusBar()->showMessage(message, 5000); });
            connect(m_inboxPage, &InboxPage::lineageRequested, this, &MainWindow::showLineage);
            widget = m_inboxPage;
        } else if (id == PageId::Escalations) {
            m_escalationsPage =
                new InboxPage(InboxPage::Mode::Escalations, m_context.db, m_context.registry,
                              m_context.messageBoxes, m_context.reviewDialogs, m_context.user,
                              m_context.osAccount, m_stack);
            m_escalationsPage->setPipelineRunner(m_context.pipelineRunner);
            connect(m_escalationsPage, &InboxPage::statusMessage, this,
                    [this](const QString &message) { statusBar()->showMessage(message, 5000); });
            connect(m_escalationsPage, &InboxPage::lineageRequested, this,
                    &MainWindow::showLineage);
            widget = m_escalationsPage;
        } else if (id == PageId::Audit) {
            m_auditPage = new AuditPage(m_context.db, m_stack);
            widget = m_auditPage;
        } else if (id == PageId::Outbox) {
            m_outboxPage = new OutboxPage(m_context.db, m_context.registry, m_context.messageBoxes,
                                          m_context.reviewDialogs, m_context.user,
                                          m_context.osAccount, m_stack);
            m_outboxPage->setPushRunner(m_context.pushRunner);
            connect(m_outboxPage, &OutboxPage::statusMessage, this,
                    [this](const QString &message) { statusBar()->showMessage(message, 5000); });
            widget = m_outboxPage;
        } else if (id == PageId::Contracts) {
            auto load = [path = m_context.storePath.toStdString(), &registry = m_context.registry] {
                auto db = store::Database::open(
                    path, {.readOnly = true, .create = false, .quickCheck = false});
                return telemetry::contractReport(db, registry, std::chrono::system_clock::now());
            };
            m_contractsPage = new ContractsPage(load, m_stack);
            widget = m_contractsPage;
        } else if (id == PageId::Lineage) {
            m_lineagePage = new LineagePage(m_context.db, m_stack);
            widget = m_lineagePage;
        } else if (id == PageId::Dashboard) {
            // Its own read-only connection, on the pool thread that computes.
            // The policy's heartbeat limits (the built-in policy's, as the console runs it).
            telemetry::HeartbeatLimits limits;
            try {
                const auto policy = agents::defaultPolicy(m_context.registry);
                limits = {policy.heartbeats.syncHours, policy.heartbeats.enrichmentHours};
            } catch (const std::exception &) {
                // the defaults stand; the pipeline reports a broken policy where it runs
            }
            auto compute = [path = m_context.storePath.toStdString(),
                            limits](const std::string &from, const std::string &to) {
                auto db = store::Database::open(
                    path, {.readOnly = true, .create = false, .quickCheck = false});
                return telemetry::computeKpis(
                    db, from, to,
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString(),
                    limits);
            };
            m_dashboardPage =
                new DashboardPage(compute, m_context.fileDialogs, m_context.messageBoxes, m_stack);
            connect(m_dashboardPage, &DashboardPage::statusMessage, this,
                    [this](const QString &message) { statusBar()->showMessage(message, 5000); });
            widget = m_dashboardPage;
        } else if (id == PageId::Settings) {
            m_settingsPage =
                new SettingsPage(m_context.db, m_context.settings, m_context.user, m_stack);
            widget = m_settingsPage;
        } else if (id == PageId::Data) {
            m_dataPage = new DataPage(m_context.db, *m_imports, m_context.settings,
                                      {m_actions->importFiles(), m_actions->refresh()}, m_stack);
            widget = m_dataPage;
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

void MainWindow::showPage(PageId page)
{
    m_stack->setCurrentWidget(this->page(page));
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
    const Settings &settings = m_context.settings;
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1280, 800);
    restoreState(settings.windowState());
    showPage(static_cast<PageId>(settings.lastPage()));
}

void MainWindow::saveSettings()
{
    Settings &settings = m_context.settings;
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
