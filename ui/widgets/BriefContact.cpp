#include "widgets/BriefContact.h"

#include "ConsoleContext.h"
#include "PlainText.h"
#include "Settings.h"
#include "crm/OutboxVocabulary.h"
#include "models/DisplayFormat.h"
#include "widgets/CrmLink.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace baton::ui {

namespace {

QAction *makeAction(QWidget *owner, const QString &text, const QKeySequence &key, const char *name)
{
    auto *a = new QAction(text, owner);
    a->setObjectName(QLatin1String(name));
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(a);
    return a;
}

QToolButton *buttonFor(QAction *action, QWidget *parent, const char *name)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(QLatin1String(name));
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

} // namespace

BriefContact::BriefContact(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_email(new QLabel(this)), m_phone(new QLabel(this)),
      m_copyEmail(
          makeAction(this, tr("Copy e-mail"), QKeySequence(tr("Ctrl+Shift+C")), "copyEmail")),
      m_copyPhone(
          makeAction(this, tr("Copy phone"), QKeySequence(tr("Ctrl+Shift+P")), "copyPhone")),
      m_openCrm(makeAction(this, tr("Open in the CRM"), QKeySequence(tr("Ctrl+O")), "openInCrm")),
      m_open([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("briefContact"));
    m_email->setObjectName(QStringLiteral("leadEmail"));
    m_phone->setObjectName(QStringLiteral("leadPhone"));
    for (QLabel *l : {m_email, m_phone})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyEmailButton = buttonFor(m_copyEmail, this, "copyEmailButton");
    m_copyPhoneButton = buttonFor(m_copyPhone, this, "copyPhoneButton");
    m_openCrmButton = buttonFor(m_openCrm, this, "openInCrmButton");
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_email);
    row->addWidget(m_copyEmailButton);
    row->addSpacing(12);
    row->addWidget(m_phone);
    row->addWidget(m_copyPhoneButton);
    row->addStretch(1);
    row->addWidget(m_openCrmButton);
    connect(m_copyEmail, &QAction::triggered, this,
            [this] { copy(tr("E-mail"), m_email->text()); });
    connect(m_copyPhone, &QAction::triggered, this, [this] { copy(tr("Phone"), m_phone->text()); });
    connect(m_openCrm, &QAction::triggered, this, [this] {
        if (m_crmUrl.isValid() && !m_open(m_crmUrl))
            emit statusMessage(tr("Could not open %1").arg(m_crmUrl.toString()));
    });
    showLabelsAsPlainText(this);
    showBrief(0, 0);
}

void BriefContact::setUrlOpener(std::function<bool(const QUrl &)> opener)
{
    m_open = std::move(opener);
}

void BriefContact::copy(const QString &what, const QString &text)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    emit statusMessage(tr("%1 copied: %2").arg(what, text));
}

void BriefContact::showBrief(std::int64_t briefId, std::int64_t leadId)
{
    review::LeadContact contact;
    if (leadId != 0)
        contact = m_context.briefs().contact(leadId);
    m_email->setText(qs(contact.email));
    m_phone->setText(qs(contact.phone));
    m_copyEmail->setEnabled(!contact.email.empty());
    m_copyPhone->setEnabled(!contact.phone.empty());
    m_email->setVisible(!contact.email.empty());
    m_copyEmailButton->setVisible(!contact.email.empty());
    m_phone->setVisible(!contact.phone.empty());
    m_copyPhoneButton->setVisible(!contact.phone.empty());
    findCrmRecord(briefId);
}

void BriefContact::findCrmRecord(std::int64_t briefId)
{
    // The person the push made or updated, in the first CRM that holds it.
    m_crmUrl = QUrl();
    QString system;
    if (briefId != 0) {
        for (const auto &o : m_context.briefs().crmObjects(briefId)) {
            if (!is(o.status, crm::OpStatus::Done) || !is(o.kind, crm::OpKind::UpsertPerson))
                continue;
            const auto target = util::parseName<crm::Target>(o.system);
            if (!target)
                continue;
            const QString base = *target == crm::Target::HubSpot
                                     ? m_context.settings().hubSpotUrl()
                                     : m_context.settings().salesforceUrl();
            m_crmUrl = crmRecordUrl(*target, base, qs(o.crmId));
            if (m_crmUrl.isValid()) {
                system = targetText(*target);
                break;
            }
        }
    }
    m_openCrm->setEnabled(m_crmUrl.isValid());
    m_openCrm->setText(system.isEmpty() ? tr("Open in the CRM") : tr("Open in %1").arg(system));
    m_openCrm->setToolTip(plainToolTip(m_crmUrl.toString()));
    m_openCrmButton->setVisible(m_crmUrl.isValid());
}

} // namespace baton::ui
