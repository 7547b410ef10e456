#include "pages/SettingsPage.h"

#include "ConsoleContext.h"
#include "CrmConnection.h"
#include "PlainText.h"
#include "Settings.h"
#include "models/DisplayFormat.h"
#include "models/Labels.h"
#include "pipeline/Team.h"
#include "store/PasswordSource.h"
#include "widgets/ApprovalGraceSetting.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <exception>

namespace baton::ui {

SettingsPage::SettingsPage(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_settings(context.settings()), m_crm(context.crmConnection()),
      m_user(new QComboBox(this)), m_role(new QLabel(this)), m_hubSpot(new QLineEdit(this)),
      m_salesforce(new QLineEdit(this)), m_salesforceClient(new QLineEdit(this)),
      m_webhook(new QLineEdit(this)), m_jsonl(new QLineEdit(this)),
      m_hubSpotToken(new QLineEdit(this)), m_salesforceToken(new QLineEdit(this)),
      m_keep(new QPushButton(tr("&Keep credentials"), this)),
      m_test(new QPushButton(tr("&Test connection"), this)), m_crmStatus(new QLabel(this))
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
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, save] {
            (m_settings.*save)(edit->text().trimmed());
            emit crmChanged();
        });
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
    form->addRow(QString(), buildCredentials());
    form->addRow(tr("Approvals can be undone for"), new ApprovalGraceSetting(context, this));
    form->addRow(tr("Team database"), buildTeamDatabase());
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
    connect(m_hubSpot, &QLineEdit::editingFinished, this, [this] {
        m_settings.setHubSpotUrl(m_hubSpot->text().trimmed());
        emit crmChanged();
    });
    showLabelsAsPlainText(this);
}

QWidget *SettingsPage::buildCredentials()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    m_hubSpotToken->setObjectName(QStringLiteral("hubSpotToken"));
    m_salesforceToken->setObjectName(QStringLiteral("salesforceToken"));
    for (QLineEdit *secret : {m_hubSpotToken, m_salesforceToken}) {
        secret->setEchoMode(QLineEdit::Password);
        secret->setPlaceholderText(tr("unchanged"));
    }
    m_keep->setObjectName(QStringLiteral("keepCredentials"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_crmStatus->setObjectName(QStringLiteral("crmStatus"));
    m_crmStatus->setWordWrap(true);
    m_crmStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_keep);
    buttons->addWidget(m_test);
    buttons->addStretch(1);
    form->addRow(tr("HubSpot access token"), m_hubSpotToken);
    form->addRow(tr("Salesforce refresh token"), m_salesforceToken);
    form->addRow(buttons);
    form->addRow(m_crmStatus);
    m_keep->setEnabled(m_crm != nullptr);
    m_test->setEnabled(m_crm != nullptr);
    if (!m_crm)
        m_crmStatus->setText(tr("Credentials are kept with `baton secret set NAME`."));
    connect(m_keep, &QPushButton::clicked, this, &SettingsPage::keepCredentials);
    connect(m_test, &QPushButton::clicked, this, &SettingsPage::testConnection);
    if (m_crm)
        connect(m_crm, &CrmConnection::tested, this, &SettingsPage::tested);
    return box;
}

void SettingsPage::keepCredentials()
{
    if (!m_crm)
        return;
    QStringList kept, failed;
    const std::pair<QLineEdit *, QString> secrets[] = {
        {m_hubSpotToken, QStringLiteral("hubspot-token")},
        {m_salesforceToken, QStringLiteral("salesforce-refresh-token")}};
    for (const auto &[edit, name] : secrets) {
        if (edit->text().isEmpty())
            continue;
        QString error;
        const QString where = m_crm->keepSecret(name, edit->text(), error);
        if (where.isEmpty()) {
            failed << tr("%1 was not kept: %2").arg(name, error);
            continue;
        }
        edit->clear(); // the keychain has it; the window does not keep it
        kept << tr("%1 kept in %2").arg(name, where);
    }
    if (kept.isEmpty() && failed.isEmpty())
        m_crmStatus->setText(tr("Type a token first: empty fields leave what is kept as it is."));
    else
        m_crmStatus->setText((kept + failed).join(QLatin1Char('\n')));
    if (!kept.isEmpty())
        emit crmChanged();
}

