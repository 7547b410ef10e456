#include "models/Labels.h"

#include <QCoreApplication>
#include <array>

namespace baton::ui {

namespace {

// A vocabulary's labels in enum order, with the translation context they are looked up in
// (the brief statuses and outbox words keep the contexts their translations already have).
template <typename E> struct LabelTable;

template <typename E> using Texts = std::array<const char *, util::enumCount<E>()>;

template <typename E> constexpr bool complete()
{
    for (const char *text : LabelTable<E>::texts)
        if (text == nullptr || *text == '\0')
            return false;
    return true;
}

template <typename E> QString labelFor(E value)
{
    static_assert(complete<E>(), "every value of the vocabulary needs its label");
    return QCoreApplication::translate(LabelTable<E>::context,
                                       LabelTable<E>::texts[static_cast<std::size_t>(value)]);
}

// clang-format off
template <> struct LabelTable<review::BriefStatus>
{
    static constexpr const char *context = "Inbox";
    static constexpr Texts<review::BriefStatus> texts = {
        QT_TRANSLATE_NOOP("Inbox", "To review"),
        QT_TRANSLATE_NOOP("Inbox", "Escalated"),
        QT_TRANSLATE_NOOP("Inbox", "Resolved"),
        QT_TRANSLATE_NOOP("Inbox", "Approved"),
        QT_TRANSLATE_NOOP("Inbox", "Queued for the CRM"),
        QT_TRANSLATE_NOOP("Inbox", "In the CRM"),
        QT_TRANSLATE_NOOP("Inbox", "Push failed"),
        QT_TRANSLATE_NOOP("Inbox", "Superseded")};
};

// What happened to a brief, as its history and the audit log read.
template <> struct LabelTable<review::ReviewAction>
{
    static constexpr const char *context = "Labels";
    static constexpr Texts<review::ReviewAction> texts = {
        QT_TRANSLATE_NOOP("Labels", "Approved"),
        QT_TRANSLATE_NOOP("Labels", "Edited"),
        QT_TRANSLATE_NOOP("Labels", "Escalated"),
        QT_TRANSLATE_NOOP("Labels", "Commented"),
        QT_TRANSLATE_NOOP("Labels", "Reassigned"),
        QT_TRANSLATE_NOOP("Labels", "Resolved"),
        QT_TRANSLATE_NOOP("Labels", "Sent to the pipeline again"),
        QT_TRANSLATE_NOOP("Labels", "Retracted"),
        QT_TRANSLATE_NOOP("Labels", "Approval undone")};
};

template <> struct LabelTable<review::Resolution>
{
    static constexpr const char *context = "Labels";
    static constexpr Texts<review::Resolution> texts = {
        QT_TRANSLATE_NOOP("Labels", "Approve as is"),
        QT_TRANSLATE_NOOP("Labels", "Approve with edits"),
        QT_TRANSLATE_NOOP("Labels", "Return to the rep"),
        QT_TRANSLATE_NOOP("Labels", "Reject")};
};

template <> struct LabelTable<review::EscalationCategory>
{
    static constexpr const char *context = "Labels";
    static constexpr Texts<review::EscalationCategory> texts = {
        QT_TRANSLATE_NOOP("Labels", "Fit unclear"),
        QT_TRANSLATE_NOOP("Labels", "Data quality"),
        QT_TRANSLATE_NOOP("Labels", "Strategic account"),
        QT_TRANSLATE_NOOP("Labels", "Consent"),
        QT_TRANSLATE_NOOP("Labels", "Duplicate"),
        QT_TRANSLATE_NOOP("Labels", "Routing"),
        QT_TRANSLATE_NOOP("Labels", "Other")};
};

template <> struct LabelTable<review::RejectionReason>
{
    static constexpr const char *context = "Labels";
    static constexpr Texts<review::RejectionReason> texts = {
        QT_TRANSLATE_NOOP("Labels", "Not a fit"),
        QT_TRANSLATE_NOOP("Labels", "Duplicate"),
        QT_TRANSLATE_NOOP("Labels", "Bad data"),
        QT_TRANSLATE_NOOP("Labels", "No consent"),
        QT_TRANSLATE_NOOP("Labels", "Competitor"),
        QT_TRANSLATE_NOOP("Labels", "Existing customer"),
        QT_TRANSLATE_NOOP("Labels", "Other")};
};

template <> struct LabelTable<governance::Role>
{
    static constexpr const char *context = "Labels";
    static constexpr Texts<governance::Role> texts = {
        QT_TRANSLATE_NOOP("Labels", "Rep"),
        QT_TRANSLATE_NOOP("Labels", "Manager"),
        QT_TRANSLATE_NOOP("Labels", "Marketing ops"),
        QT_TRANSLATE_NOOP("Labels", "Admin")};
};

template <> struct LabelTable<crm::OpStatus>
{
    static constexpr const char *context = "baton::ui::OutboxTableModel";
    static constexpr Texts<crm::OpStatus> texts = {
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Pending"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "In flight"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Done"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Failed"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Cancelled")};
};

template <> struct LabelTable<crm::OpKind>
{
    static constexpr const char *context = "baton::ui::OutboxTableModel";
    static constexpr Texts<crm::OpKind> texts = {
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Contact"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Note"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Task"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Close task"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Retract note"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "Webhook"),
        QT_TRANSLATE_NOOP("baton::ui::OutboxTableModel", "JSONL line")};
};

template <> struct LabelTable<crm::Target>
{
    static constexpr const char *context = "Labels";
    static constexpr Texts<crm::Target> texts = {
        QT_TRANSLATE_NOOP("Labels", "HubSpot"),
        QT_TRANSLATE_NOOP("Labels", "Salesforce"),
        QT_TRANSLATE_NOOP("Labels", "Webhook"),
        QT_TRANSLATE_NOOP("Labels", "JSONL file")};
};

template <> struct LabelTable<pipeline::ItemStatus>
{
    static constexpr const char *context = "Labels";
    static constexpr Texts<pipeline::ItemStatus> texts = {
        QT_TRANSLATE_NOOP("Labels", "Not evaluated yet"),
        QT_TRANSLATE_NOOP("Labels", "Briefed"),
        QT_TRANSLATE_NOOP("Labels", "Unchanged"),
        QT_TRANSLATE_NOOP("Labels", "Not qualified"),
        QT_TRANSLATE_NOOP("Labels", "Failed")};
};
// clang-format on

} // namespace

QString label(review::BriefStatus value)
{
    return labelFor(value);
}
QString label(review::ReviewAction value)
{
    return labelFor(value);
}
QString label(review::Resolution value)
{
    return labelFor(value);
}
QString label(review::EscalationCategory value)
{
    return labelFor(value);
}
QString label(review::RejectionReason value)
{
    return labelFor(value);
}
QString label(governance::Role value)
{
    return labelFor(value);
}
QString label(crm::OpStatus value)
{
    return labelFor(value);
}
QString label(crm::OpKind value)
{
    return labelFor(value);
}
QString label(crm::Target value)
{
    return labelFor(value);
}
QString label(pipeline::ItemStatus value)
{
    return labelFor(value);
}

QString reasonLabel(std::string_view word)
{
    if (const auto category = util::parseName<review::EscalationCategory>(word))
        return label(*category);
    return labelOf<review::RejectionReason>(word);
}

} // namespace baton::ui
