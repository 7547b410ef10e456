#include "demo/Formats.h"

#include "demo/JsonOut.h"

#include <charconv>
#include <cmath>

namespace baton::demo {

using namespace tables;
using namespace detail;

// ---- accounts -------------------------------------------------------------------------

void writeAccount(std::string &out, const Account &a, Break how)
{
    const std::size_t start = out.size();
    beginEnvelope(out, "account", 1);
    Json j(out);
    j.open();
    j.str("source_system", "hubspot");
    j.numText("source_id", static_cast<std::int64_t>(a.id));
    j.str("name", a.name);
    j.str("domain", a.domain);
    j.str("industry", a.industry->name);
    j.num("employees", a.employees);
    j.num("annual_revenue", std::llround(a.revenue));
    j.str("country", a.country->code);
    j.str("city", a.city);
    j.boolean("strategic", a.strategic);
    j.object("properties");
    j.str("Type", a.type);
    j.str("Company owner", a.owner);
    j.close();
    j.close();
    endLine(out, start, how);
}

// ---- HubSpot contacts -----------------------------------------------------------------

void writeContactsHeader(std::string &out)
{
    static constexpr std::string_view kColumns[] = {
        "Record ID", "First Name", "Last Name", "Email", "Job Title", "Phone Number",
        "Lifecycle Stage", "Lead Status", "Original Source", "Country/Region",
        "Associated Company", "Company Domain Name", "Create Date", "Contact owner",
        "Became an Opportunity Date", "Unsubscribed from all email", "Marketo Lead ID", "Industry"};
    out += "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < std::size(kColumns); ++i) {
        if (i)
            out += ',';
        appendCsvQuoted(out, kColumns[i]);
    }
    out += "\r\n";
}

namespace {

std::string_view stageLabel(Stage stage)
{
    switch (stage) {
    case Stage::Subscriber: return "Subscriber";
    case Stage::Lead: return "Lead";
    case Stage::Mql: return "Marketing Qualified Lead";
    case Stage::Sql: return "Sales Qualified Lead";
    case Stage::Opportunity: return "Opportunity";
    case Stage::Customer: return "Customer";
    }
    return "Lead";
}

void quotedRaw(std::string &out, std::string_view text) // text known to hold no quote
{
    out += '"';
    out += text;
    out += '"';
}

} // namespace

void writeContact(std::string &out, const Lead &L, Break how)
{
    char buf[48];
    quotedRaw(out, std::string_view(buf, static_cast<std::size_t>(
                                             std::to_chars(buf, buf + sizeof buf, L.recordId).ptr - buf)));
    out += ',';
    appendCsvQuoted(out, L.firstName);
    out += ',';
    appendCsvQuoted(out, L.lastName);
    out += ',';
    if (how == Break::BadEmail || how == Break::BadEmailDoubleAt) {
        std::string email = L.email;
        const auto at = email.find('@');
        email.replace(at, 1, how == Break::BadEmail ? "." : "@@");
        appendCsvQuoted(out, email);
    } else {
        appendCsvQuoted(out, L.email);
    }
    out += ',';
    appendCsvQuoted(out, L.title->title);
    out += ',';
    appendCsvQuoted(out, L.phone);
    out += ',';
    appendCsvQuoted(out, how == Break::BadStage ? std::string_view("Hot Prospect") : stageLabel(L.stage));
    out += ',';
    appendCsvQuoted(out, L.leadStatus);
    out += ',';
    appendCsvQuoted(out, L.originalSource);
    out += ',';
    appendCsvQuoted(out, L.countryAlt ? L.country->altName : L.country->name);
    out += ',';
    appendCsvQuoted(out, L.account ? std::string_view(L.account->name) : std::string_view());
    out += ',';
    appendCsvQuoted(out, L.account ? std::string_view(L.account->domain) : std::string_view());
    out += ",\"";
    if (how == Break::BadDate) { // February has no 30th
        std::string date;
        appendDate(date, L.createdAt);
        out.append(date, 0, 4);
        out += "-02-30 10:00";
    } else {
        appendExportDateTime(out, L.createdAt);
    }
    out += "\",";
    appendCsvQuoted(out, L.owner);
    out += ",\"";
    if (L.converted)
        appendExportDateTime(out, L.convertedAt);
    out += "\",";
    out += L.unsubscribed ? "\"true\"" : "\"false\"";
    out += ",\"";
    appendInt(out, static_cast<std::int64_t>(L.marketoId));
    out += "\",";
    appendCsvQuoted(out, L.showIndustry ? L.account->industry->name : std::string_view());
    out += "\r\n";
}

// ---- enrichment -----------------------------------------------------------------------

std::string_view providerName(Provider provider)
{
    return provider == Provider::Harbor ? "harbor_data" : "meridian_intel";
}

namespace {

std::string_view employeeRange(std::int64_t n)
{
    if (n <= 10) return "1-10";
    if (n <= 50) return "11-50";
    if (n <= 200) return "51-200";
    if (n <= 500) return "201-500";
    if (n <= 1000) return "501-1000";
    if (n <= 5000) return "1001-5000";
    if (n <= 10000) return "5001-10000";
    return "10001+";
}

void beginEnrichment(Json &j, std::string &out, Provider provider, std::uint64_t serial,
                     std::string_view kind, std::string_view key, std::int64_t observedAt,
                     double confidence)
{
    j.open();
    j.str("source_system", providerName(provider));
    j.key("source_id");
    out += provider == Provider::Harbor ? "\"hd_" : "\"mi-";
    appendScrambledHex(out, serial, provider == Provider::Harbor ? 0x4844 : 0x4D49);
    out += '"';
    j.object("subject");
    j.str("kind", kind);
    j.str("key", key);
    j.close();
    j.time("observed_at", observedAt);
    j.real("confidence", confidence, 2);
}

} // namespace

