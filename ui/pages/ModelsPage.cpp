#include "pages/ModelsPage.h"

#include "ConsoleContext.h"
#include "MessageBoxes.h"
#include "PlainText.h"
#include "models/DisplayFormat.h"
#include "models/ModelVersionsModel.h"
#include "ports/Clock.h"
#include "widgets/ShapeCharts.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace baton::ui {

ModelsPage::ModelsPage(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_state(new QLabel(this)),
      m_model(new ModelVersionsModel(this)), m_versions(new QTableView(this)),
      m_features(new QTableWidget(0, 3, this)), m_charts(new ShapeCharts(this))
{
    setObjectName(QStringLiteral("modelsPage"));
    m_versions->setObjectName(QStringLiteral("modelVersions"));
    m_versions->setModel(m_model);
    m_versions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versions->verticalHeader()->hide();
    m_versions->horizontalHeader()->setStretchLastSection(true);
    m_features->setObjectName(QStringLiteral("modelFeatures"));
    m_features->setHorizontalHeaderLabels(
        {tr("Feature"), tr("Importance (points)"), tr("Held-out AUC alone")});
    m_features->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_features->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_features->setSelectionMode(QAbstractItemView::SingleSelection);
    m_features->verticalHeader()->hide();
    m_features->horizontalHeader()->setStretchLastSection(true);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_versions);
    left->addWidget(m_features);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_charts);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // The tables' wide hints would leave the charts a third of that: their bins' names need it.
    split->setSizes({600, 400});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildActions());
    layout->addWidget(split, 1);

    connect(m_versions->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ModelsPage::showVersion);
    connect(m_features, &QTableWidget::currentCellChanged, this, &ModelsPage::showFeature);
    connect(&m_context, &ConsoleContext::actorChanged, this, &ModelsPage::updateActions);
    connect(&m_watcher, &QFutureWatcher<scoring::ModelCatalog>::finished, this, [this] {
        try {
            present(m_watcher.result());
        } catch (const std::exception &e) {
            m_state->setText(
                tr("The scoring versions could not be read: %1").arg(QString::fromUtf8(e.what())));
        }
        emit refreshed();
    });
    showLabelsAsPlainText(this);
    updateActions();
}

ModelsPage::~ModelsPage()
{
    m_watcher.waitForFinished();
}

QWidget *ModelsPage::buildActions()
{
    auto *bar = new QWidget(this);
    auto *refresh = new QPushButton(tr("&Refresh"), bar);
    refresh->setShortcut(QKeySequence::Refresh);
    m_share = new QSpinBox(bar);
    m_share->setObjectName(QStringLiteral("canaryShare"));
    m_share->setRange(0, 100);
    m_share->setValue(10);
    m_share->setSuffix(QStringLiteral(" %"));
    m_share->setToolTip(tr("The share of leads the canary sends to the selected version (0 "
                           "ends the canary)"));
    m_canary = new QPushButton(tr("&Canary"), bar);
    m_canary->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_promote = new QPushButton(tr("&Promote"), bar);
    m_promote->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_rollback = new QPushButton(tr("Roll &back"), bar);
    m_rollback->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    for (auto [button, tip] : {std::pair{m_canary, tr("Score the canary's share of leads with "
                                                      "the selected version (Ctrl+Shift+C)")},
                               std::pair{m_promote, tr("Make the selected version the one every "
                                                       "run scores with (Ctrl+Shift+P)")},
                               std::pair{m_rollback, tr("Go back to the version live before "
                                                        "this one (Ctrl+Shift+B)")}})
        button->setToolTip(tip);
    auto *l = new QHBoxLayout(bar);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(refresh);
    l->addWidget(m_state, 1);
    l->addWidget(new QLabel(tr("Canary share:"), bar));
    l->addWidget(m_share);
    l->addWidget(m_canary);
    l->addWidget(m_promote);
    l->addWidget(m_rollback);
    connect(refresh, &QPushButton::clicked, this, &ModelsPage::refresh);
    connect(m_canary, &QPushButton::clicked, this, [this] { deploy(Deploy::Canary); });
    connect(m_promote, &QPushButton::clicked, this, [this] { deploy(Deploy::Promote); });
    connect(m_rollback, &QPushButton::clicked, this, [this] { deploy(Deploy::Rollback); });
    return bar;
}

void ModelsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        refresh();
    }
}

void ModelsPage::refresh()
{
    if (m_watcher.isRunning())
        return;
    m_state->setText(tr("Reading…"));
    m_watcher.setFuture(
        QtConcurrent::run([&context = m_context] { return context.modelCatalog(); }));
}

void ModelsPage::present(scoring::ModelCatalog catalog)
{
    const QString before = selected() ? qs(selected()->version) : QString();
    const auto &d = catalog.deployment;
    QString state = tr("Live: %1").arg(d.live.empty() ? tr("the policy's points") : qs(d.live));
    if (!d.canary.empty())
        state += tr("; canary %1 on %2 of leads").arg(qs(d.canary), percentText(d.canaryShare, 0));
    m_model->setCatalog(std::move(catalog));
    m_versions->resizeColumnsToContents();
    int row = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (qs(m_model->entryAt(r)->version) == before)
            row = r;
    if (m_model->rowCount() > 0)
        m_versions->selectRow(row);
    else
        showVersion();
    m_state->setText(m_model->rowCount() == 0
                         ? tr("No scoring version fitted yet: baton model fit --additive")
                         : state);
    updateActions();
}

const scoring::ModelEntry *ModelsPage::selected() const
{
    return m_model->entryAt(m_versions->currentIndex().row());
}

void ModelsPage::showVersion()
{
    const auto *entry = selected();
    const auto *candidate = entry && entry->candidate ? &*entry->candidate : nullptr;
    m_charts->showCalibration(candidate);
    m_features->setRowCount(0);
    if (candidate) {
        const auto features = candidate->report.value("features", nlohmann::json::array());
        m_features->setRowCount(static_cast<int>(features.size()));
        int row = 0;
        for (const auto &f : features) {
            m_features->setItem(row, 0, new QTableWidgetItem(qs(f.value("name", ""))));
            m_features->setItem(
                row, 1, new QTableWidgetItem(QString::number(f.value("importance", 0.0), 'f', 1)));
            m_features->setItem(
                row, 2, new QTableWidgetItem(QString::number(f.value("auc_alone", 0.5), 'f', 3)));
            ++row;
        }
        m_features->resizeColumnsToContents();
        if (row > 0)
            m_features->setCurrentCell(0, 0);
    }
    showFeature();
    updateActions();
}

void ModelsPage::showFeature()
{
    const auto *entry = selected();
    const auto *item = m_features->item(m_features->currentRow(), 0);
    m_charts->showShape(entry && entry->candidate ? &*entry->candidate : nullptr,
                        item ? item->text().toStdString() : std::string());
}

void ModelsPage::updateActions()
{
    const auto &actor = m_context.actor();
    const bool may = actor && governance::grant(actor->role, governance::Action::ManageScoring) !=
                                  governance::Grant::No;
    const auto *entry = selected();
    const auto &d = m_model->catalog().deployment;
    m_canary->setEnabled(may && entry && entry->version != d.live);
    m_promote->setEnabled(may && entry && entry->version != d.live);
    m_rollback->setEnabled(may && !d.previous.empty());
    m_share->setEnabled(m_canary->isEnabled());
}

void ModelsPage::deploy(Deploy what)
{
    const auto &actor = m_context.actor();
    const auto *entry = selected();
    if (!actor || (what != Deploy::Rollback && !entry))
        return;
    scoring::ScoringDeployment deployment(m_context.db());
    const auto now = m_context.clock().now();
    try {
        if (what == Deploy::Canary)
            deployment.setCanary(*actor, entry->version, m_share->value() / 100.0, now);
        else if (what == Deploy::Promote)
            deployment.promote(*actor, entry->version, now);
        else
            deployment.rollback(*actor, now);
    } catch (const std::exception &e) {
        m_context.messageBoxes().critical(this, tr("Scoring version"), QString::fromUtf8(e.what()));
        return;
    }
    emit statusMessage(
        what == Deploy::Rollback ? tr("Rolled back the live scoring version")
        : what == Deploy::Promote
            ? tr("%1 is live: every run scores with it").arg(qs(entry->version))
            : tr("%1 scores %2 of leads")
                  .arg(qs(entry->version), percentText(m_share->value() / 100.0, 0)));
    refresh();
}

} // namespace baton::ui
