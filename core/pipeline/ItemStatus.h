#pragma once

#include "util/EnumNames.h"

// What a pipeline run did with one lead: its run item's status, as run_items stores it.
namespace baton::pipeline {

enum class ItemStatus
{
    Pending,      // not evaluated yet (runs from before v10 stored a row per lead up front)
    Briefed,      // a new brief; it supersedes the lead's open ones
    Unchanged,    // the same inputs, agents and policy as a brief already made
    NotQualified, // evaluated, no brief
    Failed
};

} // namespace baton::pipeline

template <> struct baton::util::EnumNames<baton::pipeline::ItemStatus>
{
    static constexpr std::array<std::string_view, 5> names = {"pending", "briefed", "unchanged",
                                                              "not_qualified", "failed"};
};
