#pragma once

#include <QString>
#include <Qt>
#include <array>

namespace baton::ui {

// The console's pages, in navigation order; Ctrl+1 .. Ctrl+9, then Ctrl+0, follow it.
enum class PageId
{
    Inbox,
    Escalations,
    Lineage,
    Dashboard,
    Outbox,
    Audit,
    Contracts,
    Data,
    Settings,
    Models
};
inline constexpr int kPageCount = 10;

inline constexpr std::array<PageId, kPageCount> kAllPages = {
    PageId::Inbox, PageId::Escalations, PageId::Lineage, PageId::Dashboard, PageId::Outbox,
    PageId::Audit, PageId::Contracts,   PageId::Data,    PageId::Settings,  PageId::Models};

// The page's key in that order: Ctrl+1 for the first, Ctrl+0 for the tenth.
inline int pageShortcutKey(int index)
{
    return index < 9 ? Qt::Key_1 + index : Qt::Key_0;
}

// Translated title of a page, as the navigation shows it.
QString pageTitle(PageId page);
// What the page is for, in a sentence: the navigation's tooltip and, for pages not built
// yet, what their placeholder says will be there.
QString pageDescription(PageId page);
// Stable name for objectName and settings ("inbox", "data", ...).
QString pageKey(PageId page);

} // namespace baton::ui