void writeAccountEnrichment(std::string &out, const Account &a, const AccountObservation &o,
                            Break how)
{
    const std::size_t start = out.size();
    beginEnvelope(out, "enrichment_record", 1);
    Json j(out);
    beginEnrichment(j, out, o.provider, o.serial, "account", a.domain, o.observedAt, o.confidence);
    j.object("fields");
    j.str("industry", o.industry);
    j.num("employees", o.employees);
    if (o.provider == Provider::Harbor) {
        j.str("employee_range", employeeRange(o.employees));
        j.str("country", a.country->code);
        j.str("city", a.city);
        j.key("technologies");
        out += '[';
        bool first = true;
        const auto techs = technologies();
        for (std::size_t i = 0; i < techs.size(); ++i) {
            if (!(o.technologies >> i & 1))
                continue;
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, techs[i]);
        }
        out += ']';
    } else {
        j.num("annual_revenue", std::llround(a.revenue));
        j.str("country", a.country->code);
    }
    j.close();
    j.close();
    endLine(out, start, how);
}

void writeLeadEnrichment(std::string &out, const Lead &L, const LeadObservation &o, Break how)
{
    const std::size_t start = out.size();
    beginEnvelope(out, "enrichment_record", 1);
    Json j(out);
    beginEnrichment(j, out, o.provider, o.serial, "lead", L.email, o.observedAt, o.confidence);
    j.object("fields");
    j.str("job_title", o.longTitle ? L.title->longForm : L.title->title);
    j.str("seniority", L.title->seniority);
    j.str("department", L.title->department);
    j.str("country", L.country->code);
    j.close();
    j.close();
    endLine(out, start, how);
}

// ---- events from other tools ----------------------------------------------------------

void writeSideEvent(std::string &out, const Lead &L, const SideEvent &e, const Calendar &cal,
                    std::uint64_t serial, int version, Break how)
{
    const std::size_t start = out.size();
    beginEnvelope(out, "engagement_event", version);
    Json j(out);
    j.open();
    const bool webinar = e.kind == SideKind::WebinarRegistered || e.kind == SideKind::WebinarAttended;
    const Webinar *w = webinar ? &cal.webinars[static_cast<std::size_t>(e.a)] : nullptr;
    j.str("source_system", webinar ? "on24" : "website");
    j.key("source_id");
    if (webinar) {
        out += "\"on24-";
        out += w->on24Id;
        out += '-';
        appendInt(out, static_cast<std::int64_t>(L.recordId));
        out += e.kind == SideKind::WebinarRegistered ? "-reg\"" : "-att\"";
    } else {
        out += "\"web-";
        appendScrambledHex(out, serial, 0x5745);
        out += '"';
    }
    j.object("lead");
    j.str("source_system", "hubspot");
    j.numText("source_id", static_cast<std::int64_t>(L.recordId));
    j.close();
    static constexpr std::string_view kTypes[] = {"webinar_registered", "webinar_attended",
                                                  "pricing_page_view", "demo_request",
                                                  "content_download"};
    j.str("type", kTypes[static_cast<int>(e.kind)]);
    if (how == Break::BadTime) { // a local date, not RFC 3339
        std::string iso;
        appendIsoUtc(iso, e.at);
        j.str("occurred_at", iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) + " " +
                                 iso.substr(11, 5));
    } else {
        j.time("occurred_at", e.at);
    }
    const auto allPages = pages();
    switch (e.kind) {
    case SideKind::WebinarRegistered:
    case SideKind::WebinarAttended:
        j.str("campaign_id", w->on24Id);
        j.str("asset", webinarTitles()[static_cast<std::size_t>(w->title)]);
        j.object("attributes");
        j.str("webinar_id", w->on24Id);
        if (e.kind == SideKind::WebinarRegistered)
            j.str("registration_source", e.b ? "email" : "website");
        else
            j.num("minutes_attended", e.b);
        j.close();
        break;
    case SideKind::PricingPageView:
        j.null("campaign_id");
        j.str("asset", std::string(kSite) + std::string(allPages[static_cast<std::size_t>(e.a)].path));
        j.object("attributes");
        j.str("page_path", allPages[static_cast<std::size_t>(e.a)].path);
        j.close();
        break;
    case SideKind::DemoRequest:
        j.null("campaign_id");
        j.str("asset", "Demo Request");
        j.object("attributes");
        j.str("form", "Demo Request");
        j.str("page_path", allPages[static_cast<std::size_t>(e.a)].path);
        j.close();
        break;
    case SideKind::ContentDownload: {
        const Asset &asset = contentAssets()[static_cast<std::size_t>(e.a)];
        j.null("campaign_id");
        j.str("asset", asset.title);
        j.object("attributes");
        j.str("asset_url", std::string(kSite) + "/assets/" + std::string(lastSegment(asset.path)) + ".pdf");
        j.str("page_path", allPages[static_cast<std::size_t>(e.b)].path);
        j.close();
        break;
    }
    }
    if (version >= 2)
        j.null("activity_type_id");
    j.close();
    endLine(out, start, how);
}

} // namespace baton::demo
