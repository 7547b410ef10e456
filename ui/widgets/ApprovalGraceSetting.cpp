#include "widgets/ApprovalGraceSetting.h"

#include "ConsoleContext.h"
#include "ports/Clock.h"
#include "review/ApprovalGrace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace baton::ui {

ApprovalGraceSetting::ApprovalGraceSetting(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_seconds(new QSpinBox(this)), m_note(new QLabel(this))
{
    m_seconds->setObjectName(QStringLiteral("approvalGrace"));
    m_seconds->setRange(0, int(review::ApprovalGrace::kLongest.count()));
    m_seconds->setSuffix(tr(" seconds"));
    m_seconds->setSpecialValueText(tr("not at all"));
    m_note->setObjectName(QStringLiteral("approvalGraceNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_seconds);
    row->addWidget(m_note, 1);
    connect(m_seconds, &QSpinBox::editingFinished, this, &ApprovalGraceSetting::save);
    connect(&m_context, &ConsoleContext::actorChanged, this, &ApprovalGraceSetting::load);
    load();
}

void ApprovalGraceSetting::load()
{
    const auto &actor = m_context.actor();
    const bool may = actor && governance::grant(actor->role, governance::Action::ManageOutbox) !=
                                  governance::Grant::No;
    m_seconds->setEnabled(may);
    try {
        const QSignalBlocker quiet(m_seconds);
        m_seconds->setValue(int(review::ApprovalGrace(m_context.db()).period().count()));
        m_note->setText(may ? tr("CRM operations of an approval wait this long, so it can be "
                                 "undone (Ctrl+Z in the Inbox, `baton review undo`).")
                            : tr("Marketing ops and admins set this for the whole store."));
    } catch (const std::exception &e) {
        m_note->setText(tr("Could not read the setting: %1").arg(QString::fromUtf8(e.what())));
    }
}

void ApprovalGraceSetting::save()
{
    const auto &actor = m_context.actor();
    if (!actor)
        return;
    try {
        review::ApprovalGrace grace(m_context.db());
        if (grace.period().count() == m_seconds->value())
            return;
        grace.setPeriod(*actor, std::chrono::seconds(m_seconds->value()), m_context.clock().now());
        m_note->setText(tr("Saved: approvals from now on can be undone for %n second(s).", "",
                           m_seconds->value()));
    } catch (const std::exception &e) {
        const QString why = tr("Not saved: %1").arg(QString::fromUtf8(e.what()));
        load();
        m_note->setText(why);
    }
}

} // namespace baton::ui
