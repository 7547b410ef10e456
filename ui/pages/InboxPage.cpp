#include "pages/InboxPage.h"

#include "ConsoleContext.h"
#include "MessageBoxes.h"
#include "PipelineRunner.h"
#include "PlainText.h"
#include "ReviewDialogs.h"
#include "Settings.h"
#include "models/BriefLabels.h"
#include "models/DisplayFormat.h"
#include "models/InboxTableModel.h"
#include "models/Labels.h"
#include "models/People.h"
#include "review/Transitions.h"
#include "widgets/BriefContact.h"
#include "widgets/BriefView.h"
#include "widgets/ColumnFit.h"
#include "widgets/DebouncedLineEdit.h"
#include "widgets/EmptyState.h"
#include "widgets/MyDayStrip.h"
#include "widgets/UndoBanner.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

namespace baton::ui {

namespace {

// Why the list shows nothing, and what brings briefs.
QString emptyText(InboxPage::Mode mode)
{
    if (mode == InboxPage::Mode::Escalations)
        return InboxPage::tr("No escalations. Briefs that an agent or a rep escalates wait here "
                             "for a manager; widen the filters if you expected some.");
    return InboxPage::tr("No briefs to review. Briefs appear after a pipeline run (Data > Run, "
                         "or `baton run`); if you filtered the list, widen the filters.");
}

} // namespace

InboxPage::InboxPage(Mode mode, ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_mode(mode), m_context(context), m_actor(context.actor()),
      m_model(new InboxTableModel(
          context.briefs(), [&context] { return context.now(); }, this)),
      m_who(new QLabel(this)), m_search(new DebouncedLineEdit(this)), m_status(new QComboBox(this)),
      m_owner(new QComboBox(this)), m_band(new QComboBox(this)), m_overdue(new QCheckBox(this)),
      m_count(new QLabel(this)), m_table(new QTableView(this)),
      m_brief(new BriefView(context, this)), m_undo(new UndoBanner(context, this)),
      m_bulk(new BulkReview(context, m_table, this))
{
    setObjectName(mode == Mode::Inbox ? QStringLiteral("inboxPage")
                                      : QStringLiteral("escalationsPage"));
    m_who->setObjectName(QStringLiteral("actingAs"));
    showWho();

    m_table->setObjectName(QStringLiteral("inboxTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // The indicator first: enabling sorting sorts by it at once, and by the lead's name that
    // would be a needless full sort of a large store.
    m_table->horizontalHeader()->setSortIndicator(InboxTableModel::SlaColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Names give way (elided, in full in their tooltips) so the SLA, status and owner stay
    // in sight beside the brief at 1280x800.
    new ColumnFit(m_table, {InboxTableModel::LeadColumn, InboxTableModel::CompanyColumn,
                            InboxTableModel::OwnerColumn});
    new EmptyState(m_table, emptyText(mode));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_brief);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_who);
    layout->addWidget(m_undo);
    if (mode == Mode::Inbox) {
        m_myDay = new MyDayStrip(this);
        layout->addWidget(m_myDay);
        connect(m_myDay, &MyDayStrip::bucketChosen, this, [this] { applyFilters(false); });
        startVisit();
    }
    layout->addWidget(buildFilters());
    layout->addWidget(split, 1);

    createActions();
    // The brief's contact keys (copy the e-mail, open in the CRM) work from the list too.
    addActions(m_brief->contact()->actions());
    connect(m_brief->contact(), &BriefContact::statusMessage, this, &InboxPage::statusMessage);
    updateActions();
    followSelectionMode();
    connect(m_undo, &UndoBanner::undoRequested, this, &InboxPage::undoApproval);
    connect(m_undo, &UndoBanner::offeredChanged, this, &InboxPage::updateActions);
    connect(m_bulk, &BulkReview::finished, this, &InboxPage::showBulkOutcome);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InboxPage::currentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_count->setText(tr("%n brief(s)", "", int(m_model->totalCount())));
        updateActions(); // a reset drops the current row without a signal
        showMyDay();
    });
    connect(m_model, &InboxTableModel::loadFailed, this, &InboxPage::statusMessage);
    connect(m_model, &InboxTableModel::loading, this, [this](bool busy) {
        if (busy)
            m_count->setText(tr("Searching…"));
        else
            selectRow(0);
    });
    connect(m_model, &InboxTableModel::aboutToReload, this, &InboxPage::rememberPlace);
    connect(m_model, &InboxTableModel::reloaded, this, &InboxPage::returnToPlace);
    connect(&m_context, &ConsoleContext::actorChanged, this, &InboxPage::followActor);
    m_model->useWorker(m_context.storePath());
    applyFilters(false); // the first paint shows rows
    showLabelsAsPlainText(this);
}

InboxPage::~InboxPage() = default;

QWidget *InboxPage::buildFilters()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_search->setObjectName(QStringLiteral("inboxSearch"));
    m_search->setPlaceholderText(tr("Search briefs, people, companies (/)"));
    m_search->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Open"), QString());
    using review::BriefStatus;
    for (BriefStatus s : {BriefStatus::PendingReview, BriefStatus::Escalated, BriefStatus::Approved,
                          BriefStatus::Pushed, BriefStatus::PushFailed, BriefStatus::Resolved})
        m_status->addItem(label(s), nameText(s));
    m_status->addItem(tr("All"), QStringLiteral("all"));
    m_owner->setObjectName(QStringLiteral("ownerFilter"));
    m_owner->addItem(tr("Everyone"), QString());
    // People by name, their address in the data (what the filter matches) and the tooltip.
    const auto people = std::make_shared<People>(m_context);
    m_model->setPersonName([people](const std::string &email) { return people->name(email); });
    try {
        for (const auto &o : m_context.briefs().owners()) {
            m_owner->addItem(people->name(o), qs(o));
            m_owner->setItemData(m_owner->count() - 1, qs(o), Qt::ToolTipRole);
        }
    } catch (const std::exception &) {
    }
    presetFilters();
    m_band->setObjectName(QStringLiteral("bandFilter"));
    m_band->addItem(tr("All bands"), QString());
    for (const char *b : {"A", "B", "C"})
        m_band->addItem(tr("Band %1").arg(QLatin1String(b)), QLatin1String(b));
    m_overdue->setObjectName(QStringLiteral("overdueFilter"));
    m_overdue->setText(tr("Overdue only"));
    m_count->setObjectName(QStringLiteral("inboxCount"));
    row->addWidget(m_search, 2);
    row->addWidget(m_status);
    row->addWidget(m_owner);
    row->addWidget(m_band);
    row->addWidget(m_overdue);
    row->addWidget(m_count);
    for (QComboBox *box : {m_status, m_owner, m_band})
        connect(box, &QComboBox::currentIndexChanged, this, [this] { applyFilters(); });
    connect(m_overdue, &QCheckBox::toggled, this, [this] { applyFilters(); });
    connect(m_search, &DebouncedLineEdit::settled, this, &InboxPage::searchSettled);
    return bar;
}