void SettingsPage::testConnection()
{
    if (!m_crm || m_crm->isTesting())
        return;
    CrmEndpoint endpoint;
    if (!m_settings.hubSpotUrl().isEmpty()) {
        endpoint.url = m_settings.hubSpotUrl();
    } else if (!m_settings.salesforceUrl().isEmpty()) {
        endpoint.kind = crm::Target::Salesforce;
        endpoint.url = m_settings.salesforceUrl();
        endpoint.clientId = m_settings.salesforceClientId();
    } else {
        m_crmStatus->setText(tr("No CRM to test: set HubSpot's or Salesforce's URL first."));
        return;
    }
    m_test->setEnabled(false);
    m_crmStatus->setText(tr("Testing the connection…"));
    m_crm->test(endpoint);
}

void SettingsPage::tested(bool ok, const QString &message)
{
    m_test->setEnabled(true);
    m_crmStatus->setText(ok ? tr("✔ %1").arg(message) : tr("✘ %1").arg(message));
}

QWidget *SettingsPage::buildTeamDatabase()
{
    auto *box = new QWidget(this);
    m_team = new QLineEdit(box);
    m_team->setObjectName(QStringLiteral("teamDatabase"));
    m_team->setPlaceholderText(
        QStringLiteral("postgresql://you@db.example.com/baton?sslmode=verify-full"));
    m_team->setText(m_settings.teamDatabase());
    m_teamStatus = new QLabel(box);
    m_teamStatus->setObjectName(QStringLiteral("teamDatabaseStatus"));
    m_teamStatus->setWordWrap(true);
    m_teamStatus->setText(
        tr("The console opens it from its next start, as your own database login; --store and "
           "BATON_STORE come first. Empty: this computer's store file."));
    m_teamPassword = new QLineEdit(box);
    m_teamPassword->setObjectName(QStringLiteral("teamDatabasePassword"));
    m_teamPassword->setEchoMode(QLineEdit::Password);
    m_teamPassword->setPlaceholderText(
        tr("Password, if the server asks for one: kept in the OS keychain (Enter)"));
    m_teamPassword->setEnabled(m_crm != nullptr);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_team);
    layout->addWidget(m_teamPassword);
    layout->addWidget(m_teamStatus);
    connect(m_team, &QLineEdit::editingFinished, this, &SettingsPage::saveTeamDatabase);
    connect(m_teamPassword, &QLineEdit::returnPressed, this, &SettingsPage::keepTeamPassword);
    return box;
}

void SettingsPage::keepTeamPassword()
{
    if (!m_crm || m_teamPassword->text().isEmpty())
        return;
    QString error;
    const QString name = QString::fromLatin1(store::kTeamDatabaseSecret);
    const QString where = m_crm->keepSecret(name, m_teamPassword->text(), error);
    m_teamPassword->clear(); // kept or not, the window does not hold it
    m_teamStatus->setText(where.isEmpty()
                              ? tr("The password was not kept: %1").arg(error)
                              : tr("The password is kept in %1; the console uses it from its "
                                   "next start, where ~/.pgpass has none.")
                                    .arg(where));
}

void SettingsPage::saveTeamDatabase()
{
    const QString location = m_team->text().trimmed();
    // Settings are a plain file: a password belongs where libpq keeps it.
    if (!QUrl(location).password().isEmpty()) {
        m_teamStatus->setText(tr("Not kept: the address holds a password. Type it in the "
                                 "password field (the OS keychain keeps it) or put it in "
                                 "~/.pgpass, and leave it out of the address."));
        return;
    }
    if (!location.isEmpty() && !location.startsWith(QLatin1String("postgresql://")) &&
        !location.startsWith(QLatin1String("postgres://")) &&
        !location.startsWith(QLatin1String("service="))) {
        m_teamStatus->setText(tr("Not kept: a team database is a postgresql:// address or "
                                 "service=NAME."));
        return;
    }
    m_settings.setTeamDatabase(location);
    m_teamStatus->setText(location.isEmpty()
                              ? tr("Kept: the console opens this computer's store file from its "
                                   "next start.")
                              : tr("Kept: the console opens the team database from its next "
                                   "start."));
}

} // namespace baton::ui
