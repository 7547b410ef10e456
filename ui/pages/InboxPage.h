#pragma once

#include "BulkReview.h"
#include "review/BriefQueries.h"
#include "review/ReviewService.h"

#include <QWidget>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace baton::ui {

class BriefView;
class ConsoleContext;
class DebouncedLineEdit;
class InboxTableModel;
class MyDayStrip;
class PipelineRunner;
class UndoBanner;
struct LeadRerunOutcome;

// The rep's queue: briefs to review, filtered, sorted and searched, with the selected one
// beside them, cleared at keyboard speed (J/K to move, A approve, Ctrl+Z undo it while the
// grace lasts, E edit, X escalate, C comment, / search, ? the sheet). Every action goes
// through core's ReviewService with the version on screen; a refusal or a conflict is said
// plainly and the view reloads. Whoever core lets act in bulk (managers) selects several
// briefs (Shift/Ctrl with arrows or clicks, Ctrl+A) and approves or reassigns them at once.
class InboxPage : public QWidget
{
    Q_OBJECT

public:
    // The rep's inbox, or the managers' escalations (escalated briefs of everyone, resolved
    // with A approve as is, E approve with edits, R return to the rep, D reject).
    enum class Mode
    {
        Inbox,
        Escalations
    };
    // Acts as the context's actor, and follows it.
    InboxPage(Mode mode, ConsoleContext &context, QWidget *parent = nullptr);
    ~InboxPage() override;

    InboxTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    BriefView *briefView() const { return m_brief; }
    UndoBanner *undoBanner() const { return m_undo; }
    const std::optional<review::Actor> &actor() const { return m_actor; }
    QAction *action(const char *name) const;
    // "My day" above the inbox's list (none on the escalations page).
    MyDayStrip *myDay() const { return m_myDay; }

    void refresh();
    // Reads again in the background for a change made elsewhere (the CLI, a run, another
    // console): the brief shown stays selected while it is listed, else the next takes its
    // place; the list keeps its scroll position, and the pane follows the row.
    void reload();
    // Acts as another user profile from now on (the Settings page's choice): for every page
    // of the context.
    void setUser(const QString &user);
    // Selects the brief shown, by row of the table.
    void selectRow(int row);
    // Offers the fifth resolution on the escalations page: re-run the pipeline for the lead.
    void setPipelineRunner(PipelineRunner *runner);

signals:
    void statusMessage(const QString &message);
    // A bulk action ended: what it says ("Approved 7 of 8; 1 refused: ...").
    void bulkFinished(const QString &summary);
    // L: "where did this come from?" for the brief shown.
    void lineageRequested(qint64 briefId);

private:
    QWidget *buildFilters();
    void createActions();
    void followActor();
    void showWho();
    void presetFilters();
    void updateActions();
    // In the background (a search, a filter) or at once (the first load, a new user).
    void applyFilters(bool inBackground = true);
    void searchSettled(const QString &text);
    void indexThenSearch();
    void currentChanged();
    std::optional<std::pair<std::int64_t, std::int64_t>> current() const; // id, version
    // Runs a review action on the brief shown (or `on`); on failure says why and reloads.
    // Returns whether it happened.
    bool act(const std::function<void(std::int64_t id, std::int64_t version)> &action);
    bool actOn(std::optional<std::pair<std::int64_t, std::int64_t>> on,
               const std::function<void(std::int64_t id, std::int64_t version)> &action);
    void approve();
    void undoApproval();
    void runBulk(const review::ReviewRequest &each, const QString &label);
    void showBulkOutcome(const std::vector<BulkReview::Outcome> &outcomes);
    void followSelectionMode();
    void edit();
    void resolve(review::Resolution resolution);
    // The brief as the person edits it, as an RFC 6902 patch against what it now says;
    // nullopt when they cancel.
    std::optional<nlohmann::json> askForEdit(const review::BriefState &state);
    void escalate();
    void reassign();
    void comment();
    void retract();
    void rerun();
    void rerunFinished(const LeadRerunOutcome &outcome);
    void move(int delta);
    void rememberPlace();
    void returnToPlace();
    // My day: the person's visit begins (their last one is remembered), its counts now, and
    // the window they are counted over.
    void startVisit();
    void showMyDay();
    review::DayWindow dayWindow() const;

    Mode m_mode;
    ConsoleContext &m_context;
    const std::optional<review::Actor> &m_actor; // the context's
    InboxTableModel *m_model;
    QLabel *m_who;
    DebouncedLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_owner;
    QComboBox *m_band;
    QCheckBox *m_overdue;
    QLabel *m_count;
    QTableView *m_table;
    BriefView *m_brief;
    UndoBanner *m_undo;
    BulkReview *m_bulk;
    QString m_pendingSearch;
    QString m_editReason;
    PipelineRunner *m_runner = nullptr;
    qint64 m_rerunBrief = 0; // the escalation a re-run in progress is for
    // Where the person was when a reload reset the list, and what the pane shows.
    struct Place
    {
        std::optional<std::pair<std::int64_t, std::int64_t>> brief;
        int row = -1;
        int scroll = 0;
    };
    std::optional<Place> m_place;
    std::optional<std::pair<std::int64_t, std::int64_t>> m_shown;
    MyDayStrip *m_myDay = nullptr;
    QString m_since; // the last visit before this one, RFC 3339 ("" for the first)
};

} // namespace baton::ui
