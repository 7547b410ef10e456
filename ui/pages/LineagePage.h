#pragma once

#include "review/ReviewService.h"
#include "telemetry/Lineage.h"

#include <QWidget>
#include <map>
#include <optional>

QT_BEGIN_NAMESPACE
class QGraphicsScene;
class QGraphicsView;
class QGraphicsItem;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;
class QPlainTextEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace baton::store {
class Database;
}

namespace baton::ui {

class ConsoleContext;

// "Where did this come from?" for a brief: its lineage as a graph (QGraphicsView), columns
// from source files to CRM objects, every node with its contract or agent version and time.
// Clicking a node shows its details; selecting a brief field keeps only what it rests on in
// view; double-clicking a group of events opens it. The queries are the brief's own, quick
// enough for the ui thread (a lead with 2,000 events is a few dozen groups).
class LineagePage : public QWidget
{
    Q_OBJECT

public:
    // Read by the context's actor, and follows it.
    explicit LineagePage(ConsoleContext &context, QWidget *parent = nullptr);
    ~LineagePage() override;

    // Who reads: a brief they may not read is not shown (nobody: none is).
    void setViewer(std::optional<review::Actor> viewer);
    // Shows brief `id`; false (and says why) when it cannot.
    bool showBrief(std::int64_t briefId);
    // Reads the brief shown again (the store changed), keeping the node selected and the view
    // where it was.
    void refresh();
    // Shows the lead's newest brief.
    bool showLead(std::int64_t leadId);
    // Selects a node as a click would; false if it is not in the graph.
    bool selectNode(const QString &id);
    // Opens a group of events as a double-click would.
    bool expandGroup(const QString &id);

    const std::optional<telemetry::LineageGraph> &graph() const { return m_graph; }
    // Node ids shown fully (not dimmed) now.
    QStringList highlighted() const;
    QGraphicsView *view() const { return m_view; }
    QPlainTextEdit *details() const { return m_details; }
    // What the page offers before a brief is chosen: the newest briefs the viewer may read.
    QListWidget *recent() const { return m_recent; }
    // Reads the newest briefs again (the page does when it is shown with no brief).
    void showRecent();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void draw();
    void onSelection();
    void showDetails();

    ConsoleContext &m_context;
    store::Database &m_db; // the context's
    QComboBox *m_what;     // brief or lead
    QSpinBox *m_brief;
    QLabel *m_state;
    QGraphicsScene *m_scene;
    QStackedWidget *m_pages; // the newest briefs, or a brief's graph
    QListWidget *m_recent;
    QGraphicsView *m_view;
    QPlainTextEdit *m_details;
    QCheckBox *m_raw;
    std::optional<telemetry::LineageGraph> m_graph;
    std::optional<review::Actor> m_viewer;
    std::map<QString, QGraphicsItem *> m_items;
    std::vector<std::pair<QGraphicsItem *, std::pair<QString, QString>>> m_edges;
};

} // namespace baton::ui
