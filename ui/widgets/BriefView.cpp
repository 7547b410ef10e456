#include "widgets/BriefView.h"

#include "ConsoleContext.h"
#include "PlainText.h"
#include "crm/OutboxVocabulary.h"
#include "models/BriefLabels.h"
#include "models/DisplayFormat.h"
#include "models/Labels.h"
#include "models/People.h"
#include "widgets/BriefContact.h"
#include "widgets/StepTimeline.h"
#include "widgets/WrappingDelegate.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMap>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <functional>

namespace baton::ui {

namespace {

constexpr int kEvidenceRole = Qt::UserRole + 1; // QStringList of refs a sentence cites
constexpr int kRefRole = Qt::UserRole + 2;      // the ref an input row stands for

QStringList strings(const QJsonArray &array)
{
    QStringList out;
    for (const auto &v : array)
        out << v.toString();
    return out;
}

QTreeWidget *tree(const QStringList &headers, const char *objectName, QWidget *parent)
{
    auto *t = new QTreeWidget(parent);
    t->setObjectName(QLatin1String(objectName));
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->header()->setStretchLastSection(true);
    return t;
}

} // namespace

BriefView::BriefView(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_title(new QLabel(this)), m_meta(new QLabel(this)),
      m_contact(new BriefContact(context, this)), m_crm(new QLabel(this)),
      m_chart(new QChartView(this)), m_tabs(new QTabWidget(this)),
      m_sentences(tree({tr("Section"), tr("Sentence"), tr("Sources")}, "briefSentences", this)),
      m_inputs(
          tree({tr("Record"), tr("Source"), tr("Contract"), tr("Hash"), tr("Received"), tr("What")},
               "briefInputs", this)),
      m_timeline(new StepTimeline(this)),
      m_history(tree({tr("When"), tr("Action"), tr("By"), tr("Status"), tr("Detail")},
                     "briefHistory", this))
{
    setObjectName(QStringLiteral("briefView"));
    m_title->setObjectName(QStringLiteral("briefTitle"));
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_meta->setObjectName(QStringLiteral("briefMeta"));
    m_meta->setWordWrap(true);
    m_crm->setObjectName(QStringLiteral("crmLinks"));
    m_crm->setWordWrap(true);
    m_crm->setTextInteractionFlags(Qt::TextSelectableByMouse); // ids to copy into the CRM
    m_chart->setObjectName(QStringLiteral("factorChart"));
    m_chart->setMinimumHeight(230);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_sentences->setRootIsDecorated(true);
    m_sentences->setWordWrap(true);
    m_sentences->setTextElideMode(Qt::ElideNone);
    m_sentences->setUniformRowHeights(false);
    m_sentences->setItemDelegate(new WrappingDelegate(m_sentences));
    // The sentence gets the room and wraps; the section and the count of sources take what
    // they need (a sentence opens into the records it cites).
    m_sentences->header()->setStretchLastSection(false);
    m_sentences->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_sentences->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_sentences->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    m_tabs->addTab(m_sentences, tr("Brief"));
    m_tabs->addTab(m_inputs, tr("Inputs"));
    m_tabs->addTab(m_timeline, tr("Reasoning"));
    m_tabs->addTab(m_history, tr("History"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_contact);
    layout->addWidget(m_crm);
    layout->addWidget(m_chart);
    layout->addWidget(m_tabs, 1);

    connect(m_sentences, &QTreeWidget::itemSelectionChanged, this, &BriefView::sentenceSelected);
    connect(m_inputs, &QTreeWidget::itemSelectionChanged, this, &BriefView::inputSelected);
    showBrief(0);
    showLabelsAsPlainText(this);
}

QTreeWidget *BriefView::steps() const
{
    return m_timeline->tree();
}

void BriefView::showCrm(std::int64_t briefId)
{
    // Grouped by where each went: "In HubSpot: contact 1001 · note 1002 · task 1003".
    QMap<QString, QStringList> made;
    int waiting = 0, failed = 0;
    for (const auto &o : m_context.briefs().crmObjects(briefId)) {
        if (is(o.status, crm::OpStatus::Done)) {
            const auto target = util::parseName<crm::Target>(o.system);
            QString what;
            if (is(o.kind, crm::OpKind::UpsertPerson))
                what = target == crm::Target::Salesforce ? tr("lead") : tr("contact");
            else if (is(o.kind, crm::OpKind::CreateNote))
                what = tr("note");
            else if (is(o.kind, crm::OpKind::CreateTask))
                what = tr("task");
            else if (is(o.kind, crm::OpKind::PostWebhook) || is(o.kind, crm::OpKind::AppendJsonl))
                what = tr("delivery");
            else
                continue; // a compensation: the object it changed is listed already
            made[target ? targetText(*target) : qs(o.system)]
                << QStringLiteral("%1 %2").arg(what, qs(o.crmId));
        } else if (is(o.status, crm::OpStatus::Pending) || is(o.status, crm::OpStatus::InFlight)) {
            ++waiting;
        } else {
            ++failed;
        }
    }
    QStringList parts;
    for (auto it = made.cbegin(); it != made.cend(); ++it)
        parts << tr("In %1: %2").arg(it.key(), it.value().join(QStringLiteral(" · ")));
    if (waiting > 0)
        parts << tr("%n CRM operation(s) waiting", nullptr, waiting);
    if (failed > 0)
        parts << tr("%n CRM operation(s) failed or cancelled (see Outbox)", nullptr, failed);
    m_crm->setText(parts.join(QStringLiteral("; ")));
    m_crm->setVisible(!parts.isEmpty());
}

void BriefView::showBrief(std::int64_t briefId)
{
    m_briefId = briefId;
    m_sentences->clear();
    m_inputs->clear();
    m_timeline->showSteps({});
    m_history->clear();
    if (briefId == 0) {
        m_contact->showBrief(0, 0);
        m_title->setText(tr("No brief selected"));
        m_meta->clear();
        m_crm->clear();
        m_crm->hide();
        m_chart->setChart(new QChart);
        return;
    }
    const auto state = m_context.review().brief(briefId);
    m_version = state.version;
    const QJsonObject brief =
        QJsonDocument::fromJson(QByteArray::fromStdString(state.text)).object();
    const QJsonObject lead = brief[QStringLiteral("lead")].toObject();
    const QJsonObject score = brief[QStringLiteral("score")].toObject();
    const QJsonObject routing = brief[QStringLiteral("routing")].toObject();
    m_title->setText(
        tr("%1 — %2, %3")
            .arg(lead[QStringLiteral("name")].toString(lead[QStringLiteral("email")].toString()),
                 lead[QStringLiteral("job_title")].toString(),
                 lead[QStringLiteral("company")].toString()));
    const QDateTime due = utcTime(routing[QStringLiteral("sla_due")].toString());
    m_meta->setText(tr("Band %1 · score %2 (fit %3, engagement %4) · SLA %5 · %6 · version %7%8")
                        .arg(score[QStringLiteral("grid")].toString())
                        .arg(score[QStringLiteral("score")].toDouble(), 0, 'f', 1)
                        .arg(score[QStringLiteral("fit")].toDouble(), 0, 'f', 1)
                        .arg(score[QStringLiteral("engagement")].toDouble(), 0, 'f', 1)
                        .arg(slaCountdown(due, m_context.now()))
                        .arg(briefStatusText(state.status))
                        .arg(state.version)
                        .arg(state.edited ? tr(" · edited") : QString()));
    fillChart(score);
    showCrm(briefId);
    m_contact->showBrief(briefId, state.leadId);

    QHash<QString, QString> about;
    for (const auto &in : m_context.briefs().inputs(state.text)) {
        about.insert(qs(in.ref), qs(in.summary));
        auto *item = new QTreeWidgetItem(
            m_inputs, {qs(in.ref), qs(in.sourceSystem + " " + in.sourceId), qs(in.contract),
                       qs(in.hash.substr(0, 12)), qs(in.receivedAt), qs(in.summary)});
        item->setData(0, kRefRole, qs(in.ref));
        item->setToolTip(3, qs(in.hash));
        if (in.missing || in.changedSince)
            item->setToolTip(0, in.missing ? tr("The record is no longer in the store")
                                           : tr("The record changed since the brief was made"));
    }
    fillSentences(brief, about);
    m_timeline->showSteps(m_context.briefs().steps(briefId));
    fillHistory(briefId);
}

// What people did with the brief, in their words: actions, roles and statuses as labels,
// people by name (the stored e-mail in the tooltip), times relative to the console's clock.
void BriefView::fillHistory(std::int64_t briefId)
{
    const People people(m_context);
    for (const auto &h : m_context.briefs().history(briefId)) {
        QString detail = reasonLabel(h.reason);
        if (!h.target.empty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral("; ")) +
                      tr("to %1").arg(qs(h.target));
        if (!h.note.empty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral("; ")) +
                      QStringLiteral("“%1”").arg(qs(h.note));
        if (!h.patch.empty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral("; ")) + qs(h.patch);
        auto *item = new QTreeWidgetItem(
            m_history,
            {relativeTime(h.at, m_context.now()), labelOf<review::ReviewAction>(h.action),
             tr("%1 (%2)").arg(people.name(h.actor), labelOf<governance::Role>(h.role)),
             tr("%1 → %2").arg(labelOf<review::BriefStatus>(h.statusBefore),
                               labelOf<review::BriefStatus>(h.statusAfter)),
             detail});
        item->setToolTip(0, fullTime(h.at));
        item->setToolTip(2, qs(h.actor));
    }
}

void BriefView::fillSentences(const QJsonObject &brief, const QHash<QString, QString> &about)
{
    // Sections, sentence by sentence, each with the count of records it cites, opening into
    // them.
    const QDateTime now = m_context.now();
    const auto addSentence = [&](QTreeWidgetItem *parent, const QString &text,
                                 const QStringList &evidence) {
        auto *item = new QTreeWidgetItem(
            parent, {QString(), text, tr("%n source(s)", "", int(evidence.size()))});
        item->setData(0, kEvidenceRole, evidence);
        item->setToolTip(1, plainToolTip(text));
        for (const QString &ref : evidence) {
            const QString line = about.value(ref);
            auto *cite = new QTreeWidgetItem(
                item, {QString(), line.isEmpty() ? ref : tr("%1: %2").arg(ref, line)});
            cite->setData(0, kEvidenceRole, QStringList{ref});
        }
    };
    const auto section = [&](const QString &title, const QJsonArray &items,
                             const std::function<QString(const QJsonObject &)> &textOf) {
        if (items.isEmpty())
            return;
        auto *parent = new QTreeWidgetItem(m_sentences, {title});
        parent->setFirstColumnSpanned(true);
        for (const auto &v : items) {
            const QJsonObject o = v.toObject();
            addSentence(parent, textOf(o), strings(o[QStringLiteral("evidence")].toArray()));
        }
        parent->setExpanded(true);
    };
    const auto textField = [](const QJsonObject &o) {
        return o[QStringLiteral("text")].toString();
    };
    // What to do and by when, then why: "Book a demo, due today 14:00" over its reason.
    const auto actionLine = [&](const QJsonObject &o) {
        QString reason = o[QStringLiteral("reason")].toString();
        if (!reason.isEmpty())
            reason[0] = reason[0].toUpper();
        const QDateTime due = utcTime(o[QStringLiteral("due")].toString());
        const QString what = actionText(o[QStringLiteral("action")].toString());
        // "overdue by 6 d" says when on its own: no "due" before it.
        if (due.isValid() && due < now)
            return tr("%1, %2\n%3").arg(what, dueText(due, now), reason);
        return tr("%1, due %2\n%3").arg(what, dueText(due, now), reason);
    };
    const QJsonObject summary = brief[QStringLiteral("summary")].toObject();
    section(tr("Recommended actions"), brief[QStringLiteral("recommended_actions")].toArray(),
            actionLine);
    section(tr("Intent signals"), summary[QStringLiteral("intent_signals")].toArray(), textField);
    section(tr("Talking points"), summary[QStringLiteral("talking_points")].toArray(), textField);
    section(tr("Risks"), summary[QStringLiteral("risks")].toArray(), textField);
    const QJsonObject quality = brief[QStringLiteral("data_quality")].toObject();
    const QStringList missing = strings(quality[QStringLiteral("missing")].toArray());
    const int complete = qRound(quality[QStringLiteral("completeness")].toDouble() * 100);
    auto *dq = new QTreeWidgetItem(
        m_sentences, {tr("Data quality"),
                      missing.isEmpty() ? tr("Completeness %1%, nothing missing").arg(complete)
                                        : tr("Completeness %1%; missing: %2")
                                              .arg(complete)
                                              .arg(missing.join(QStringLiteral(", ")))});
    dq->setFirstColumnSpanned(false);
    const QJsonObject escalation = brief[QStringLiteral("escalation")].toObject();
    if (escalation[QStringLiteral("required")].toBool())
        new QTreeWidgetItem(
            m_sentences,
            {tr("Escalation"),
             strings(escalation[QStringLiteral("reasons")].toArray()).join(QStringLiteral("; "))});
}

void BriefView::fillChart(const QJsonObject &score)
{
    // Top factors, largest first, positive in one colour and negative in another.
    auto *positive = new QBarSet(tr("Raises the score"));
    auto *negative = new QBarSet(tr("Lowers the score"));
    QStringList names;
    const auto add = [&](const QJsonArray &list, bool isPositive) {
        for (const auto &v : list) {
            const QJsonObject f = v.toObject();
            QString name = f[QStringLiteral("name")].toString();
            if (name.size() > 32)
                name = name.left(31) + QChar(0x2026);
            names << name;
            const double c = f[QStringLiteral("contribution")].toDouble();
            *positive << (isPositive ? c : 0);
            *negative << (isPositive ? 0 : c);
        }
    };
    add(score[QStringLiteral("top_negative")].toArray(), false);
    add(score[QStringLiteral("top_positive")].toArray(), true);
    auto *series = new QHorizontalBarSeries;
    series->append(positive);
    series->append(negative);
    auto *chart = new QChart;
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(names);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    categories->setLabelsFont(small);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setLabelsFont(small);
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setTitleText(tr("points"));
    values->setTitleFont(small);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    values->applyNiceNumbers();
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void BriefView::sentenceSelected()
{
    const auto selected = m_sentences->selectedItems();
    const QStringList cited = selected.isEmpty()
                                  ? QStringList()
                                  : selected.first()->data(0, kEvidenceRole).toStringList();
    for (int i = 0; i < m_inputs->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_inputs->topLevelItem(i);
        const bool hit = cited.contains(item->data(0, kRefRole).toString());
        for (int c = 0; c < m_inputs->columnCount(); ++c)
            item->setBackground(c, hit ? palette().highlight().color().lighter(160) : QBrush());
    }
}

void BriefView::inputSelected()
{
    const auto selected = m_inputs->selectedItems();
    const QString ref =
        selected.isEmpty() ? QString() : selected.first()->data(0, kRefRole).toString();
    for (int i = 0; i < m_sentences->topLevelItemCount(); ++i) {
        QTreeWidgetItem *parent = m_sentences->topLevelItem(i);
        for (int j = 0; j < parent->childCount(); ++j) {
            QTreeWidgetItem *item = parent->child(j);
            const bool hit =
                !ref.isEmpty() && item->data(0, kEvidenceRole).toStringList().contains(ref);
            for (int c = 0; c < m_sentences->columnCount(); ++c)
                item->setBackground(c, hit ? palette().highlight().color().lighter(160) : QBrush());
        }
    }
}

} // namespace baton::ui
