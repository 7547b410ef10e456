#include "pages/AuditPage.h"

#include "ConsoleContext.h"
#include "PlainText.h"
#include "models/DisplayFormat.h"
#include "models/Labels.h"
#include "widgets/EmptyState.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <exception>

namespace baton::ui {

namespace {

// Managers, marketing ops and admins read the log.
bool mayRead(const std::optional<review::Actor> &who)
{
    return who &&
           governance::grant(who->role, governance::Action::ViewAudit) != governance::Grant::No;
}

} // namespace

AuditPage::AuditPage(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_verification(new QLabel(this)),
      m_actor(new QLineEdit(this)), m_action(new QComboBox(this)), m_brief(new QLineEdit(this)),
      m_since(new QDateEdit(this)), m_until(new QDateEdit(this)), m_entries(new QTreeWidget(this)),
      m_empty(new EmptyState(m_entries, QString())), m_people(context)
{
    setObjectName(QStringLiteral("auditPage"));
    m_verification->setObjectName(QStringLiteral("auditVerification"));
    m_verification->setWordWrap(true);
    m_actor->setObjectName(QStringLiteral("auditActor"));
    m_actor->setPlaceholderText(tr("Actor (email)"));
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->addItem(tr("All actions"), QString());
    for (const auto a : util::allOf<review::ReviewAction>())
        m_action->addItem(label(a), nameText(a));
    for (QDateEdit *edit : {m_since, m_until}) {
        edit->setCalendarPopup(true);
        edit->setMinimumDate(QDate(2000, 1, 1));
        edit->setSpecialValueText(tr("any day"));
        edit->setDate(edit->minimumDate());
        connect(edit, &QDateEdit::dateChanged, this, &AuditPage::reload);
    }
    m_since->setObjectName(QStringLiteral("auditSince"));
    m_until->setObjectName(QStringLiteral("auditUntil"));
    m_since->setToolTip(tr("From this day (UTC)"));
    m_until->setToolTip(tr("Up to and including this day (UTC)"));
    m_brief->setObjectName(QStringLiteral("auditBrief"));
    m_brief->setPlaceholderText(tr("Brief id"));
    auto *verify = new QPushButton(tr("Verify again"), this);
    m_entries->setObjectName(QStringLiteral("auditEntries"));
    m_entries->setRootIsDecorated(false);
    m_entries->setUniformRowHeights(true);
    m_entries->setHeaderLabels({tr("#"), tr("When"), tr("Actor"), tr("Role"), tr("OS user"),
                                tr("Action"), tr("Object"), tr("Hash")});

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_actor, 2);
    filters->addWidget(m_action);
    filters->addWidget(m_brief);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_since);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_until);
    filters->addWidget(verify);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_verification);
    layout->addLayout(filters);
    layout->addWidget(m_entries, 1);

    connect(m_actor, &QLineEdit::editingFinished, this, &AuditPage::reload);
    connect(m_brief, &QLineEdit::editingFinished, this, &AuditPage::reload);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::reload);
    connect(verify, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(&m_context, &ConsoleContext::actorChanged, this,
            [this] { setAllowed(mayRead(m_context.actor())); });
    enable(mayRead(m_context.actor())); // read when shown
    showLabelsAsPlainText(this);
}

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void AuditPage::enable(bool allowed)
{
    m_allowed = allowed;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_actor, m_action, m_brief, m_since, m_until})
        w->setEnabled(allowed);
}

void AuditPage::setAllowed(bool allowed)
{
    enable(allowed);
    refresh();
}

void AuditPage::refresh()
{
    if (!m_allowed) {
        m_entries->clear();
        m_empty->setText(tr("The audit log is for managers, marketing ops and admins: choose "
                            "such a profile in Settings to read it."));
        m_verification->setText(tr("The audit log is for managers, marketing ops and admins."));
        m_verification->setStyleSheet(QString());
        return;
    }
    try {
        const auto result = m_context.auditLog().verify();
        if (result.ok) {
            m_verification->setText(
                tr("Chain verified: %n entries, every link intact.", "", int(result.rows)));
            m_verification->setStyleSheet(QStringLiteral("color: #2e7d32"));
        } else {
            m_verification->setText(tr("Chain BROKEN at entry %1: %2")
                                        .arg(*result.firstBroken)
                                        .arg(qs(result.problem)));
            m_verification->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold"));
        }
    } catch (const std::exception &e) {
        m_verification->setText(
            tr("The audit log could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    reload();
}

void AuditPage::reload()
{
    if (!m_allowed)
        return; // refresh() says why the page is empty
    // The entry selected and the scroll position stay where they were: new entries come in
    // at the top.
    const QString selected =
        m_entries->currentItem() ? m_entries->currentItem()->text(0) : QString();
    const int scroll = m_entries->verticalScrollBar()->value();
    m_entries->clear();
    if (!m_allowed)
        return;
    const QString brief = m_brief->text().trimmed();
    try {
        // A date at the minimum is "any" (its special value text).
        const auto day = [](const QDateEdit *edit, int extraDays) {
            return edit->date() == edit->minimumDate()
                       ? std::string()
                       : edit->date().addDays(extraDays).toString(Qt::ISODate).toStdString();
        };
        const auto list = m_context.auditLog().list(
            {m_actor->text().trimmed().toStdString(),
             m_action->currentData().toString().toStdString(),
             brief.isEmpty() ? std::string() : "brief#" + brief.toStdString(), day(m_since, 0),
             day(m_until, 1), MaxRows});
        const bool filtered = !m_actor->text().trimmed().isEmpty() ||
                              !m_action->currentData().toString().isEmpty() || !brief.isEmpty() ||
                              m_since->date() != m_since->minimumDate() ||
                              m_until->date() != m_until->minimumDate();
        m_empty->setText(filtered ? tr("No entries match these filters. Clear them to see the "
                                       "whole log.")
                                  : tr("The audit log is empty. Every approval, edit, "
                                       "escalation, import and push is recorded here."));
        m_people.reload();
        for (const auto &e : list)
            addEntry(e);
    } catch (const std::exception &e) {
        m_verification->setText(
            tr("The audit log could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    for (int c = 0; c < m_entries->columnCount(); ++c)
        m_entries->resizeColumnToContents(c);
    if (!selected.isEmpty()) {
        const auto found = m_entries->findItems(selected, Qt::MatchExactly, 0);
        if (!found.isEmpty())
            m_entries->setCurrentItem(found.first());
    }
    m_entries->verticalScrollBar()->setValue(scroll);
    m_empty->follow();
}

// An entry in people's words; the stored values, exactly, in the tooltips.
void AuditPage::addEntry(const governance::AuditEntry &e)
{
    auto *item = new QTreeWidgetItem(
        m_entries,
        {QLocale().toString(qlonglong(e.seq)), relativeTime(e.at, m_context.now()),
         m_people.name(e.actor), labelOf<governance::Role>(e.role), qs(e.osUser),
         labelOf<review::ReviewAction>(e.action), qs(e.object), qs(e.hash.substr(0, 16))});
    item->setToolTip(1, fullTime(e.at));
    item->setToolTip(2, qs(e.actor));
    item->setToolTip(5, qs(e.action));
}

} // namespace baton::ui
