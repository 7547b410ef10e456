#pragma once

#include "review/BriefQueries.h"

#include <QWidget>
#include <optional>

class QToolButton;

namespace baton::ui {

// "My day" above the inbox: how many of the person's open briefs are due today, overdue,
// returned to them, and new since their last visit. Each count is a button that narrows
// the list to its briefs; pressing it again (or "All") widens it back.
class MyDayStrip : public QWidget
{
    Q_OBJECT

public:
    explicit MyDayStrip(QWidget *parent = nullptr);

    void showCounts(const review::DayCounts &counts);
    std::optional<review::DayBucket> bucket() const { return m_bucket; }
    QToolButton *button(review::DayBucket bucket) const;

signals:
    void bucketChosen(std::optional<review::DayBucket> bucket);

private:
    void choose(review::DayBucket bucket, bool on);

    QToolButton *m_buttons[4];
    std::optional<review::DayBucket> m_bucket;
};

} // namespace baton::ui
