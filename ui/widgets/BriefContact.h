#pragma once

#include <QUrl>
#include <QWidget>
#include <cstdint>
#include <functional>

class QAction;
class QLabel;
class QToolButton;

namespace baton::ui {

class ConsoleContext;

// How to reach the lead of the brief shown: e-mail and phone with copy buttons, and once the
// brief is in a CRM, "Open in HubSpot/Salesforce" for the record the push made. Its actions
// (Ctrl+Shift+C copy the e-mail, Ctrl+Shift+P copy the phone, Ctrl+O open in the CRM) work
// wherever the page that adds them has the focus.
class BriefContact : public QWidget
{
    Q_OBJECT

public:
    explicit BriefContact(ConsoleContext &context, QWidget *parent = nullptr);

    // The lead's contact now, and the CRM record of brief `briefId`; 0 clears it.
    void showBrief(std::int64_t briefId, std::int64_t leadId);
    // What opens a CRM page: the desktop's browser unless a test puts itself in between.
    void setUrlOpener(std::function<bool(const QUrl &)> opener);

    QUrl crmUrl() const { return m_crmUrl; }
    QAction *copyEmailAction() const { return m_copyEmail; }
    QAction *copyPhoneAction() const { return m_copyPhone; }
    QAction *openCrmAction() const { return m_openCrm; }

signals:
    void statusMessage(const QString &message);

private:
    void findCrmRecord(std::int64_t briefId);
    void copy(const QString &what, const QString &text);

    ConsoleContext &m_context;
    QLabel *m_email;
    QLabel *m_phone;
    QToolButton *m_copyEmailButton;
    QToolButton *m_copyPhoneButton;
    QToolButton *m_openCrmButton;
    QAction *m_copyEmail;
    QAction *m_copyPhone;
    QAction *m_openCrm;
    QUrl m_crmUrl;
    std::function<bool(const QUrl &)> m_open;
};

} // namespace baton::ui
