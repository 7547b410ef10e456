// The Inbox page's review actions: each asks the person what it needs (a note, a reason,
// an edit), goes to the review service for the brief in front of them, and says what came
// of it. The page itself (list, filters, selection) is InboxPage.cpp.
#include "ConsoleContext.h"
#include "MessageBoxes.h"
#include "PipelineRunner.h"
#include "PlainText.h"
#include "ReviewDialogs.h"
#include "models/DisplayFormat.h"
#include "models/InboxTableModel.h"
#include "models/Labels.h"
#include "models/People.h"
#include "pages/InboxPage.h"
#include "review/Transitions.h"
#include "widgets/BriefView.h"
#include "widgets/UndoBanner.h"

#include <QAction>
#include <QTableView>
#include <QTimer>
#include <nlohmann/json.hpp>

namespace baton::ui {

namespace {

// What a person chose from a list of labels, as the word core takes: `values[i]` for
// `labels[i]`, or the answer as it is.
QString wordFor(const QString &answer, const QStringList &labels, const QStringList &values)
{
    const qsizetype i = labels.indexOf(answer);
    return i >= 0 ? values[i] : answer;
}

} // namespace

bool InboxPage::act(const std::function<void(std::int64_t, std::int64_t)> &action)
{
    return actOn(current(), action);
}

bool InboxPage::actOn(std::optional<std::pair<std::int64_t, std::int64_t>> c,
                      const std::function<void(std::int64_t, std::int64_t)> &action)
{
    if (!c || !m_actor)
        return false;
    try {
        action(c->first, c->second);
        return true;
    } catch (const review::ReviewError &e) {
        const bool conflict = e.kind() == review::ReviewError::Kind::Conflict;
        m_context.messageBoxes().critical(this,
                                          conflict ? tr("Someone acted first") : tr("Not done"),
                                          QString::fromUtf8(e.what()));
        refresh(); // a conflict shows the brief as it now is
    } catch (const std::exception &e) {
        m_context.messageBoxes().critical(this, tr("Not done"), QString::fromUtf8(e.what()));
    }
    return false;
}

void InboxPage::approve()
{
    if (!m_bulk->selection(m_actor).empty()) {
        review::ReviewRequest each;
        each.action = review::ReviewAction::Approve;
        runBulk(each, tr("Approving…"));
        return;
    }
    const int row = m_table->currentIndex().row();
    review::BriefState approved;
    if (act([&](std::int64_t id, std::int64_t version) {
            approved = m_context.review().approve(*m_actor, id, version);
        })) {
        emit statusMessage(tr("Approved"));
        m_undo->offerFor(approved);
        // Approve moves on: the next brief takes this one's place (or stays below it).
        const auto approvedId = current();
        m_model->refresh();
        const int again = approvedId ? m_model->rowOfBrief(approvedId->first) : -1;
        selectRow(again >= 0 ? again + 1 : row);
    }
}

void InboxPage::undoApproval()
{
    const auto offer = m_undo->offered();
    if (!offer || !m_actor)
        return;
    m_undo->withdraw();
    if (actOn(std::pair{offer->briefId, offer->version}, [&](std::int64_t id, std::int64_t v) {
            m_context.review().undoApprove(*m_actor, id, v);
        })) {
        emit statusMessage(
            tr("Approval of brief #%1 undone: nothing went to the CRM").arg(offer->briefId));
        m_model->refresh();
        const int row = m_model->rowOfBrief(offer->briefId);
        selectRow(row >= 0 ? row : m_table->currentIndex().row());
    }
}

void InboxPage::runBulk(const review::ReviewRequest &each, const QString &label)
{
    if (!m_actor || m_bulk->isRunning())
        return;
    m_undo->withdraw();
    m_bulk->run(*m_actor, each, m_bulk->selection(m_actor), label);
}

void InboxPage::showBulkOutcome(const std::vector<BulkReview::Outcome> &outcomes)
{
    const QString summary = m_bulk->summary(outcomes);
    emit statusMessage(summary);
    emit bulkFinished(summary);
    m_model->refresh();
    // What was refused stays selected, to look at or try again.
    if (m_bulk->selectRefused(outcomes))
        m_context.messageBoxes().warning(this, tr("Not all done"), summary);
    else
        selectRow(std::max(0, m_table->currentIndex().row()));
}

std::optional<nlohmann::json> InboxPage::askForEdit(const review::BriefState &state)
{
    const auto currentJson = nlohmann::json::parse(state.text);
    const auto check = [&](const QString &text) {
        QStringList problems;
        const auto edited = nlohmann::json::parse(text.toStdString(), nullptr, false);
        if (edited.is_discarded()) {
            problems << tr("not valid JSON");
            return problems;
        }
        for (const auto &p : m_context.review().checkEdit(currentJson, edited))
            problems << qs(p);
        return problems;
    };
    const auto request = m_context.reviewDialogs().edit(this, qs(state.text), check);
    if (!request)
        return std::nullopt;
    const auto edited = nlohmann::json::parse(request->briefJson.toStdString(), nullptr, false);
    if (edited.is_discarded())
        return std::nullopt;
    m_editReason = request->reason;
    return nlohmann::json::diff(currentJson, edited);
}

void InboxPage::edit()
{
    const auto c = current();
    if (!c || !m_actor)
        return;
    review::BriefState state;
    try {
        state = m_context.review().brief(c->first);
    } catch (const std::exception &e) {
        m_context.messageBoxes().critical(this, tr("Not done"), QString::fromUtf8(e.what()));
        return;
    }
    const auto patch = askForEdit(state);
    if (!patch)
        return;
    if (act([&](std::int64_t id, std::int64_t) {
            m_context.review().edit(*m_actor, id, state.version, *patch,
                                    m_editReason.toStdString());
        })) {
        emit statusMessage(tr("Edit saved"));
        refresh();
    }
}

void InboxPage::resolve(review::Resolution resolution)
{
    const auto c = current();
    if (!c || !m_actor)
        return;
    if (resolution == review::Resolution::Approve && !m_bulk->selection(m_actor).empty()) {
        review::ReviewRequest each;
        each.action = review::ReviewAction::Resolve;
        each.resolution = resolution;
        runBulk(each, tr("Approving…"));
        return;
    }
    std::optional<nlohmann::json> patch;
    QString why;
    if (resolution == review::Resolution::ApproveWithEdits) {
        try {
            const auto state = m_context.review().brief(c->first);
            if (state.version != c->second) {
                refresh();
                return;
            }
            patch = askForEdit(state);
        } catch (const std::exception &e) {
            m_context.messageBoxes().critical(this, tr("Not done"), QString::fromUtf8(e.what()));
            return;
        }
        if (!patch)
            return;
        why = m_editReason;
    } else if (resolution == review::Resolution::ReturnToRep) {
        const auto note = m_context.reviewDialogs().note(this, tr("Return to the rep"));
        if (!note)
            return;
        why = *note;
    } else if (resolution == review::Resolution::Reject) {
        QStringList reasons, words;
        for (const auto r : util::allOf<review::RejectionReason>()) {
            reasons << label(r);
            words << nameText(r);
        }
        const auto reason =
            m_context.reviewDialogs().choice(this, tr("Reject the brief"), tr("Reason:"), reasons);
        if (!reason)
            return;
        why = wordFor(*reason, reasons, words);
    }
    const int row = m_table->currentIndex().row();
    if (act([&](std::int64_t id, std::int64_t version) {
            m_context.review().resolve(*m_actor, id, version, resolution, why.toStdString(),
                                       patch ? &*patch : nullptr);
        })) {
        emit statusMessage(tr("Resolved"));
        m_model->refresh();
        selectRow(row); // the next escalation takes its place
    }
}

void InboxPage::escalate()
{
    QStringList categories, managers;
    try {
        for (const auto &m : m_context.briefs().owners(true))
            managers << qs(m);
    } catch (const std::exception &e) {
        emit statusMessage(tr("Could not read the managers: %1").arg(QString::fromUtf8(e.what())));
    }
    QStringList words;
    for (const auto c : util::allOf<review::EscalationCategory>()) {
        categories << label(c);
        words << nameText(c);
    }
    const auto request = m_context.reviewDialogs().escalation(this, categories, managers);
    if (!request)
        return;
    const QString category = wordFor(request->category, categories, words);
    if (act([&](std::int64_t id, std::int64_t version) {
            m_context.review().escalate(*m_actor, id, version, category.toStdString(),
                                        request->note.toStdString(),
                                        request->manager.toStdString());
        })) {
        emit statusMessage(tr("Escalated"));
        refresh();
    }
}

void InboxPage::reassign()
{
    QStringList owners;
    try {
        for (const auto &o : m_context.briefs().owners())
            owners << qs(o);
    } catch (const std::exception &e) {
        m_context.messageBoxes().critical(this, tr("Not done"), QString::fromUtf8(e.what()));
        return;
    }
    const bool bulk = !m_bulk->selection(m_actor).empty();
    const auto to = m_context.reviewDialogs().choice(
        this, bulk ? tr("Reassign the selected briefs") : tr("Reassign the brief"), tr("Person:"),
        owners);
    if (!to)
        return;
    if (bulk) {
        review::ReviewRequest each;
        each.action = review::ReviewAction::Reassign;
        each.targetUser = to->toStdString();
        runBulk(each, tr("Reassigning…"));
        return;
    }
    if (act([&](std::int64_t id, std::int64_t version) {
            m_context.review().reassign(*m_actor, id, version, to->toStdString(), std::string());
        })) {
        emit statusMessage(tr("Reassigned to %1").arg(*to));
        refresh();
    }
}

void InboxPage::retract()
{
    const auto reason = m_context.reviewDialogs().note(this, tr("Retract the brief"));
    if (!reason)
        return;
    if (act([&](std::int64_t id, std::int64_t version) {
            m_context.review().retract(*m_actor, id, version, reason->toStdString());
        })) {
        emit statusMessage(tr("Retracted: what reached the CRM will be undone"));
        refresh();
    }
}

void InboxPage::comment()
{
    const auto text = m_context.reviewDialogs().comment(this);
    if (!text)
        return;
    if (act([&](std::int64_t id, std::int64_t) {
            m_context.review().comment(*m_actor, id, text->toStdString());
        })) {
        emit statusMessage(tr("Comment saved"));
        refresh();
    }
}

void InboxPage::setPipelineRunner(PipelineRunner *runner)
{
    if (m_mode != Mode::Escalations || m_runner == runner)
        return;
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (m_runner)
        connect(m_runner, &PipelineRunner::finished, this, &InboxPage::rerunFinished);
    updateActions();
}

void InboxPage::rerun()
{
    const auto c = current();
    if (!c || !m_actor || !m_runner || m_runner->isRunning())
        return;
    const auto note = m_context.reviewDialogs().note(this, tr("Re-run the pipeline for the lead"));
    if (!note)
        return;
    review::BriefState requested;
    if (!act([&](std::int64_t id, std::int64_t version) {
            requested = m_context.review().requestRerun(*m_actor, id, version, note->toStdString());
        }))
        return;
    m_rerunBrief = requested.id;
    emit statusMessage(tr("Re-running the pipeline for lead #%1…").arg(requested.leadId));
    m_runner->rerunLead(
        requested.leadId,
        QStringLiteral("rerun by %1 (brief #%2)").arg(qs(m_actor->user)).arg(requested.id));
    updateActions();
}

void InboxPage::rerunFinished(const LeadRerunOutcome &outcome)
{
    const qint64 brief = std::exchange(m_rerunBrief, 0);
    updateActions();
    if (brief == 0)
        return; // another page's run
    QString text;
    switch (outcome.status) {
    case pipeline::ItemStatus::Briefed:
        emit statusMessage(tr("Brief #%1 replaces #%2").arg(outcome.newBrief).arg(brief));
        m_model->refresh();
        selectRow(m_table->currentIndex().isValid() ? m_table->currentIndex().row() : 0);
        return;
    case pipeline::ItemStatus::Unchanged:
        text = tr("Nothing has changed for lead #%1 since brief #%2 was made: the same inputs, "
                  "agents and policy give the same brief. It stays escalated.")
                   .arg(outcome.leadId)
                   .arg(brief);
        break;
    case pipeline::ItemStatus::NotQualified:
        text = tr("Lead #%1 no longer qualifies for a brief. Brief #%2 stays escalated.")
                   .arg(outcome.leadId)
                   .arg(brief);
        break;
    case pipeline::ItemStatus::Pending:
    case pipeline::ItemStatus::Failed:
        break;
    }
    if (!text.isEmpty()) {
        m_context.messageBoxes().information(this, tr("Re-run"), text);
    } else {
        m_context.messageBoxes().critical(this, tr("Re-run failed"),
                                          tr("The pipeline could not re-run lead #%1: %2")
                                              .arg(outcome.leadId)
                                              .arg(outcome.error));
    }
    refresh();
}

} // namespace baton::ui
