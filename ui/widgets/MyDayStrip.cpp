#include "widgets/MyDayStrip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace baton::ui {

namespace {

using review::DayBucket;

constexpr DayBucket kBuckets[] = {DayBucket::DueToday, DayBucket::Overdue, DayBucket::ReturnedToMe,
                                  DayBucket::NewSinceVisit};

QString bucketText(DayBucket bucket, std::int64_t n)
{
    const int count = int(n);
    switch (bucket) {
    case DayBucket::DueToday:
        return MyDayStrip::tr("%n due today", "", count);
    case DayBucket::Overdue:
        return MyDayStrip::tr("%n overdue", "", count);
    case DayBucket::ReturnedToMe:
        return MyDayStrip::tr("%n returned to me", "", count);
    case DayBucket::NewSinceVisit:
        return MyDayStrip::tr("%n new since my last visit", "", count);
    }
    return {};
}

const char *objectNameOf(DayBucket bucket)
{
    switch (bucket) {
    case DayBucket::DueToday:
        return "myDayDueToday";
    case DayBucket::Overdue:
        return "myDayOverdue";
    case DayBucket::ReturnedToMe:
        return "myDayReturned";
    case DayBucket::NewSinceVisit:
        return "myDayNew";
    }
    return "";
}

} // namespace

MyDayStrip::MyDayStrip(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("myDay"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("My day:"), this);
    row->addWidget(title);
    for (const DayBucket b : kBuckets) {
        auto *button = new QToolButton(this);
        button->setObjectName(QLatin1String(objectNameOf(b)));
        button->setCheckable(true);
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, [this, b](bool on) { choose(b, on); });
        m_buttons[static_cast<int>(b)] = button;
        row->addWidget(button);
    }
    row->addStretch(1);
    showCounts({});
}

QToolButton *MyDayStrip::button(DayBucket bucket) const
{
    return m_buttons[static_cast<int>(bucket)];
}

void MyDayStrip::showCounts(const review::DayCounts &c)
{
    button(DayBucket::DueToday)->setText(bucketText(DayBucket::DueToday, c.dueToday));
    button(DayBucket::Overdue)->setText(bucketText(DayBucket::Overdue, c.overdue));
    button(DayBucket::ReturnedToMe)->setText(bucketText(DayBucket::ReturnedToMe, c.returnedToMe));
    button(DayBucket::NewSinceVisit)
        ->setText(bucketText(DayBucket::NewSinceVisit, c.newSinceVisit));
}

void MyDayStrip::choose(DayBucket bucket, bool on)
{
    // One bucket at a time: choosing one releases the others.
    m_bucket = on ? std::optional(bucket) : std::nullopt;
    for (const DayBucket b : kBuckets)
        button(b)->setChecked(m_bucket == b);
    emit bucketChosen(m_bucket);
}

} // namespace baton::ui