void InboxPage::showWho()
{
    const QString user = m_context.user();
    const QString why = m_context.actorProblemText();
    switch (m_context.actorProblem()) {
    case ConsoleContext::ActorProblem::Refused:
        m_who->setText(tr("You may not act as “%1” on this store: %2. The inbox is read-only.")
                           .arg(user, why));
        return;
    case ConsoleContext::ActorProblem::Unknown:
        m_who->setText(tr("No user profile “%1” in this store: the inbox is read-only.").arg(user));
        return;
    case ConsoleContext::ActorProblem::Unchecked:
        m_who->setText(tr("Who acts could not be checked: %1").arg(why));
        return;
    case ConsoleContext::ActorProblem::None:
        break;
    }
    if (m_actor) {
        QString text = tr("Acting as %1 (%2)").arg(qs(m_actor->name), label(m_actor->role));
        if (m_mode == Mode::Escalations &&
            review::startStates(review::ReviewAction::Resolve, m_actor->role).empty())
            text += QLatin1Char(' ') + tr("Only managers resolve escalations.");
        m_who->setText(text);
    } else
        m_who->setText(tr("Choose who you are in Settings, or start Baton with --user NAME; until "
                          "then the inbox is read-only."));
}

void InboxPage::presetFilters()
{
    const QSignalBlocker status(m_status), owner(m_owner);
    // Whoever may not see every brief (a rep) sees their own, and cannot widen it.
    const bool ownOnly =
        m_actor && governance::grant(m_actor->role, governance::Action::ViewAllBriefs) ==
                       governance::Grant::No;
    // The list of owners is only a convenience: a rep missing from it (no brief yet, or the
    // list failed to load) still gets their own queue, never "Everyone". What they may see
    // is decided by the filter's visibleTo, in the query itself.
    if (ownOnly && m_owner->findData(qs(m_actor->user)) < 0)
        m_owner->addItem(qs(m_actor->user), qs(m_actor->user));
    m_owner->setCurrentIndex(ownOnly ? m_owner->findData(qs(m_actor->user)) : 0);
    m_owner->setEnabled(m_actor && !ownOnly);
    if (m_mode == Mode::Escalations) {
        m_status->setCurrentIndex(m_status->findData(nameText(review::BriefStatus::Escalated)));
        m_status->setEnabled(false);
        return;
    }
    // A rep's queue is what is theirs to review: escalated ones wait on a manager.
    m_status->setCurrentIndex(
        ownOnly ? m_status->findData(nameText(review::BriefStatus::PendingReview)) : 0);
}

