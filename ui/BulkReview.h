#pragma once

#include "review/ReviewService.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <vector>

class QProgressDialog;
class QTableView;
class QWidget;

namespace baton::ui {

class ConsoleContext;

// One review action on the briefs selected in an inbox table, as if taken one by one: each
// its own ReviewService::act (its own checks, transaction and audit entry), one per turn of
// the event loop so the window stays live, with a progress dialog once it takes over a
// second. A refusal stops nothing but that brief, and what was refused is selected after.
class BulkReview : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        qint64 briefId = 0;
        QString refusal; // empty: done
    };

    // `table` shows an InboxTableModel.
    BulkReview(ConsoleContext &context, QTableView *table, QWidget *parent);

    // Whether `who` may act on several briefs at once: core's permission table says.
    static bool mayActInBulk(const std::optional<review::Actor> &who);
    // The selected briefs (id, version shown), when `who` may act in bulk and more than one
    // is selected; else none.
    std::vector<std::pair<std::int64_t, std::int64_t>>
    selection(const std::optional<review::Actor> &who) const;
    // After the table reloaded: selects the refused briefs still in it; false when none.
    bool selectRefused(const std::vector<Outcome> &outcomes);

    // Starts acting as `who` with `each` on every brief of `briefs` (id, the version shown);
    // finished() follows. Ignored while running.
    void run(const review::Actor &who, const review::ReviewRequest &each,
             const std::vector<std::pair<std::int64_t, std::int64_t>> &briefs,
             const QString &label);
    bool isRunning() const { return m_running; }

    // What a run did, plainly: "Approved 7 of 8; 1 refused: <why>".
    QString summary(const std::vector<Outcome> &outcomes) const;

signals:
    void finished(const std::vector<baton::ui::BulkReview::Outcome> &outcomes);

private:
    void step();
    void finish();

    ConsoleContext &m_context;
    QTableView *m_table;
    QWidget *m_parent;
    review::Actor m_who;
    review::ReviewRequest m_each;
    std::vector<review::ReviewRequest> m_requests;
    std::size_t m_next = 0;
    bool m_running = false;
    std::vector<Outcome> m_outcomes;
    QPointer<QProgressDialog> m_progress;
};

} // namespace baton::ui
