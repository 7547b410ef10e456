#include "widgets/StepTimeline.h"

#include "models/DisplayFormat.h"
#include "widgets/WrappingDelegate.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baton::ui {

namespace {

struct Check
{
    bool passed = true;
    QString text;
};

QString agentText(const QString &agent)
{
    if (agent == QLatin1String("enrichment"))
        return StepTimeline::tr("Enrichment");
    if (agent == QLatin1String("scoring"))
        return StepTimeline::tr("Scoring");
    if (agent == QLatin1String("summarization"))
        return StepTimeline::tr("Summarization");
    if (agent == QLatin1String("handoff"))
        return StepTimeline::tr("Handoff");
    return agent;
}

QJsonValue parsed(const std::string &json)
{
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// The checks a step recorded, each passed or failed: its scope, the escalation criteria, the
// summary's grounding and the brief's contract, as far as the step has them.
std::vector<Check> checksOf(const QJsonObject &c)
{
    std::vector<Check> out;
    if (c.contains(QLatin1String("scope"))) {
        QStringList decides;
        for (const auto &d : c[QLatin1String("scope")][QLatin1String("decides")].toArray())
            decides << d.toString();
        out.push_back({true, decides.isEmpty() ? StepTimeline::tr("Stayed within its scope")
                                               : StepTimeline::tr("Stayed within its scope (%1)")
                                                     .arg(decides.join(QStringLiteral(", ")))});
    }
    if (c.contains(QLatin1String("escalations"))) {
        const QJsonArray escalations = c[QLatin1String("escalations")].toArray();
        if (escalations.isEmpty())
            out.push_back({true, StepTimeline::tr("No escalation criterion met")});
        for (const auto &e : escalations)
            out.push_back({false, StepTimeline::tr("Escalates: %1").arg(e.toString())});
    }
    if (c.contains(QLatin1String("grounded"))) {
        const bool grounded = c[QLatin1String("grounded")].toBool();
        out.push_back({grounded, grounded ? StepTimeline::tr("Summary grounded in its inputs")
                                          : StepTimeline::tr("Summary not grounded: %1")
                                                .arg(c[QLatin1String("fallback")].toString())});
    }
    if (c.contains(QLatin1String("contract_errors"))) {
        const int errors = c[QLatin1String("contract_errors")].toInt();
        out.push_back({errors == 0,
                       errors == 0 ? StepTimeline::tr("The brief meets its contract")
                                   : StepTimeline::tr("%n brief contract error(s)", "", errors)});
    }
    return out;
}

QJsonObject rawStep(const review::StepView &s)
{
    QJsonObject o;
    o[QStringLiteral("agent")] = qs(s.agent);
    o[QStringLiteral("version")] = qs(s.version);
    o[QStringLiteral("decision")] = qs(s.decision);
    o[QStringLiteral("rationale")] = parsed(s.rationale);
    o[QStringLiteral("policy_checks")] = parsed(s.policyChecks);
    o[QStringLiteral("inputs")] = parsed(s.inputs);
    o[QStringLiteral("duration_ms")] = s.durationMs;
    o[QStringLiteral("span_id")] = qs(s.spanId);
    return o;
}

} // namespace

StepTimeline::StepTimeline(QWidget *parent)
    : QWidget(parent), m_tree(new QTreeWidget(this)),
      m_showRaw(new QCheckBox(tr("Show raw"), this)), m_raw(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("stepTimeline"));
    m_tree->setObjectName(QStringLiteral("briefSteps"));
    m_tree->setHeaderLabels(
        {tr("Agent"), tr("Version"), tr("Decision"), tr("Checks"), tr("Duration")});
    m_tree->setWordWrap(true);
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->setUniformRowHeights(false);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_showRaw->setObjectName(QStringLiteral("showRawSteps"));
    m_raw->setObjectName(QStringLiteral("rawSteps"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_raw, 1);
    layout->addWidget(m_showRaw);
    connect(m_showRaw, &QCheckBox::toggled, this, [this](bool raw) {
        m_raw->setVisible(raw);
        m_tree->setVisible(!raw);
    });
}

void StepTimeline::showSteps(const std::vector<review::StepView> &steps)
{
    m_tree->clear();
    QJsonArray raw;
    const QLocale locale;
    for (const auto &s : steps) {
        const std::vector<Check> checks = checksOf(parsed(s.policyChecks).toObject());
        const auto failed =
            std::count_if(checks.begin(), checks.end(), [](const Check &c) { return !c.passed; });
        const int passed = int(checks.size() - std::size_t(failed));
        auto *row =
            new QTreeWidgetItem(m_tree, {agentText(qs(s.agent)), qs(s.version), qs(s.decision),
                                         tr("%1 passed, %2 failed").arg(passed).arg(failed),
                                         tr("%1 ms").arg(locale.toString(s.durationMs, 'f', 2))});
        for (const auto &why : parsed(s.rationale).toArray())
            new QTreeWidgetItem(row, {QString(), QString(), why.toString()});
        for (const Check &c : checks)
            new QTreeWidgetItem(row,
                                {QString(), QString(),
                                 (c.passed ? tr("Passed: %1") : tr("Failed: %1")).arg(c.text)});
        row->setExpanded(true);
        raw.append(rawStep(s));
    }
    m_raw->setPlainText(QString::fromUtf8(QJsonDocument(raw).toJson(QJsonDocument::Indented)));
}

} // namespace baton::ui
