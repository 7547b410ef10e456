#include "pages/LineagePage.h"

#include "ConsoleContext.h"
#include "PlainText.h"
#include "models/DisplayFormat.h"
#include "models/Labels.h"
#include "models/People.h"
#include "models/ReadableJson.h"

#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QFont>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainterPath>
#include <QPen>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <exception>
#include <set>

namespace baton::ui {

namespace {

using Kind = telemetry::LineageNode::Kind;

constexpr qreal kWidth = 230, kHeight = 46, kColumn = 290, kRow = 58;

QColor colorOf(Kind kind)
{
    switch (kind) {
    case Kind::File:
    case Kind::Batch:
        return QColor(0xe8, 0xee, 0xf7);
    case Kind::Record:
    case Kind::Event:
    case Kind::EventGroup:
        return QColor(0xe9, 0xf5, 0xe9);
    case Kind::Step:
        return QColor(0xfd, 0xf1, 0xdc);
    case Kind::Field:
        return QColor(0xf3, 0xe8, 0xf8);
    case Kind::Operation:
    case Kind::CrmObject:
        return QColor(0xfb, 0xe7, 0xe7);
    }
    return Qt::white;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::File:
        return LineagePage::tr("source file");
    case Kind::Batch:
        return LineagePage::tr("ingest batch");
    case Kind::Record:
        return LineagePage::tr("record");
    case Kind::EventGroup:
        return LineagePage::tr("events (grouped; double-click to open)");
    case Kind::Event:
        return LineagePage::tr("event");
    case Kind::Step:
        return LineagePage::tr("agent step");
    case Kind::Field:
        return LineagePage::tr("brief field");
    case Kind::Operation:
        return LineagePage::tr("outbox operation");
    case Kind::CrmObject:
        return LineagePage::tr("CRM object");
    }
    return {};
}

// A node: its box, its label, and its version and time beneath; double-click opens a group.
class NodeItem final : public QGraphicsRectItem
{
public:
    NodeItem(const telemetry::LineageNode &node, std::function<void(const QString &)> open)
        : QGraphicsRectItem(0, 0, kWidth, kHeight), m_id(qs(node.id)), m_open(std::move(open))
    {
        setBrush(colorOf(node.kind));
        setPen(QPen(QColor(0x88, 0x88, 0x88)));
        setFlag(ItemIsSelectable);
        setData(0, m_id);
        QString label = qs(node.label);
        if (node.kind == Kind::EventGroup)
            label += QStringLiteral(" (%1)").arg(node.count);
        auto *title = new QGraphicsSimpleTextItem(label, this);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        title->setPos(6, 4);
        QString sub = qs(node.version);
        if (!node.time.empty())
            sub += (sub.isEmpty() ? QString() : QStringLiteral(" · ")) +
                   qs(node.time).left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
        auto *subtitle = new QGraphicsSimpleTextItem(sub, this);
        QFont small = subtitle->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        subtitle->setFont(small);
        subtitle->setPos(6, 24);
        const qreal room = kWidth - 12;
        for (auto *t : {title, subtitle})
            if (t->boundingRect().width() > room)
                t->setScale(room / t->boundingRect().width());
        setToolTip(plainToolTip(label + QLatin1Char('\n') + sub));
    }

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override
    {
        m_open(m_id);
        event->accept();
    }

private:
    QString m_id;
    std::function<void(const QString &)> m_open;
};

} // namespace

LineagePage::LineagePage(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_db(context.db()), m_what(new QComboBox(this)),
      m_brief(new QSpinBox(this)), m_state(new QLabel(this)), m_scene(new QGraphicsScene(this)),
      m_pages(new QStackedWidget(this)), m_recent(new QListWidget(this)),
      m_view(new QGraphicsView(m_scene, this)), m_details(new QPlainTextEdit(this)),
      m_raw(new QCheckBox(tr("Raw &JSON"), this))
{
    setObjectName(QStringLiteral("lineagePage"));
    m_brief->setObjectName(QStringLiteral("lineageBrief"));
    m_brief->setRange(1, std::numeric_limits<int>::max());
    m_brief->setPrefix(QStringLiteral("#"));
    m_what->setObjectName(QStringLiteral("lineageOf"));
    m_what->addItem(tr("Brief"));
    m_what->addItem(tr("Lead (its newest brief)"));
    auto *show = new QPushButton(tr("&Show lineage"), this);
    auto *fit = new QPushButton(tr("&Fit to window"), this);
    fit->setObjectName(QStringLiteral("lineageFit"));
    m_state->setObjectName(QStringLiteral("lineageState"));
    m_view->setObjectName(QStringLiteral("lineageView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_details->setObjectName(QStringLiteral("lineageDetails"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Click a node to see where it came from. Select a brief "
                                     "field to keep only what it rests on."));
    m_raw->setObjectName(QStringLiteral("lineageRawJson"));
    m_raw->setToolTip(tr("Show the node's details as stored"));
    m_recent->setObjectName(QStringLiteral("lineageRecent"));
    auto *start = new QWidget(this);
    auto *startLayout = new QVBoxLayout(start);
    auto *hint = new QLabel(tr("Lineage shows where a brief came from: the source files and "
                               "records it rests on, the agent steps that read them, and what "
                               "reached the CRM. Pick one of the newest briefs below (Enter), "
                               "type a brief or lead number above, or press L on a brief in "
                               "the Inbox."),
                            start);
    hint->setObjectName(QStringLiteral("lineageHint"));
    hint->setWordWrap(true);
    startLayout->addWidget(hint);
    startLayout->addWidget(m_recent, 1);
    m_pages->addWidget(start);
    m_pages->addWidget(m_view);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_what);
    bar->addWidget(m_brief);
    bar->addWidget(show);
    bar->addWidget(fit);
    bar->addWidget(m_state, 1);
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_details, 1);
    detailLayout->addWidget(m_raw);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_pages);
    split->addWidget(detailPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({1000, 360});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    connect(show, &QPushButton::clicked, this, [this] {
        if (m_what->currentIndex() == 1)
            showLead(m_brief->value());
        else
            showBrief(m_brief->value());
    });
    connect(fit, &QPushButton::clicked, this,
            [this] { m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio); });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &LineagePage::onSelection);
    connect(m_raw, &QCheckBox::toggled, this, &LineagePage::showDetails);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { showBrief(item->data(Qt::UserRole).toLongLong()); });
    connect(&context, &ConsoleContext::actorChanged, this,
            [this, &context] { setViewer(context.actor()); });
    setViewer(context.actor());
    showLabelsAsPlainText(this);
}

