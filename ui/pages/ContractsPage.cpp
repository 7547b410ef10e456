#include "pages/ContractsPage.h"

#include "ConsoleContext.h"
#include "PlainText.h"
#include "models/DisplayFormat.h"

#include <QDate>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace baton::ui {

namespace {

QTableWidget *table(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSortingEnabled(true);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem *text(const std::string &s)
{
    return new QTableWidgetItem(qs(s));
}

// A cell that reads as the locale writes it and sorts by its value.
class ValueItem final : public QTableWidgetItem
{
public:
    ValueItem(const QString &text, const QVariant &value) : QTableWidgetItem(text)
    {
        setData(Qt::UserRole, value);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return QVariant::compare(data(Qt::UserRole), other.data(Qt::UserRole)) ==
               QPartialOrdering::Less;
    }
};

QTableWidgetItem *number(std::int64_t value)
{
    auto *item = new ValueItem(countText(value), QVariant::fromValue<qint64>(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// A share as a percentage, one decimal ("1.0 %"), two below a tenth of a percent.
QTableWidgetItem *percent(double share)
{
    const int decimals = share > 0 && share < 0.001 ? 2 : 1;
    auto *item = new ValueItem(percentText(share, decimals), share);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// A stored day ("2026-11-04") or time as the locale writes the date; sorts by the day.
QTableWidgetItem *day(const std::string &stored)
{
    const QDate date = QDate::fromString(qs(stored).left(10), Qt::ISODate);
    if (!date.isValid())
        return text(stored);
    auto *item = new ValueItem(QLocale().toString(date, QLocale::ShortFormat), date);
    item->setToolTip(qs(stored));
    return item;
}

QString statusLabel(const std::string &status)
{
    if (status == "active")
        return ContractsPage::tr("Active");
    if (status == "deprecated")
        return ContractsPage::tr("Deprecated");
    if (status == "sunset")
        return ContractsPage::tr("Sunset");
    return qs(status);
}

} // namespace

ContractsPage::ContractsPage(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_state(new QLabel(this)),
      m_versions(table(QStringLiteral("contractVersions"),
                       {tr("Contract"), tr("Version"), tr("Status"), tr("Deprecated since"),
                        tr("Sunset at"), tr("Move to"), tr("Records"), tr("Quarantined")},
                       this)),
      m_drift(table(
          QStringLiteral("contractDrift"),
          {tr("Contract"), tr("Field it does not declare"), tr("Records"), tr("Last seen")}, this)),
      m_violations(table(QStringLiteral("contractViolations"),
                         {tr("Contract"), tr("Field"), tr("Day"), tr("Violations"),
                          tr("Records checked that day"), tr("Rate")},
                         this))
{
    setObjectName(QStringLiteral("contractsPage"));
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    auto *bar = new QHBoxLayout;
    bar->addWidget(refresh);
    bar->addWidget(m_state, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    for (auto [label, widget] : {std::pair{tr("Versions"), m_versions},
                                 std::pair{tr("Drift: fields records brought that their contract "
                                              "does not declare"),
                                           m_drift},
                                 std::pair{tr("Violations per field and day"), m_violations}}) {
        auto *box = new QWidget(split);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(new QLabel(label, box));
        l->addWidget(widget);
        split->addWidget(box);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    connect(refresh, &QPushButton::clicked, this, &ContractsPage::refresh);
    connect(&m_watcher, &QFutureWatcher<telemetry::ContractReport>::finished, this, [this] {
        try {
            present(m_watcher.result());
        } catch (const std::exception &e) {
            m_state->setText(
                tr("The contracts could not be read: %1").arg(QString::fromUtf8(e.what())));
        }
        emit refreshed();
    });
    showLabelsAsPlainText(this);
}

ContractsPage::~ContractsPage()
{
    m_watcher.waitForFinished();
}

void ContractsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        refresh();
    }
}

void ContractsPage::refresh()
{
    if (m_watcher.isRunning())
        return;
    m_state->setText(tr("Reading…"));
    m_watcher.setFuture(
        QtConcurrent::run([&context = m_context] { return context.contractReport(); }));
}

void ContractsPage::present(const telemetry::ContractReport &r)
{
    for (auto *t : {m_versions, m_drift, m_violations}) {
        t->setSortingEnabled(false);
        t->setRowCount(0);
    }
    m_versions->setRowCount(int(r.versions.size()));
    for (int i = 0; i < int(r.versions.size()); ++i) {
        const auto &v = r.versions[std::size_t(i)];
        m_versions->setItem(i, 0, text(v.name));
        m_versions->setItem(i, 1, number(v.version));
        m_versions->setItem(i, 2, new QTableWidgetItem(statusLabel(v.status)));
        m_versions->setItem(i, 3, v.deprecatedSince.empty() ? text({}) : day(v.deprecatedSince));
        m_versions->setItem(i, 4, v.sunsetAt.empty() ? text({}) : day(v.sunsetAt));
        m_versions->setItem(i, 5, text(v.successor));
        m_versions->setItem(i, 6, number(v.records));
        m_versions->setItem(i, 7, number(v.quarantined));
    }
    m_drift->setRowCount(int(r.drift.size()));
    for (int i = 0; i < int(r.drift.size()); ++i) {
        const auto &d = r.drift[std::size_t(i)];
        m_drift->setItem(i, 0, text(d.contract));
        m_drift->setItem(i, 1, text(d.field));
        m_drift->setItem(i, 2, number(d.records));
        m_drift->setItem(i, 3, day(d.lastSeen));
    }
    m_violations->setRowCount(int(r.violations.size()));
    for (int i = 0; i < int(r.violations.size()); ++i) {
        const auto &v = r.violations[std::size_t(i)];
        m_violations->setItem(i, 0, text(v.contract));
        m_violations->setItem(i, 1, text(v.field));
        m_violations->setItem(i, 2, day(v.day));
        m_violations->setItem(i, 3, number(v.violations));
        m_violations->setItem(i, 4, number(v.records));
        m_violations->setItem(i, 5, percent(v.rate()));
    }
    for (auto *t : {m_versions, m_drift, m_violations}) {
        t->setSortingEnabled(true);
        t->resizeColumnsToContents();
    }
    m_state->setText(
        tr("%1 contract versions, %2 undeclared fields seen, %3 field violations by day")
            .arg(r.versions.size())
            .arg(r.drift.size())
            .arg(r.violations.size()));
}

} // namespace baton::ui
