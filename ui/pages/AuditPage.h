#pragma once

#include "models/People.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace baton::governance {
struct AuditEntry;
}

namespace baton::ui {

class ConsoleContext;
class EmptyState;

// The audit trail: who did what to which brief and when, newest first, filtered by actor,
// action and brief, under the chain's verification status (the first broken link, if any).
class AuditPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxRows = 1000;

    // Shown to the context's actor if their role may read the log; follows the actor.
    explicit AuditPage(ConsoleContext &context, QWidget *parent = nullptr);

    // Verifies the chain and reads the entries again.
    void refresh();
    // Reads the entries again, keeping the selected one and the scroll position; the chain's
    // verification stays as it was (a store change while the page is shown).
    void reload();
    // Whether whoever acts now may read the audit log (managers, marketing ops, admins):
    // otherwise the page shows nothing of it and says why.
    void setAllowed(bool allowed);
    QTreeWidget *entries() const { return m_entries; }
    QLabel *verification() const { return m_verification; }
    QDateEdit *since() const { return m_since; }
    QDateEdit *until() const { return m_until; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void enable(bool allowed);
    void addEntry(const governance::AuditEntry &e);

    ConsoleContext &m_context;
    bool m_allowed = false;
    QLabel *m_verification;
    QLineEdit *m_actor;
    QComboBox *m_action;
    QLineEdit *m_brief;
    QDateEdit *m_since;
    QDateEdit *m_until;
    QTreeWidget *m_entries;
    EmptyState *m_empty;
    People m_people;
};

} // namespace baton::ui
