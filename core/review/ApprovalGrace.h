#pragma once

#include "governance/Actor.h"
#include "util/Time.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace baton::store {
class Database;
}

namespace baton::review {

// How long an approval can be taken back: a property of the store (so the console, the CLI
// and every push worker agree), in whole seconds; 0 turns undo off. An approval's CRM
// operations are held until its grace ends (the outbox's held_until), and until then the
// approver or a manager may undo it (ReviewAction::UndoApprove). After that, or once any of
// its operations was sent, the way back is a retraction.
class ApprovalGrace
{
public:
    static constexpr std::chrono::seconds kDefault{60};
    static constexpr std::chrono::seconds kLongest{3600};

    explicit ApprovalGrace(store::Database &db);

    std::chrono::seconds period();
    // Audited. Marketing ops' or an admin's (Action::ManageOutbox: it decides when what
    // leaves Baton leaves). Throws governance::ActionError: Forbidden, InvalidInput (outside
    // 0..kLongest).
    void setPeriod(const governance::Actor &who, std::chrono::seconds period, util::TimePoint now);

    // Whether the approval of `briefId` can still be undone at `now`: until when, or why not
    // (a sentence naming retract as the way then).
    struct Window
    {
        std::optional<util::TimePoint> until;
        std::string refusal;
    };
    Window undoWindow(std::int64_t briefId, util::TimePoint now);
    // Who approved the brief last, or empty.
    std::string approver(std::int64_t briefId);

private:
    store::Database &m_db;
};

} // namespace baton::review
