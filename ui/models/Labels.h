#pragma once

#include "crm/OutboxVocabulary.h"
#include "crm/Target.h"
#include "governance/Permissions.h"
#include "pipeline/ItemStatus.h"
#include "review/Vocabulary.h"
#include "util/EnumNames.h"

#include <QString>
#include <string_view>

namespace baton::ui {

// Core's vocabularies as a person reads them, translated: "To review" for pending_review,
// "Not a fit" for not_a_fit. One label per value, declared once in Labels.cpp; a value
// without one fails the build (and test_human_words).
QString label(review::BriefStatus value);
QString label(review::ReviewAction value);
QString label(review::Resolution value);
QString label(review::EscalationCategory value);
QString label(review::RejectionReason value);
QString label(governance::Role value);
QString label(crm::OpStatus value);
QString label(crm::OpKind value);
QString label(crm::Target value);
QString label(pipeline::ItemStatus value);

// A stored word ("pending_review") as its label; the word itself when it names no value of
// E (an audit action of another area, a word from a newer store).
template <typename E> QString labelOf(std::string_view word)
{
    if (const auto value = util::parseName<E>(word))
        return label(*value);
    return QString::fromUtf8(word.data(), qsizetype(word.size()));
}

// Why a brief was escalated or rejected, as review stores it: a category's or a rejection
// reason's label, or the text as it is (a note, a policy's sentence).
QString reasonLabel(std::string_view word);

} // namespace baton::ui
