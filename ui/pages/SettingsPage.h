#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace baton::ui {

class ConsoleContext;
class CrmConnection;
class Settings;

// Who the console acts as (a user profile from the store, with its role), kept in the
// person's settings, and where approved briefs go: the CRM's address, its credentials (kept
// in the OS keychain through the context's CrmConnection, never in the settings) and a test
// of the connection. Every change applies at once: the next push reads them.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    // Offers the store's profiles, the context's user chosen.
    explicit SettingsPage(ConsoleContext &context, QWidget *parent = nullptr);

    QComboBox *userChoice() const { return m_user; }
    QLabel *crmStatus() const { return m_crmStatus; }

    // Keeps the credentials typed (then clears them), as the button does.
    void keepCredentials();
    // Tries the CRM the settings name (HubSpot if its URL is set, else Salesforce) in the
    // background; crmStatus() says how it went.
    void testConnection();

signals:
    // The profile (email) chosen; empty for nobody.
    void userChanged(const QString &user);
    // A CRM address or credential changed: where pushes go, as shown elsewhere, is out of date.
    void crmChanged();

private:
    QWidget *buildCredentials();
    void tested(bool ok, const QString &message);
    QWidget *buildTeamDatabase();
    void saveTeamDatabase();
    // Keeps the typed password as the team-database secret in the OS keychain, then clears it.
    void keepTeamPassword();

    Settings &m_settings;
    CrmConnection *m_crm;
    QComboBox *m_user;
    QLabel *m_role;
    QLineEdit *m_hubSpot;
    QLineEdit *m_salesforce;
    QLineEdit *m_salesforceClient;
    QLineEdit *m_webhook;
    QLineEdit *m_jsonl;
    QLineEdit *m_hubSpotToken;
    QLineEdit *m_salesforceToken;
    QPushButton *m_keep;
    QPushButton *m_test;
    QLabel *m_crmStatus;
    QLineEdit *m_team = nullptr;
    QLineEdit *m_teamPassword = nullptr;
    QLabel *m_teamStatus = nullptr;
};

} // namespace baton::ui
