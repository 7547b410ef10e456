#include "models/InboxTableModel.h"

#include "PlainText.h"
#include "models/DisplayFormat.h"
#include "store/Database.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <filesystem>
#include <utility>

namespace baton::ui {

namespace {

constexpr review::InboxSort kSortOf[] = {
    review::InboxSort::Lead,   review::InboxSort::Company,  review::InboxSort::Priority,
    review::InboxSort::Score,  review::InboxSort::Priority, review::InboxSort::Sla,
    review::InboxSort::Status, review::InboxSort::Owner,    review::InboxSort::Age};
static_assert(std::size(kSortOf) == InboxTableModel::ColumnCount);

// The reasons a brief was escalated, one a line (stored as a JSON array of sentences).
QString reasonsText(const std::string &json)
{
    const QJsonArray reasons = QJsonDocument::fromJson(QByteArray::fromStdString(json)).array();
    if (reasons.isEmpty())
        return qs(json);
    QStringList lines;
    for (const auto &reason : reasons)
        lines << reason.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

struct InboxTableModel::Worker
{
    store::Database db;
    review::BriefQueries queries;
    explicit Worker(const QString &path)
        : db(store::Database::open(
              std::filesystem::path(path.toStdU16String()),
              {.readOnly = true, .create = false, .busyTimeoutMs = 5000, .quickCheck = false})),
          queries(db)
    {
    }
};

InboxTableModel::InboxTableModel(review::BriefQueries &queries, std::function<QDateTime()> now,
                                 QObject *parent)
    : PagedTableModel(ColumnCount, parent), m_queries(queries), m_now(std::move(now))
{
    m_pool.setMaxThreadCount(1); // the worker connection is used by one thread at a time
    connect(&m_watcher, &QFutureWatcher<Loaded>::finished, this, &InboxTableModel::loaded);
}

InboxTableModel::~InboxTableModel()
{
    m_pool.waitForDone(); // the worker connection outlives its last query
}

void InboxTableModel::useWorker(const QString &storePath)
{
    try {
        m_worker = std::make_shared<Worker>(storePath);
    } catch (const std::exception &e) {
        m_worker.reset(); // reads stay on the ui connection
        emit loadFailed(loadFailure(QString::fromUtf8(e.what())));
    }
}

void InboxTableModel::setFilterInBackground(const review::InboxFilter &filter)
{
    if (!m_worker) {
        setFilter(filter);
        return;
    }
    m_filter = filter;
    if (!m_loading) {
        m_loading = true;
        emit loading(true);
    }
    load(false);
}

void InboxTableModel::reloadInBackground()
{
    if (!m_worker) {
        refresh();
        emit reloaded();
        return;
    }
    if (m_loading) {
        m_reloadAfterLoad = true; // the search may have read the store before the change
        return;
    }
    load(true);
}

void InboxTableModel::load(bool quiet)
{
    m_filter.now = m_now().toString(Qt::ISODateWithMs).toStdString();
    const quint64 generation = ++m_generation;
    const auto worker = m_worker;
    const auto f = m_filter;
    const auto sort = m_sort;
    const bool descending = m_descending;
    // A reload reads what the view has loaded, so the rows scrolled to are still there.
    const int rows = quiet ? std::max(pageSize(), rowCount()) : pageSize();
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [=]() {
        Loaded out;
        out.generation = generation;
        out.quiet = quiet;
        try {
            out.total = worker->queries.count(f);
            out.rows = worker->queries.page(f, sort, descending, 0, rows);
        } catch (const std::exception &e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

void InboxTableModel::loaded()
{
    Loaded result = m_watcher.result();
    if (result.generation != m_generation)
        return; // a newer request is on its way
    if (result.quiet) {
        reloadQuietly(result);
        return;
    }
    // The first page read on the worker, put in place inside the reset.
    if (result.error.isEmpty())
        resetTo(result.total, std::move(result.rows));
    else
        resetTo(0, {});
    m_loading = false;
    emit loading(false);
    if (!result.error.isEmpty())
        emit loadFailed(loadFailure(result.error));
    if (std::exchange(m_reloadAfterLoad, false))
        load(true);
}

void InboxTableModel::reloadQuietly(Loaded &result)
{
    if (!result.error.isEmpty()) {
        emit loadFailed(loadFailure(result.error)); // what is shown stays
        return;
    }
    const auto sameBrief = [](const review::InboxRow &a, const review::InboxRow &b) {
        return a.id == b.id;
    };
    if (!replaceInPlace(result.total, result.rows, sameBrief)) {
        emit aboutToReload();
        resetTo(result.total, std::move(result.rows));
    }
    emit reloaded();
}

int InboxTableModel::rowOfBrief(qint64 briefId) const
{
    return findRow([briefId](const review::InboxRow &r) { return r.id == briefId; });
}

bool InboxTableModel::overdue(const review::InboxRow &r) const
{
    return review::isOpen(r.status) && utcTime(r.slaDue) < m_now();
}

QVariant InboxTableModel::display(const review::InboxRow &r, int column) const
{
    switch (static_cast<Column>(column)) {
    case LeadColumn:
        return qs(r.leadName);
    case CompanyColumn:
        return qs(r.company);
    case BandColumn:
        return qs(r.grid);
    case ScoreColumn:
        return QLocale().toString(r.score, 'f', 1);
    case PriorityColumn: {
        // A1 is the first call of the day; C3 the last.
        if (r.grid.size() != 2)
            return {};
        const int p = (r.grid[0] - 'A') * 3 + (r.grid[1] - '0');
        return QStringLiteral("P%1").arg(p);
    }
    case SlaColumn:
        return slaCountdown(utcTime(r.slaDue), m_now());
    case StatusColumn:
        return briefStatusText(r.status);
    case OwnerColumn:
        return m_personName ? m_personName(r.owner) : qs(r.owner);
    case AgeColumn: {
        const int hours = int(utcTime(r.createdAt).secsTo(m_now()) / 3600);
        const int days = hours / 24;
        return hours >= 48 ? tr("%n d", "", days) : tr("%n h", "", hours);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant InboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const review::InboxRow &r = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ForegroundRole:
        if (index.column() == SlaColumn && overdue(r))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SlaColumn)
            return tr("Due %1").arg(fullTime(r.slaDue));
        if (index.column() == OwnerColumn)
            return qs(r.owner);
        if (index.column() == AgeColumn)
            return tr("Made %1").arg(fullTime(r.createdAt));
        if (index.column() == StatusColumn && r.escalationReasons != "[]")
            return plainToolTip(reasonsText(r.escalationReasons));
        // Names are elided when the list is narrow: in full here.
        if (index.column() == LeadColumn || index.column() == CompanyColumn)
            return plainToolTip(display(r, index.column()).toString());
        return {};
    case BriefIdRole:
        return QVariant::fromValue<qint64>(r.id);
    case VersionRole:
        return QVariant::fromValue<qint64>(r.version);
    case StatusRole:
        return nameText(r.status);
    case OverdueRole:
        return overdue(r);
    case SlaDueRole:
        return qs(r.slaDue);
    case OwnerRole:
        return qs(r.owner);
    default:
        return {};
    }
}

QVariant InboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case LeadColumn:
        return tr("Lead");
    case CompanyColumn:
        return tr("Company");
    case BandColumn:
        return tr("Band");
    case ScoreColumn:
        return tr("Score");
    case PriorityColumn:
        return tr("Priority");
    case SlaColumn:
        return tr("SLA");
    case StatusColumn:
        return tr("Status");
    case OwnerColumn:
        return tr("Owner");
    case AgeColumn:
        return tr("Age");
    case ColumnCount:
        break;
    }
    return {};
}

std::int64_t InboxTableModel::countRows()
{
    m_filter.now = m_now().toString(Qt::ISODateWithMs).toStdString();
    return m_queries.count(m_filter);
}

std::vector<review::InboxRow> InboxTableModel::readRows(std::int64_t offset, std::int64_t limit)
{
    return m_queries.page(m_filter, m_sort, m_descending, offset, limit);
}

QString InboxTableModel::loadFailure(const QString &error) const
{
    return tr("Could not read briefs: %1").arg(error);
}

void InboxTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sort = kSortOf[column];
    m_descending = order == Qt::DescendingOrder;
    refresh();
}

void InboxTableModel::setFilter(const review::InboxFilter &filter)
{
    m_filter = filter;
    refresh();
}

void InboxTableModel::refresh()
{
    ++m_generation; // whatever a worker is reading is out of date
    m_reloadAfterLoad = false;
    if (m_loading) {
        m_loading = false;
        emit loading(false);
    }
    PagedTableModel::refresh();
}

} // namespace baton::ui
