#include "pages/PageCatalog.h"

#include <QCoreApplication>

namespace baton::ui {

namespace {

struct PageText
{
    PageId page;
    const char *key;
    const char *title;
    const char *description;
};

// Titles and descriptions are marked for lupdate here and translated when asked for.
constexpr std::array<PageText, kPageCount> kPages = {{
    {PageId::Inbox, "inbox", QT_TRANSLATE_NOOP("PageCatalog", "Inbox"),
     QT_TRANSLATE_NOOP("PageCatalog",
                       "The handoff briefs assigned to you, to read, approve, edit or escalate.")},
    {PageId::Escalations, "escalations", QT_TRANSLATE_NOOP("PageCatalog", "Escalations"),
     QT_TRANSLATE_NOOP("PageCatalog", "Briefs that an agent or a reviewer escalated, for a "
                                      "manager to resolve or reassign, with their SLAs.")},
    {PageId::Lineage, "lineage", QT_TRANSLATE_NOOP("PageCatalog", "Lineage"),
     QT_TRANSLATE_NOOP("PageCatalog", "Which source record fed which field of which brief, "
                                      "under which contract and agent version.")},
    {PageId::Dashboard, "dashboard", QT_TRANSLATE_NOOP("PageCatalog", "Dashboard"),
     QT_TRANSLATE_NOOP("PageCatalog",
                       "Team throughput, SLA compliance and data quality over time.")},
    {PageId::Outbox, "outbox", QT_TRANSLATE_NOOP("PageCatalog", "Outbox"),
     QT_TRANSLATE_NOOP("PageCatalog", "Approved briefs waiting to be pushed to the CRM, with "
                                      "their attempts and errors.")},
    {PageId::Audit, "audit", QT_TRANSLATE_NOOP("PageCatalog", "Audit"),
     QT_TRANSLATE_NOOP("PageCatalog",
                       "The hash-chained audit trail of every decision, and its verification.")},
    {PageId::Contracts, "contracts", QT_TRANSLATE_NOOP("PageCatalog", "Contracts"),
     QT_TRANSLATE_NOOP("PageCatalog",
                       "The versioned data contracts, their status and drift in the data.")},
    {PageId::Data, "data", QT_TRANSLATE_NOOP("PageCatalog", "Data"),
     QT_TRANSLATE_NOOP("PageCatalog",
                       "Import batches and quarantined records, with their exact errors.")},
    {PageId::Settings, "settings", QT_TRANSLATE_NOOP("PageCatalog", "Settings"),
     QT_TRANSLATE_NOOP("PageCatalog", "The CRM connection, policies, retention and users.")},
    {PageId::Models, "models", QT_TRANSLATE_NOOP("PageCatalog", "Models"),
     QT_TRANSLATE_NOOP("PageCatalog",
                       "Scoring versions fitted on the team's leads: their figures, calibration "
                       "and features, the canary, promotion and roll back.")},
}};

constexpr bool inPageOrder()
{
    for (std::size_t i = 0; i < kPages.size(); ++i)
        if (static_cast<std::size_t>(kPages[i].page) != i)
            return false;
    return true;
}
static_assert(inPageOrder(), "kPages must list the pages in PageId order");

const PageText &text(PageId page)
{
    return kPages[static_cast<std::size_t>(page)];
}

} // namespace

QString pageTitle(PageId page)
{
    return QCoreApplication::translate("PageCatalog", text(page).title);
}

QString pageDescription(PageId page)
{
    return QCoreApplication::translate("PageCatalog", text(page).description);
}

QString pageKey(PageId page)
{
    return QString::fromLatin1(text(page).key);
}

} // namespace baton::ui