LineagePage::~LineagePage()
{
    // The scene, a child, deletes its items after this is gone: it must not tell us.
    m_scene->disconnect(this);
    m_items.clear();
}

void LineagePage::refresh()
{
    if (!m_graph || m_graph->briefId <= 0)
        return;
    QString selected;
    for (const auto &[id, item] : m_items)
        if (item->isSelected())
            selected = id;
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    if (showBrief(m_graph->briefId) && !selected.isEmpty())
        selectNode(selected);
    m_view->centerOn(centre);
}

bool LineagePage::showLead(std::int64_t leadId)
{
    std::optional<std::int64_t> brief;
    try {
        brief = telemetry::newestBriefOfLead(m_db, leadId);
    } catch (const std::exception &e) {
        m_state->setText(tr("No lineage: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    if (!brief) {
        m_graph.reset();
        draw();
        m_state->setText(tr("Lead #%1 has no brief yet.").arg(leadId));
        return false;
    }
    return showBrief(*brief);
}

void LineagePage::setViewer(std::optional<review::Actor> viewer)
{
    m_viewer = std::move(viewer);
    if (m_graph && m_graph->briefId > 0 &&
        !(m_viewer && review::mayRead(m_db, *m_viewer, m_graph->briefId))) {
        m_graph.reset();
        draw();
    }
}

bool LineagePage::showBrief(std::int64_t briefId)
{
    try {
        if (!m_viewer || !review::mayRead(m_db, *m_viewer, briefId)) {
            m_graph.reset();
            draw();
            m_state->setText(m_viewer ? tr("%1 may read only briefs they own or acted on; brief "
                                           "#%2 is not one of them.")
                                            .arg(qs(m_viewer->user))
                                            .arg(briefId)
                                      : tr("Choose who you are in Settings to read lineage."));
            return false;
        }
        m_graph = telemetry::briefLineage(m_db, briefId);
    } catch (const std::exception &e) {
        m_graph.reset();
        draw();
        m_state->setText(tr("No lineage: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    {
        const QSignalBlocker quiet(m_what);
        m_what->setCurrentIndex(0);
    }
    m_brief->setValue(static_cast<int>(briefId));
    draw();
    return true;
}

void LineagePage::draw()
{
    {
        // Deleting a selected item announces a new selection: not to a map of deleted items.
        const QSignalBlocker quiet(m_scene);
        m_items.clear();
        m_edges.clear();
        m_scene->clear();
    }
    m_details->clear();
    m_pages->setCurrentIndex(m_graph ? 1 : 0);
    if (!m_graph)
        return;
    std::map<int, int> rows;
    for (const auto &n : m_graph->nodes) {
        // Later, not inside the item's own event handler: drawing again deletes the item.
        auto *item = new NodeItem(n, [this](const QString &id) {
            QMetaObject::invokeMethod(
                this, [this, id] { expandGroup(id); }, Qt::QueuedConnection);
        });
        const int layer = n.layer();
        item->setPos(layer * kColumn, rows[layer]++ * kRow);
        item->setZValue(1);
        m_scene->addItem(item);
        m_items[qs(n.id)] = item;
    }
    for (const auto &e : m_graph->edges) {
        const auto from = m_items.find(qs(e.from));
        const auto to = m_items.find(qs(e.to));
        if (from == m_items.end() || to == m_items.end())
            continue;
        const QPointF a = from->second->pos() + QPointF(kWidth, kHeight / 2);
        const QPointF b = to->second->pos() + QPointF(0, kHeight / 2);
        QPainterPath path(a);
        const qreal bend = (b.x() - a.x()) / 2;
        path.cubicTo(a + QPointF(bend, 0), b - QPointF(bend, 0), b);
        auto *edge = m_scene->addPath(path, QPen(QColor(0x99, 0x99, 0x99), 1.2));
        m_edges.push_back({edge, {from->first, to->first}});
    }
    std::size_t records = 0, groups = 0;
    for (const auto &n : m_graph->nodes) {
        records += n.kind == Kind::Record || n.kind == Kind::Event;
        groups += n.kind == Kind::EventGroup;
    }
    m_state->setText(tr("Brief #%1: %2 inputs (%3 records, %4 groups of events), %5 nodes")
                         .arg(m_graph->briefId)
                         .arg(m_graph->inputRefs.size())
                         .arg(records)
                         .arg(groups)
                         .arg(m_graph->nodes.size()));
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    m_details->clear();
}

bool LineagePage::selectNode(const QString &id)
{
    const auto it = m_items.find(id);
    if (it == m_items.end())
        return false;
    m_scene->clearSelection();
    it->second->setSelected(true);
    m_view->ensureVisible(it->second);
    return true;
}

bool LineagePage::expandGroup(const QString &id)
{
    if (!m_graph)
        return false;
    const auto *node = m_graph->node(id.toStdString());
    if (!node || node->kind != Kind::EventGroup)
        return false;
    m_graph = telemetry::expandEventGroup(m_db, *m_graph, id.toStdString());
    draw();
    return true;
}

void LineagePage::onSelection()
{
    const auto selected = m_scene->selectedItems();
    if (!m_graph || selected.isEmpty()) {
        for (auto &[id, item] : m_items)
            item->setOpacity(1);
        for (auto &[edge, ends] : m_edges)
            edge->setOpacity(1);
        return;
    }
    const QString id = selected.front()->data(0).toString();
    const auto *node = m_graph->node(id.toStdString());
    if (!node)
        return;
    showDetails();
    // A field (or anything) selected: what it rests on stays, the rest fades.
    std::set<QString> keep;
    for (const auto &up : m_graph->upstream(node->id))
        keep.insert(qs(up));
    for (auto &[itemId, item] : m_items)
        item->setOpacity(keep.count(itemId) ? 1.0 : 0.2);
    for (auto &[edge, ends] : m_edges)
        edge->setOpacity(keep.count(ends.first) && keep.count(ends.second) ? 1.0 : 0.1);
}

// The selected node in labelled fields, or as stored when Raw JSON is on.
void LineagePage::showDetails()
{
    const auto selected = m_scene->selectedItems();
    const auto *node = m_graph && !selected.isEmpty()
                           ? m_graph->node(selected.front()->data(0).toString().toStdString())
                           : nullptr;
    if (!node) {
        m_details->clear();
        return;
    }
    if (m_raw->isChecked()) {
        m_details->setPlainText(qs(node->detail));
        return;
    }
    QStringList lines{qs(node->label), tr("Kind: %1").arg(kindName(node->kind))};
    if (!node->version.empty())
        lines << tr("Version: %1").arg(qs(node->version));
    if (!node->time.empty())
        lines << tr("Time: %1 (%2)")
                     .arg(relativeTime(node->time, m_context.now()), fullTime(node->time));
    if (node->kind == Kind::EventGroup)
        lines << tr("Events: %1").arg(QLocale().toString(qlonglong(node->count)));
    lines << QString() << readableJson(qs(node->detail), m_context.now());
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

void LineagePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_graph) {
        showRecent();
        m_recent->setFocus(); // Enter opens the newest brief's lineage
    }
}

void LineagePage::showRecent()
{
    m_recent->clear();
    if (!m_viewer) {
        m_state->setText(tr("Choose who you are in Settings to read lineage."));
        return;
    }
    review::InboxFilter filter;
    filter.status = "all";
    filter.visibleTo = review::ReviewService::visibleTo(*m_viewer);
    try {
        const People people(m_context);
        for (const auto &r : m_context.briefs().page(filter, review::InboxSort::Age, true, 0, 30)) {
            auto *item = new QListWidgetItem(tr("#%1  %2, %3 · %4 · %5 · %6")
                                                 .arg(r.id)
                                                 .arg(qs(r.leadName), qs(r.company),
                                                      label(r.status), people.name(r.owner),
                                                      relativeTime(r.createdAt, m_context.now())),
                                             m_recent);
            item->setData(Qt::UserRole, QVariant::fromValue<qint64>(r.id));
            item->setToolTip(fullTime(r.createdAt));
        }
    } catch (const std::exception &e) {
        m_state->setText(tr("The briefs could not be read: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    m_state->setText(m_recent->count() == 0
                         ? tr("No briefs yet: they appear after a pipeline run (Data > Run, or "
                              "`baton run`), and their lineage with them.")
                         : tr("Choose a brief to see its lineage."));
    if (m_recent->count() > 0)
        m_recent->setCurrentRow(0);
}

QStringList LineagePage::highlighted() const
{
    QStringList out;
    for (const auto &[id, item] : m_items)
        if (item->opacity() > 0.5)
            out << id;
    return out;
}

} // namespace baton::ui
