#pragma once

#include "telemetry/ContractReport.h"

#include <QFutureWatcher>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTableWidget;
QT_END_NAMESPACE

namespace baton::ui {

class ConsoleContext;

// Every contract and version with its status (active, deprecated since, sunset at) and the
// version to move to, the records seen under each, the fields records brought that their
// contract does not declare (drift), and violations per field and day with their rate.
// Read off the ui thread, on a connection of its own (ConsoleContext::contractReport).
class ContractsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ContractsPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~ContractsPage() override;

    void refresh();
    QTableWidget *versions() const { return m_versions; }
    QTableWidget *drift() const { return m_drift; }
    QTableWidget *violations() const { return m_violations; }

signals:
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void present(const telemetry::ContractReport &report);

    ConsoleContext &m_context;
    QLabel *m_state;
    QTableWidget *m_versions;
    QTableWidget *m_drift;
    QTableWidget *m_violations;
    QFutureWatcher<telemetry::ContractReport> m_watcher;
    bool m_shownOnce = false;
};

} // namespace baton::ui
