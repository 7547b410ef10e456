#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace baton::ui {

class ConsoleContext;
class Settings;

// Who the console acts as (a user profile from the store, with its role), kept in the
// person's settings. The LLM backend and the CRM connection will join it here.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    // Offers the store's profiles, the context's user chosen.
    explicit SettingsPage(ConsoleContext &context, QWidget *parent = nullptr);

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
