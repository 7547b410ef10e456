#pragma once

#include "review/BriefQueries.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QPlainTextEdit;
class QTreeWidget;

namespace baton::ui {

// The agents' steps behind a brief as a timeline a person reads: one row per agent (name,
// version, decision, checks passed and failed, duration), opening into its rationale and
// each check; the steps as recorded (JSON) behind "Show raw".
class StepTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit StepTimeline(QWidget *parent = nullptr);

    void showSteps(const std::vector<review::StepView> &steps);
    QTreeWidget *tree() const { return m_tree; }
    QCheckBox *rawToggle() const { return m_showRaw; }
    QPlainTextEdit *raw() const { return m_raw; }

private:
    QTreeWidget *m_tree;
    QCheckBox *m_showRaw;
    QPlainTextEdit *m_raw;
};

} // namespace baton::ui
