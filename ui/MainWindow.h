#pragma once

#include "pages/PageCatalog.h"

#include <QMainWindow>
#include <array>

class QLabel;
class QStackedWidget;

namespace baton::ui {

class AppActions;
class ArrivalWatch;
class AuditPage;
class ConsoleContext;
class OutboxPage;
class DashboardPage;
class ContractsPage;
class ModelsPage;
class LineagePage;
class DataPage;
class SettingsPage;
class InboxPage;
class ImportController;
class ImportRunner;
class NavigationList;
class PipelineRunner;
class PushRunner;
class StoreWatcher;

// The console's frame: navigation on the left, the current page beside it, the store in
// the status bar. Pages do their own work with what the context gives them; this only
// assembles and switches them, and hands them the background runners.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The work the window starts in the background. Owned by the composition root, like
    // the context, and outliving the window.
    struct Runners
    {
        ImportRunner &imports;
        PipelineRunner *pipeline; // re-runs for escalations; null: not offered
        PushRunner *push;         // delivers the CRM outbox; null: only `baton push` does
    };

    MainWindow(ConsoleContext &context, const Runners &runners, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The lineage page, on that brief (L in the inbox).
    void showLineage(qint64 briefId);
    void showPage(PageId page);
    PageId currentPage() const;

    AppActions *appActions() const { return m_actions; }
    ImportController *importController() const { return m_imports; }
    DataPage *dataPage() const { return m_dataPage; }
    InboxPage *inboxPage() const { return m_inboxPage; }
    InboxPage *escalationsPage() const { return m_escalationsPage; }
    AuditPage *auditPage() const { return m_auditPage; }
    OutboxPage *outboxPage() const { return m_outboxPage; }
    DashboardPage *dashboardPage() const { return m_dashboardPage; }
    ContractsPage *contractsPage() const { return m_contractsPage; }
    ModelsPage *modelsPage() const { return m_modelsPage; }
    LineagePage *lineagePage() const { return m_lineagePage; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    QWidget *page(PageId page) const { return m_pages[static_cast<std::size_t>(page)]; }
    StoreWatcher *storeWatcher() const { return m_watcher; }
    NavigationList *navigation() const { return m_navigation; }
    // F5: the page shown reads the store again now, every other page when next shown.
    void refreshAll();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    QWidget *buildReviewPage(PageId id);
    void restoreSettings();
    void showWhoActsInTitle();
    // Live views: a change to the areas a page reads refreshes it now if it is shown, else
    // when it is next shown.
    void storeChanged(unsigned long areas);
    void refreshIfStale(PageId page);
    void refreshPage(PageId page);
    void saveSettings();

    ConsoleContext &m_context;
    Runners m_runners;
    AppActions *m_actions;
    ImportController *m_imports;
    NavigationList *m_navigation;
    QStackedWidget *m_stack;
    DataPage *m_dataPage = nullptr;
    InboxPage *m_inboxPage = nullptr;
    InboxPage *m_escalationsPage = nullptr;
    AuditPage *m_auditPage = nullptr;
    DashboardPage *m_dashboardPage = nullptr;
    ContractsPage *m_contractsPage = nullptr;
    LineagePage *m_lineagePage = nullptr;
    OutboxPage *m_outboxPage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    ModelsPage *m_modelsPage = nullptr;
    std::array<QWidget *, kPageCount> m_pages{};
    StoreWatcher *m_watcher = nullptr;
    ArrivalWatch *m_arrivals = nullptr;
    std::array<bool, kPageCount> m_stale{};
};

} // namespace baton::ui
