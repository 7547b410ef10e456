#pragma once

#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace baton::ui {

class ConsoleContext;
class OutboxTableModel;
class PushRunner;
struct PushOutcome;

// What the CRM has and has not received: every outbox operation with its status, attempts,
// next attempt, last error and CRM id; beside it the last request (secrets masked) and
// answer. Marketing ops and admins retry an operation now (R) or cancel it with a reason
// (Del); both go through core and into the audit chain.
class OutboxPage : public QWidget
{
    Q_OBJECT

public:
    // Acts as the context's actor, and follows it.
    explicit OutboxPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~OutboxPage() override;

    OutboxTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *detail() const { return m_detail; }
    QAction *action(const char *name) const;

    void refresh();
    // Offers "Push now" (P) and refreshes after every push, whoever started it.
    void setPushRunner(PushRunner *runner);

signals:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // What the actor may do and see here.
    void followActor();
    void currentChanged();
    void updateActions();
    std::optional<qint64> currentOperation() const;
    void retry();
    void cancel();
    void updateCounts();
    void pushFinished(const PushOutcome &outcome);
    void updatePush();

    ConsoleContext &m_context;
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
    QLabel *m_problem; // why the last push could not run, in full, until one runs
    PushRunner *m_runner = nullptr;
    bool m_mayManage = false; // the actor may retry and cancel operations
};

} // namespace baton::ui