void InboxPage::setUser(const QString &user)
{
    m_context.setUser(user); // the context tells every page, this one too
}

void InboxPage::followActor()
{
    m_undo->withdraw(); // someone else's approval is not theirs to undo by a keystroke
    followSelectionMode();
    startVisit();
    showWho();
    presetFilters();
    updateActions();
    applyFilters(false);
}

void InboxPage::updateActions()
{
    // The ui only offers what the transition table allows the role on the brief in front of
    // it, and nothing without one; core checks again whoever calls.
    const QModelIndex index = m_table->currentIndex();
    const auto status = index.isValid()
                            ? util::parseName<review::BriefStatus>(
                                  index.data(InboxTableModel::StatusRole).toString().toStdString())
                            : std::nullopt;
    const bool owner =
        m_actor && index.isValid() &&
        index.data(InboxTableModel::OwnerRole).toString().toStdString() == m_actor->user;
    const auto may = [&](review::ReviewAction a) {
        return m_actor && status && review::permitted(a, m_actor->role, owner, *status);
    };
    for (QAction *a : actions()) {
        const QVariant needs = a->property("review");
        if (needs.isValid())
            a->setEnabled(may(static_cast<review::ReviewAction>(needs.toInt())));
    }
    if (QAction *rerun = action("rerun"))
        rerun->setEnabled(rerun->isEnabled() && m_runner && !m_runner->isRunning());
    if (QAction *undo = action("undo"))
        undo->setEnabled(m_actor && m_undo->offered().has_value());
}

void InboxPage::followSelectionMode()
{
    // Several at once only for whom core's permission table allows it; a rep reviews one by one.
    m_table->setSelectionMode(BulkReview::mayActInBulk(m_actor)
                                  ? QAbstractItemView::ExtendedSelection
                                  : QAbstractItemView::SingleSelection);
}

