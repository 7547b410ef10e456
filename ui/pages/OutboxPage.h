#pragma once

#include "crm/OutboxActions.h"
#include "crm/OutboxStore.h"
#include "review/ReviewService.h"

#include <QWidget>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace baton {
class Clock;
}
namespace baton::contracts {
class ContractRegistry;
}
namespace baton::store {
class Database;
}

namespace baton::ui {

class MessageBoxes;
class OutboxTableModel;
class PushRunner;
struct PushOutcome;
class ReviewDialogs;

// What the CRM has and has not received: every outbox operation with its status, attempts,
// next attempt, last error and CRM id; beside it the last request (secrets masked) and
// answer. Marketing ops and admins retry an operation now (R) or cancel it with a reason
// (Del); both go through core and into the audit chain.
class OutboxPage : public QWidget
{
    Q_OBJECT

public:
    OutboxPage(store::Database &db, const contracts::ContractRegistry &registry,
               MessageBoxes &messages, ReviewDialogs &dialogs, const QString &user,
               const QString &osAccount, QWidget *parent = nullptr);
    ~OutboxPage() override;

    OutboxTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *detail() const { return m_detail; }
    QAction *action(const char *name) const;

    void refresh();
    void setUser(const QString &user);
    // Offers "Push now" (P) and refreshes after every push, whoever started it.
    void setPushRunner(PushRunner *runner);

signals:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void currentChanged();
    std::optional<qint64> currentOperation() const;
    void retry();
    void cancel();
    void updateCounts();
    void pushFinished(const PushOutcome &outcome);
    void updatePush();

    QString m_osAccount; // who is at the keyboard, as the OS knows it
    std::unique_ptr<Clock> m_clock;
    crm::OutboxStore m_outbox;
    review::ReviewService m_review;
    crm::OutboxActions m_actions;
    MessageBoxes &m_messages;
    ReviewDialogs &m_dialogs;
    std::optional<review::Actor> m_actor;
    OutboxTableModel *m_model;
    QLabel *m_who;
    QLabel *m_counts;
    QComboBox *m_status;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QAction *m_retry;
    QAction *m_cancel;
    QAction *m_push;
    QLabel *m_target;
    PushRunner *m_runner = nullptr;
};

} // namespace baton::ui
