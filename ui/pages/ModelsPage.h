#pragma once

#include "scoring/ModelCatalog.h"

#include <QFutureWatcher>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
QT_END_NAMESPACE

namespace baton::ui {

class ConsoleContext;
class ModelVersionsModel;
class ShapeCharts;

// The scoring versions fitted on the team's leads, with their held-out figures; for the one
// selected, its calibration and each feature's importance and learned shape; the live
// version and the canary, and, for marketing ops and admins, canary, promote and roll back.
// Read off the ui thread (ConsoleContext::modelCatalog).
class ModelsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ModelsPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~ModelsPage() override;

    void refresh();
    QTableView *versions() const { return m_versions; }
    QTableWidget *features() const { return m_features; }
    ModelVersionsModel *model() const { return m_model; }
    QSpinBox *canaryShare() const { return m_share; }

signals:
    void refreshed();
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildActions();
    void present(scoring::ModelCatalog catalog);
    void showVersion();
    void showFeature();
    void updateActions();
    const scoring::ModelEntry *selected() const;
    enum class Deploy
    {
        Canary,
        Promote,
        Rollback
    };
    void deploy(Deploy what);

    ConsoleContext &m_context;
    QLabel *m_state;
    ModelVersionsModel *m_model;
    QTableView *m_versions;
    QTableWidget *m_features;
    ShapeCharts *m_charts;
    QSpinBox *m_share = nullptr;
    QPushButton *m_canary = nullptr, *m_promote = nullptr, *m_rollback = nullptr;
    QFutureWatcher<scoring::ModelCatalog> m_watcher;
    bool m_shownOnce = false;
};

} // namespace baton::ui
