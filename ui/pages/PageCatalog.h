#pragma once

#include <QString>
#include <array>

namespace baton::ui {

// The console's pages, in navigation order; Ctrl+1 .. Ctrl+9 follow this order.
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
    Settings
};
inline constexpr int kPageCount = 9;

inline constexpr std::array<PageId, kPageCount> kAllPages = {
    PageId::Inbox, PageId::Escalations, PageId::Lineage, PageId::Dashboard, PageId::Outbox,
    PageId::Audit, PageId::Contracts,   PageId::Data,    PageId::Settings};

// Translated title of a page, as the navigation shows it.
QString pageTitle(PageId page);
// What the page is for, in a sentence: the navigation's tooltip and, for pages not built
// yet, what their placeholder says will be there.
QString pageDescription(PageId page);
// Stable name for objectName and settings ("inbox", "data", ...).
QString pageKey(PageId page);

} // namespace baton::ui
