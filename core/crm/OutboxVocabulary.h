#pragma once

#include "util/EnumNames.h"

// The outbox's words, each defined once: what an operation does and what became of it. Their
// string forms are what the outbox table stores (its CHECKs list the same words).
namespace baton::crm {

enum class OpStatus
{
    Pending,  // due at next_attempt_at
    InFlight, // claimed by a worker, or its outcome unknown: looked up before it is sent again
    Done,
    Failed,
    Cancelled
};

enum class OpKind
{
    UpsertPerson, // the CRM's contact or lead
    CreateNote,
    CreateTask,
    CloseTask,   // compensates create_task
    RetractNote, // compensates create_note
    PostWebhook,
    AppendJsonl
};

// Whether a stored word is that status or kind: `is(op.status, OpStatus::Pending)`.
constexpr bool is(std::string_view word, OpStatus status)
{
    return word == util::nameOf(status);
}
constexpr bool is(std::string_view word, OpKind kind)
{
    return word == util::nameOf(kind);
}

} // namespace baton::crm

template <> struct baton::util::EnumNames<baton::crm::OpStatus>
{
    static constexpr std::array<std::string_view, 5> names = {"pending", "in_flight", "done",
                                                              "failed", "cancelled"};
};

template <> struct baton::util::EnumNames<baton::crm::OpKind>
{
    static constexpr std::array<std::string_view, 7> names = {
        "upsert_person", "create_note",  "create_task", "close_task",
        "retract_note",  "post_webhook", "append_jsonl"};
};
