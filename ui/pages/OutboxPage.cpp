#include "pages/OutboxPage.h"

#include "ConsoleContext.h"
#include "MessageBoxes.h"
#include "PlainText.h"
#include "PushRunner.h"
#include "ReviewDialogs.h"
#include "models/DisplayFormat.h"
#include "models/OutboxTableModel.h"
#include "widgets/EmptyState.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace baton::ui {

namespace {

// Why the outbox shows nothing, and what fills it.
QString emptyText(const QString &status)
{
    if (!status.isEmpty())
        return OutboxPage::tr("No operations with this status. Choose \"All\" to see every "
                              "operation.");
    return OutboxPage::tr("No CRM operations yet. Approving a brief queues its operations "
                          "here; Push now (P) or `baton push` sends them to the CRM.");
}

} // namespace

OutboxPage::OutboxPage(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new OutboxTableModel(context.outbox(), this)),
      m_who(new QLabel(this)), m_counts(new QLabel(this)), m_status(new QComboBox(this)),
      m_table(new QTableView(this)), m_detail(new QPlainTextEdit(this)),
      m_retry(new QAction(tr("Retry now"), this)), m_cancel(new QAction(tr("Cancel…"), this)),
      m_push(new QAction(tr("Push now"), this)), m_target(new QLabel(this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("outboxPage"));
    m_status->setObjectName(QStringLiteral("outboxStatus"));
    m_status->addItem(tr("All"), QString());
    using crm::OpStatus;
    for (OpStatus s : {OpStatus::Pending, OpStatus::InFlight, OpStatus::Failed, OpStatus::Done,
                       OpStatus::Cancelled})
        m_status->addItem(OutboxTableModel::statusText(util::nameString(s)), nameText(s));
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setModel(m_model);
    m_model->setNow([&context] { return context.now(); });
    auto *empty = new EmptyState(m_table, emptyText(QString()));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail->setObjectName(QStringLiteral("outboxDetail"));
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_detail->setPlaceholderText(tr("Select an operation to see its last request and answer."));

    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setShortcut(QKeySequence(Qt::Key_R));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setShortcut(QKeySequence(QKeySequence::Delete));
    m_push->setObjectName(QStringLiteral("push"));
    m_push->setShortcut(QKeySequence(Qt::Key_P));
    m_push->setEnabled(false);
    m_target->setObjectName(QStringLiteral("pushTarget"));
    // A push error names a token, a URL or a server's answer: long, and the fix is in it.
    m_problem->setObjectName(QStringLiteral("pushProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setFrameShape(QFrame::StyledPanel);
    m_problem->setMargin(6);
    m_problem->hide();
    for (QAction *a : {m_retry, m_cancel, m_push}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    connect(m_push, &QAction::triggered, this, [this] {
        if (m_runner)
            m_runner->pushNow();
    });
    connect(m_retry, &QAction::triggered, this, &OutboxPage::retry);
    connect(m_cancel, &QAction::triggered, this, &OutboxPage::cancel);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addWidget(m_counts, 1);
    for (QAction *a : {m_push, m_retry, m_cancel}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        filters->addWidget(button);
    }
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_who);
    layout->addWidget(m_target);
    layout->addWidget(m_problem);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this, [this, empty] {
        m_model->setStatusFilter(m_status->currentData().toString());
        empty->setText(emptyText(m_status->currentData().toString()));
        updateCounts();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OutboxPage::currentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxPage::currentChanged);
    connect(m_model, &OutboxTableModel::loadFailed, this, &OutboxPage::statusMessage);
    connect(&m_context, &ConsoleContext::actorChanged, this, &OutboxPage::followActor);
    followActor();
    updateCounts();
    updatePush();
    showLabelsAsPlainText(this);
}

void OutboxPage::setPushRunner(PushRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (m_runner) {
        connect(m_runner, &PushRunner::started, this, &OutboxPage::updatePush);
        connect(m_runner, &PushRunner::finished, this, &OutboxPage::pushFinished);
    }
    updatePush();
}

void OutboxPage::updatePush()
{
    const QString target = m_runner ? m_runner->target() : QString();
    m_push->setEnabled(!target.isEmpty() && !m_runner->isRunning());
    m_target->setText(target.isEmpty()
                          ? tr("The console pushes nowhere: set HubSpot's URL in Settings, or "
                               "run `baton push`.")
                      : m_runner->isRunning() ? tr("Pushing to %1…").arg(target)
                                              : tr("Pushes to %1 every minute.").arg(target));
}

void OutboxPage::pushFinished(const PushOutcome &outcome)
{
    updatePush();
    m_problem->setText(tr("The last push could not run: %1").arg(outcome.error));
    m_problem->setVisible(!outcome.error.isEmpty());
    if (!outcome.error.isEmpty())
        emit statusMessage(tr("The push could not run; the Outbox page says why."));
    else
        emit statusMessage(tr("Pushed: %1 done, %2 failed, %3 waiting")
                               .arg(outcome.done)
                               .arg(outcome.failed)
                               .arg(outcome.waiting));
    refresh();
}

OutboxPage::~OutboxPage() = default;

QAction *OutboxPage::action(const char *name) const
{
    return findChild<QAction *>(QLatin1String(name));
}

void OutboxPage::followActor()
{
    // Refused, unknown or the store failing: nobody acts.
    const std::optional<review::Actor> &actor = m_context.actor();
    const bool may = actor && governance::grant(actor->role, governance::Action::ManageOutbox) !=
                                  governance::Grant::No;
    m_mayManage = may;
    updateActions();
    // The operations carry every brief's note and answers: for the roles that read them all.
    const bool reads = actor && !review::ReviewService::visibleTo(*actor);
    m_table->setVisible(reads);
    m_detail->setVisible(reads);
    if (!reads)
        m_detail->clear();
    m_who->setText(
        may     ? tr("Acting as %1: you may retry and cancel operations.").arg(qs(actor->name))
        : reads ? tr("Marketing ops and admins retry and cancel operations; this view is "
                     "read-only for you.")
                : tr("The outbox covers every brief: it is for managers, marketing ops and "
                     "admins."));
}

void OutboxPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updatePush(); // Settings may name another target now
    refresh();    // the pusher may have moved on while another page was shown
}

void OutboxPage::refresh()
{
    const auto keep = currentOperation();
    const int scroll = m_table->verticalScrollBar()->value();
    m_model->refresh();
    updateCounts();
    const int row = keep ? m_model->rowOfOperation(*keep) : -1;
    if (row >= 0)
        m_table->selectRow(row);
    m_table->doItemsLayout();
    m_table->verticalScrollBar()->setValue(scroll);
}

void OutboxPage::updateCounts()
{
    try {
        const auto c = m_context.outbox().counts();
        const QLocale locale;
        m_counts->setText(tr("%1 waiting, %2 failed, %3 done, %4 cancelled")
                              .arg(locale.toString(c.pending + c.inFlight),
                                   locale.toString(c.failed), locale.toString(c.done),
                                   locale.toString(c.cancelled)));
    } catch (const std::exception &e) {
        m_counts->setText(QString::fromUtf8(e.what()));
    }
}

std::optional<qint64> OutboxPage::currentOperation() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return m_model->data(index, OutboxTableModel::OperationIdRole).toLongLong();
}

