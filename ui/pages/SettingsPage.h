#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace baton::store {
class Database;
}

namespace baton::ui {

class Settings;

// Who the console acts as (a user profile from the store, with its role), kept in the
// person's settings. The LLM backend and the CRM connection will join it here.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(store::Database &db, Settings &settings, const QString &currentUser,
                 QWidget *parent = nullptr);

    QComboBox *userChoice() const { return m_user; }

signals:
    // The profile (email) chosen; empty for nobody.
    void userChanged(const QString &user);

private:
    Settings &m_settings;
    QComboBox *m_user;
    QLabel *m_role;
    QLineEdit *m_hubSpot;
    QLineEdit *m_salesforce;
    QLineEdit *m_salesforceClient;
    QLineEdit *m_webhook;
    QLineEdit *m_jsonl;
};

} // namespace baton::ui
