#include "pages/SettingsPage.h"

#include "ConsoleContext.h"
#include "PlainText.h"
#include "Settings.h"
#include "models/DisplayFormat.h"
#include "models/Labels.h"
#include "pipeline/Team.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <exception>

namespace baton::ui {

SettingsPage::SettingsPage(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_settings(context.settings()), m_user(new QComboBox(this)),
      m_role(new QLabel(this)), m_hubSpot(new QLineEdit(this)), m_salesforce(new QLineEdit(this)),
      m_salesforceClient(new QLineEdit(this)), m_webhook(new QLineEdit(this)),
      m_jsonl(new QLineEdit(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    m_user->setObjectName(QStringLiteral("userProfile"));
    m_user->addItem(tr("Nobody (read-only)"), QString());
    try {
        for (const auto &u : pipeline::users(context.db()))
            m_user->addItem(
                tr("%1 — %2 (%3)").arg(qs(u.name), qs(u.email), labelOf<governance::Role>(u.role)),
                qs(u.email));
    } catch (const std::exception &e) {
        m_role->setText(
            tr("The user profiles could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    const QString currentUser = context.user();
    int index = m_user->findData(currentUser);
    for (int i = 1; index < 0 && i < m_user->count(); ++i)
        if (m_user->itemText(i).startsWith(currentUser + QStringLiteral(" — ")))
            index = i; // given by name
    m_user->setCurrentIndex(std::max(0, index));

    m_hubSpot->setObjectName(QStringLiteral("hubSpotUrl"));
    m_hubSpot->setPlaceholderText(QStringLiteral("https://api.hubapi.com"));
    m_hubSpot->setText(m_settings.hubSpotUrl());
    // Each field is saved when editing ends; the next push (every minute, or P on the Outbox
    // page) reads them.
    const auto field = [this](QLineEdit *edit, const char *name, const QString &placeholder,
                              const QString &value, void (Settings::*save)(const QString &)) {
        edit->setObjectName(QString::fromLatin1(name));
        edit->setPlaceholderText(placeholder);
        edit->setText(value);
        connect(edit, &QLineEdit::editingFinished, this,
                [this, edit, save] { (m_settings.*save)(edit->text().trimmed()); });
    };
    field(m_salesforce, "salesforceUrl", QStringLiteral("https://MyDomain.my.salesforce.com"),
          m_settings.salesforceUrl(), &Settings::setSalesforceUrl);
    field(m_salesforceClient, "salesforceClientId", tr("connected app consumer key"),
          m_settings.salesforceClientId(), &Settings::setSalesforceClientId);
    field(m_webhook, "webhookUrl", QStringLiteral("https://hooks.example.com/baton"),
          m_settings.webhookUrl(), &Settings::setWebhookUrl);
    field(m_jsonl, "jsonlFile", tr("/path/to/briefs.jsonl"), m_settings.jsonlFile(),
          &Settings::setJsonlFile);
    auto *form = new QFormLayout;
    form->addRow(tr("Act as"), m_user);
    form->addRow(tr("Push approved briefs to HubSpot at"), m_hubSpot);
    form->addRow(tr("… or to Salesforce at"), m_salesforce);
    form->addRow(tr("Salesforce client id"), m_salesforceClient);
    form->addRow(tr("Deliver to the webhook at"), m_webhook);
    form->addRow(tr("Append to the JSONL file"), m_jsonl);
    auto *hint = new QLabel(tr("Review actions are recorded under this profile and the account "
                               "you are logged in with. `baton --user NAME` chooses for one "
                               "session."),
                            this);
    hint->setWordWrap(true);
    auto *crmHint = new QLabel(
        tr("Empty: the console does not push there (`baton push` still can). Credentials stay "
           "in the OS keychain: `baton secret set hubspot-token`, `salesforce-refresh-token`, "
           "`webhook-secret`. The webhook and the JSONL file get briefs once `baton outbox "
           "enable webhook|jsonl` turned them on."),
        this);
    crmHint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_role);
    layout->addWidget(crmHint);
    layout->addStretch(1);
    connect(m_user, &QComboBox::currentIndexChanged, this, [this] {
        const QString user = m_user->currentData().toString();
        m_settings.setReviewUser(user);
        emit userChanged(user);
    });
    connect(m_hubSpot, &QLineEdit::editingFinished, this,
            [this] { m_settings.setHubSpotUrl(m_hubSpot->text().trimmed()); });
    showLabelsAsPlainText(this);
}

} // namespace baton::ui
