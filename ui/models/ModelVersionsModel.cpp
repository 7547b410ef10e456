#include "models/ModelVersionsModel.h"

#include "models/DisplayFormat.h"

namespace baton::ui {

namespace {

double reportFigure(const scoring::ModelEntry &e, const char *key)
{
    if (!e.candidate)
        return -1;
    const auto &test = e.candidate->report.value("test", nlohmann::json::object());
    const auto it = test.find(key);
    return it != test.end() && it->is_number() ? it->get<double>() : -1;
}

} // namespace

ModelVersionsModel::ModelVersionsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ModelVersionsModel::setCatalog(scoring::ModelCatalog catalog)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    endResetModel();
}

const scoring::ModelEntry *ModelVersionsModel::entryAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_catalog.models[static_cast<std::size_t>(row)]
                                        : nullptr;
}

int ModelVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_catalog.models.size());
}

int ModelVersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ModelVersionsModel::status(const scoring::ModelEntry &e) const
{
    const auto &d = m_catalog.deployment;
    if (e.version == d.live)
        return tr("Live");
    if (e.version == d.canary)
        return tr("Canary on %1").arg(percentText(d.canaryShare, 0));
    return e.candidate ? tr("Candidate") : tr("Fitted (logistic)");
}

QVariant ModelVersionsModel::data(const QModelIndex &index, int role) const
{
    const auto *e = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!e || (role != Qt::DisplayRole && role != Qt::TextAlignmentRole))
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Version || index.column() == Created || index.column() == Status
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const auto figure = [](double v) { return v < 0 ? QString() : QString::number(v, 'f', 3); };
    switch (static_cast<Column>(index.column())) {
    case Version:
        return qs(e->version);
    case Created:
        return qs(e->createdAt).left(10);
    case Auc:
        return figure(e->auc);
    case Baseline:
        return figure(e->baselineAuc);
    case LogLoss:
        return figure(reportFigure(*e, "log_loss"));
    case Brier:
        return figure(reportFigure(*e, "brier"));
    case Train:
        return countText(e->train);
    case Test:
        return countText(e->test);
    case Qualifies:
        return e->candidate ? percentText(e->candidate->threshold.expectedShare, 1) : QString();
    case Status:
        return status(*e);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ModelVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Version:
        return tr("Version");
    case Created:
        return tr("Fitted");
    case Auc:
        return tr("Held-out AUC");
    case Baseline:
        return tr("Baseline AUC");
    case LogLoss:
        return tr("Log loss");
    case Brier:
        return tr("Brier");
    case Train:
        return tr("Leads fitted");
    case Test:
        return tr("Held out");
    case Qualifies:
        return tr("Qualifies");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace baton::ui
