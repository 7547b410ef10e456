#pragma once

#include "UiContext.h"
#include "pages/PageCatalog.h"

#include <QMainWindow>
#include <array>

class QLabel;
class QStackedWidget;

namespace baton::ui {

class AppActions;
class AuditPage;
class OutboxPage;
class DashboardPage;
class ContractsPage;
class LineagePage;
class DataPage;
class SettingsPage;
class InboxPage;
class ImportController;
class NavigationList;

// The console's frame: navigation on the left, the current page beside it, the store in
// the status bar. Pages do their own work; this only assembles and switches them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const UiContext &context, QWidget *parent = nullptr);
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
    LineagePage *lineagePage() const { return m_lineagePage; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    QWidget *page(PageId page) const { return m_pages[static_cast<std::size_t>(page)]; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Who acts now (as the inbox resolved it) decides what the lineage and audit pages show.
    void applyViewer();
    void buildPages();
    void restoreSettings();
    void saveSettings();

    UiContext m_context;
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
    std::array<QWidget *, kPageCount> m_pages{};
};

} // namespace baton::ui
