#pragma once

#include <QWidget>

class QLabel;
class QSpinBox;

namespace baton::ui {

class ConsoleContext;

// "Approvals can be undone for [60] seconds": the store's setting (review/ApprovalGrace.h),
// so the CLI and every console agree. Whoever may not change it (core says who) sees it
// read-only; a change is saved when editing ends, and audited by core.
class ApprovalGraceSetting : public QWidget
{
    Q_OBJECT

public:
    explicit ApprovalGraceSetting(ConsoleContext &context, QWidget *parent = nullptr);

    QSpinBox *seconds() const { return m_seconds; }

private:
    void load();
    void save();

    ConsoleContext &m_context;
    QSpinBox *m_seconds;
    QLabel *m_note;
};

} // namespace baton::ui