void InboxPage::createActions()
{
    struct Spec
    {
        const char *name;
        QString text;
        QKeySequence key;
        std::function<void()> run;
        std::optional<review::ReviewAction> review; // what the transition table must allow
    };
    std::vector<Spec> specs = {
        {"next", tr("Next brief"), QKeySequence(Qt::Key_J), [this] { move(1); }, std::nullopt},
        {"previous", tr("Previous brief"), QKeySequence(Qt::Key_K), [this] { move(-1); },
         std::nullopt},
        {"comment", tr("Comment…"), QKeySequence(Qt::Key_C), [this] { comment(); },
         review::ReviewAction::Comment},
        {"lineage", tr("Show its lineage"), QKeySequence(Qt::Key_L),
         [this] {
             if (const auto shown = current())
                 emit lineageRequested(shown->first);
         },
         std::nullopt},
        {"search", tr("Search"), QKeySequence(Qt::Key_Slash),
         [this] {
             m_search->setFocus();
             m_search->selectAll();
         },
         std::nullopt},
        {"shortcuts", tr("Keyboard shortcuts"), QKeySequence(Qt::Key_Question),
         [this] {
             QString sheet;
             for (QAction *a : actions())
                 sheet += QStringLiteral("%1\t%2\n")
                              .arg(a->shortcut().toString(QKeySequence::NativeText), a->text());
             m_context.reviewDialogs().shortcuts(this, sheet);
         },
         std::nullopt},
    };
    if (m_mode == Mode::Inbox) {
        specs.push_back({"approve", tr("Approve"), QKeySequence(Qt::Key_A), [this] { approve(); },
                         review::ReviewAction::Approve});
        specs.push_back({"undo", tr("Undo the approval"), QKeySequence(QKeySequence::Undo),
                         [this] { undoApproval(); }, std::nullopt});
        specs.push_back({"edit", tr("Edit…"), QKeySequence(Qt::Key_E), [this] { edit(); },
                         review::ReviewAction::Edit});
        specs.push_back({"escalate", tr("Escalate…"), QKeySequence(Qt::Key_X),
                         [this] { escalate(); }, review::ReviewAction::Escalate});
        specs.push_back({"reassign", tr("Reassign…"), QKeySequence(Qt::Key_R),
                         [this] { reassign(); }, review::ReviewAction::Reassign});
        specs.push_back({"retract", tr("Retract (take back from the CRM)…"),
                         QKeySequence(Qt::Key_T), [this] { retract(); },
                         review::ReviewAction::Retract});
    } else {
        const auto resolves = review::ReviewAction::Resolve;
        specs.push_back({"approve", tr("Approve as is"), QKeySequence(Qt::Key_A),
                         [this] { resolve(review::Resolution::Approve); }, resolves});
        specs.push_back({"edit", tr("Approve with edits…"), QKeySequence(Qt::Key_E),
                         [this] { resolve(review::Resolution::ApproveWithEdits); }, resolves});
        specs.push_back({"return", tr("Return to the rep…"), QKeySequence(Qt::Key_R),
                         [this] { resolve(review::Resolution::ReturnToRep); }, resolves});
        specs.push_back({"reject", tr("Reject…"), QKeySequence(Qt::Key_D),
                         [this] { resolve(review::Resolution::Reject); }, resolves});
        specs.push_back({"rerun", tr("Re-run the pipeline for the lead"), QKeySequence(Qt::Key_P),
                         [this] { rerun(); }, review::ReviewAction::Rerun});
    }
    for (const Spec &s : specs) {
        auto *a = new QAction(s.text, this);
        a->setObjectName(QLatin1String(s.name));
        a->setShortcut(s.key);
        // The page in front answers wherever the focus is in its window (the navigation,
        // after Ctrl+1): a hidden page's keys never match. Text fields keep their letters.
        a->setShortcutContext(Qt::WindowShortcut);
        if (s.review)
            a->setProperty("review", static_cast<int>(*s.review));
        connect(a, &QAction::triggered, this, s.run);
        addAction(a);
    }
    // Escape leaves the search for the list, so the letter keys act again.
    auto *back = new QAction(this);
    back->setShortcut(QKeySequence(Qt::Key_Escape));
    back->setShortcutContext(Qt::WidgetShortcut);
    connect(back, &QAction::triggered, m_table, qOverload<>(&QWidget::setFocus));
    m_search->addAction(back);
}

QAction *InboxPage::action(const char *name) const
{
    return findChild<QAction *>(QLatin1String(name));
}

void InboxPage::applyFilters(bool inBackground)
{
    review::InboxFilter f;
    f.status = m_status->currentData().toString().toStdString();
    f.owner = m_owner->currentData().toString().toStdString();
    f.band = m_band->currentData().toString().toStdString();
    f.overdueOnly = m_overdue->isChecked();
    f.search = m_pendingSearch.toStdString();
    // Nobody acting sees nothing; a rep, their own and what they acted on (escalated, was
    // returned): the query decides that, and the owner box only shows whose view it is.
    f.visibleTo = m_actor ? review::ReviewService::visibleTo(*m_actor) : std::string();
    if (f.visibleTo)
        f.owner.clear();
    // One person's queue: an Owner column of the same name on every row only takes room.
    m_table->setColumnHidden(InboxTableModel::OwnerColumn, f.visibleTo.has_value() || !f.owner.empty());
    if (m_myDay && m_myDay->bucket() && m_actor) {
        f.dayBucket = m_myDay->bucket();
        f.day = dayWindow();
        f.status.clear(); // the open ones, as the strip counts them
    }
    if (inBackground) {
        m_model->setFilterInBackground(f);
        if (!m_model->isLoading())
            selectRow(0);
        return;
    }
    m_model->setFilter(f);
    selectRow(0);
}

