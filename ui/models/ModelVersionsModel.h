#pragma once

#include "scoring/ModelCatalog.h"

#include <QAbstractTableModel>

namespace baton::ui {

// The saved scoring versions, newest first, with their held-out figures and whether each is
// live or in a canary. Few rows (one per fit): held whole, not paged.
class ModelVersionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Version,
        Created,
        Auc,
        Baseline,
        LogLoss,
        Brier,
        Train,
        Test,
        Qualifies,
        Status,
        ColumnCount
    };

    explicit ModelVersionsModel(QObject *parent = nullptr);

    void setCatalog(scoring::ModelCatalog catalog);
    const scoring::ModelCatalog &catalog() const { return m_catalog; }
    const scoring::ModelEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString status(const scoring::ModelEntry &entry) const;

    scoring::ModelCatalog m_catalog;
};

} // namespace baton::ui