// Retry and Cancel act on the selected operation: without one they are off.
void OutboxPage::updateActions()
{
    const bool on = m_mayManage && currentOperation().has_value();
    m_retry->setEnabled(on);
    m_cancel->setEnabled(on);
}

void OutboxPage::currentChanged()
{
    updateActions();
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid()) {
        m_detail->clear();
        return;
    }
    const auto role = [&](int r) { return m_model->data(index, r).toString(); };
    QString text =
        tr("Operation #%1 for brief #%2")
            .arg(role(OutboxTableModel::OperationIdRole), role(OutboxTableModel::BriefIdRole)) +
        QStringLiteral("\n\n") + tr("What the CRM is to receive:") + QStringLiteral("\n") +
        QString::fromUtf8(QJsonDocument::fromJson(role(OutboxTableModel::PayloadRole).toUtf8())
                              .toJson(QJsonDocument::Indented));
    const QString request = role(OutboxTableModel::LastRequestRole);
    if (!request.isEmpty())
        text += QStringLiteral("\n\n") + tr("Last request:") + QStringLiteral("\n") + request;
    const QString response = role(OutboxTableModel::LastResponseRole);
    if (!response.isEmpty())
        text += QStringLiteral("\n\n") + tr("Last answer:") + QStringLiteral("\n") + response;
    m_detail->setPlainText(text);
}

void OutboxPage::retry()
{
    const auto id = currentOperation();
    if (!id || !m_context.actor())
        return;
    try {
        m_context.outboxActions().retryNow(*m_context.actor(), *id);
        emit statusMessage(tr("Operation #%1 is due now").arg(*id));
    } catch (const std::exception &e) {
        m_context.messageBoxes().critical(this, tr("Not done"), QString::fromUtf8(e.what()));
    }
    refresh();
}

void OutboxPage::cancel()
{
    const auto id = currentOperation();
    if (!id || !m_context.actor())
        return;
    const auto reason = m_context.reviewDialogs().note(this, tr("Cancel operation #%1").arg(*id));
    if (!reason)
        return;
    try {
        m_context.outboxActions().cancel(*m_context.actor(), *id, reason->toStdString());
        emit statusMessage(tr("Operation #%1 cancelled").arg(*id));
    } catch (const std::exception &e) {
        m_context.messageBoxes().critical(this, tr("Not done"), QString::fromUtf8(e.what()));
    }
    refresh();
}

} // namespace baton::ui