void InboxPage::searchSettled(const QString &text)
{
    m_pendingSearch = text.trimmed();
    indexThenSearch();
}

void InboxPage::indexThenSearch()
{
    // New briefs join the search index a batch at a time, between events, so the window
    // stays responsive while a big run's briefs are indexed.
    std::int64_t waiting = 0;
    try {
        waiting = m_pendingSearch.isEmpty() ? 0 : m_context.briefs().unindexedBriefs();
        if (waiting > 0) {
            waiting = m_context.briefs().indexBriefs(150); // about a frame each (500: 53 ms)
            emit statusMessage(tr("Indexing briefs for search: %n to go", "", int(waiting)));
        }
    } catch (const std::exception &e) {
        emit statusMessage(tr("Search index: %1").arg(QString::fromUtf8(e.what())));
        waiting = 0;
    }
    if (waiting > 0) {
        QTimer::singleShot(0, this, &InboxPage::indexThenSearch);
        return;
    }
    applyFilters();
}

void InboxPage::refresh()
{
    // The brief stays selected; one that left the list (escalated from a rep's queue,
    // reassigned away) is followed by the next in its place.
    const auto keep = current();
    const int was = std::max(0, m_table->currentIndex().row());
    m_model->refresh();
    const int row = keep ? m_model->rowOfBrief(keep->first) : -1;
    selectRow(row >= 0 ? row : was);
}

void InboxPage::reload()
{
    m_model->reloadInBackground();
}

void InboxPage::rememberPlace()
{
    m_place =
        Place{current(), m_table->currentIndex().row(), m_table->verticalScrollBar()->value()};
}

void InboxPage::returnToPlace()
{
    if (const auto place = std::exchange(m_place, std::nullopt)) {
        const int found = place->brief ? m_model->rowOfBrief(place->brief->first) : -1;
        const int row =
            std::min(found >= 0 ? found : std::max(0, place->row), m_model->rowCount() - 1);
        if (row >= 0)
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
        m_table->doItemsLayout(); // the scroll range as the rows now need it
        m_table->verticalScrollBar()->setValue(place->scroll);
    }
    // In place, or the same brief selected again: the pane follows a change to it.
    if (current() != m_shown)
        currentChanged();
    else
        updateActions();
}

void InboxPage::selectRow(int row)
{
    while (row >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    if (m_model->rowCount() == 0) {
        m_brief->showBrief(0);
        return;
    }
    row = std::clamp(row, 0, m_model->rowCount() - 1);
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void InboxPage::currentChanged()
{
    updateActions();
    const auto c = current();
    m_shown = c;
    try {
        m_brief->showBrief(c ? c->first : 0);
    } catch (const std::exception &e) {
        emit statusMessage(tr("Could not open the brief: %1").arg(QString::fromUtf8(e.what())));
    }
}

std::optional<std::pair<std::int64_t, std::int64_t>> InboxPage::current() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return std::pair{index.data(InboxTableModel::BriefIdRole).toLongLong(),
                     index.data(InboxTableModel::VersionRole).toLongLong()};
}

void InboxPage::move(int delta)
{
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() + delta : 0;
    if (row >= 0)
        selectRow(row);
}

void InboxPage::startVisit()
{
    m_since.clear();
    if (!m_myDay || !m_actor)
        return;
    const QString user = qs(m_actor->user);
    const QDateTime last = m_context.settings().lastInboxVisit(user);
    if (last.isValid())
        m_since = last.toUTC().toString(Qt::ISODate);
    m_context.settings().setLastInboxVisit(user, m_context.now());
}

review::DayWindow InboxPage::dayWindow() const
{
    review::DayWindow w;
    const QDateTime now = m_context.now();
    w.user = m_actor ? m_actor->user : std::string();
    w.now = now.toUTC().toString(Qt::ISODate).toStdString();
    w.dayEnd = endOfDay(now).toString(Qt::ISODate).toStdString();
    w.since = m_since.toStdString();
    return w;
}

void InboxPage::showMyDay()
{
    if (!m_myDay)
        return;
    m_myDay->setVisible(m_actor.has_value());
    if (!m_actor)
        return;
    try {
        m_myDay->showCounts(m_context.briefs().dayCounts(dayWindow()));
    } catch (const std::exception &e) {
        emit statusMessage(tr("My day: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace baton::ui
