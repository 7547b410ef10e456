#include "BulkReview.h"

#include "ConsoleContext.h"
#include "models/InboxTableModel.h"

#include <QItemSelectionModel>
#include <QProgressDialog>
#include <QStringList>
#include <QTableView>
#include <QTimer>

namespace baton::ui {

BulkReview::BulkReview(ConsoleContext &context, QTableView *table, QWidget *parent)
    : QObject(parent), m_context(context), m_table(table), m_parent(parent)
{
}

std::vector<std::pair<std::int64_t, std::int64_t>>
BulkReview::selection(const std::optional<review::Actor> &who) const
{
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    auto rows = m_table->selectionModel()->selectedRows();
    if (!mayActInBulk(who) || rows.size() < 2)
        return out;
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        out.emplace_back(index.data(InboxTableModel::BriefIdRole).toLongLong(),
                         index.data(InboxTableModel::VersionRole).toLongLong());
    return out;
}

bool BulkReview::selectRefused(const std::vector<Outcome> &outcomes)
{
    const auto *model = static_cast<const InboxTableModel *>(m_table->model());
    auto flags = QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows;
    bool any = false;
    for (const auto &o : outcomes) {
        const int row = o.refusal.isEmpty() ? -1 : model->rowOfBrief(o.briefId);
        if (row < 0)
            continue;
        m_table->selectionModel()->setCurrentIndex(model->index(row, 0), flags);
        flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
        any = true;
    }
    return any;
}

bool BulkReview::mayActInBulk(const std::optional<review::Actor> &who)
{
    return who &&
           governance::grant(who->role, governance::Action::ActInBulk) != governance::Grant::No;
}

void BulkReview::run(const review::Actor &who, const review::ReviewRequest &each,
                     const std::vector<std::pair<std::int64_t, std::int64_t>> &briefs,
                     const QString &label)
{
    if (isRunning())
        return;
    m_running = true;
    m_who = who;
    m_each = each;
    m_requests.clear();
    for (const auto &[id, version] : briefs) {
        review::ReviewRequest r = each;
        r.briefId = id;
        r.version = version;
        m_requests.push_back(r);
    }
    m_next = 0;
    m_outcomes.clear();
    m_progress = new QProgressDialog(label, tr("Stop"), 0, int(m_requests.size()), m_parent);
    m_progress->setObjectName(QStringLiteral("bulkProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(1000); // a short run shows none
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    QTimer::singleShot(0, this, &BulkReview::step);
}

void BulkReview::step()
{
    if (m_progress && m_progress->wasCanceled()) {
        for (; m_next < m_requests.size(); ++m_next)
            m_outcomes.push_back({m_requests[m_next].briefId, tr("not done: stopped")});
        finish();
        return;
    }
    if (m_next >= m_requests.size()) {
        finish();
        return;
    }
    const review::ReviewRequest &r = m_requests[m_next++];
    Outcome o;
    o.briefId = r.briefId;
    try {
        m_context.review().act(m_who, r);
    } catch (const std::exception &e) {
        o.refusal = QString::fromUtf8(e.what());
    }
    m_outcomes.push_back(o);
    if (m_progress)
        m_progress->setValue(int(m_next));
    QTimer::singleShot(0, this, &BulkReview::step);
}

QString BulkReview::summary(const std::vector<Outcome> &outcomes) const
{
    int done = 0;
    QStringList refusals;
    for (const auto &o : outcomes)
        if (o.refusal.isEmpty())
            ++done;
        else
            refusals << o.refusal;
    const int total = int(outcomes.size());
    QString text = m_each.action == review::ReviewAction::Reassign
                       ? tr("Reassigned %1 of %2 to %3")
                             .arg(done)
                             .arg(total)
                             .arg(QString::fromStdString(m_each.targetUser))
                       : tr("Approved %1 of %2").arg(done).arg(total);
    if (!refusals.isEmpty())
        text += tr("; %n refused: %1", "", int(refusals.size()))
                    .arg(refusals.join(QStringLiteral("; ")));
    return text;
}

void BulkReview::finish()
{
    if (m_progress)
        m_progress->deleteLater();
    m_requests.clear();
    m_next = 0;
    m_running = false;
    emit finished(m_outcomes);
}

} // namespace baton::ui
