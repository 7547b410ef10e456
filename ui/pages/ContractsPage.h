#pragma once

#include "telemetry/ContractReport.h"

#include <QFutureWatcher>
#include <QWidget>
#include <functional>

QT_BEGIN_NAMESPACE
class QLabel;
class QTableWidget;
QT_END_NAMESPACE

namespace baton::ui {

// Every contract and version with its status (active, deprecated since, sunset at) and the
// version to move to, the records seen under each, the fields records brought that their
// contract does not declare (drift), and violations per field and day with their rate.
// Read off the ui thread by `load` (its own connection).
class ContractsPage : public QWidget
{
    Q_OBJECT

public:
    using Load = std::function<telemetry::ContractReport()>;

    explicit ContractsPage(Load load, QWidget *parent = nullptr);
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

    Load m_load;
    QLabel *m_state;
    QTableWidget *m_versions;
    QTableWidget *m_drift;
    QTableWidget *m_violations;
    QFutureWatcher<telemetry::ContractReport> m_watcher;
    bool m_shownOnce = false;
};

} // namespace baton::ui
