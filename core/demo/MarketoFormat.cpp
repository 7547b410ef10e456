#include "demo/Formats.h"

#include "demo/JsonOut.h"

#include <charconv>

namespace baton::demo {

using namespace tables;
using detail::Json;
using detail::lastSegment;

namespace {

// Device facts for each of tables::userAgents().
constexpr std::string_view kPlatforms[] = {"Windows", "Mac OS", "Mac OS", "Windows",
                                           "Windows", "iOS", "Android", "Linux"};
constexpr bool kMobile[] = {false, false, false, false, false, true, true, false};

} // namespace

// ---- Marketo --------------------------------------------------------------------------

MarketoWriter::MarketoWriter(const Calendar &calendar, Format format)
    : m_calendar(calendar), m_format(format)
{
}

void MarketoWriter::header(std::string &out)
{
    out += "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,"
           "primaryAttributeValue,attributes\n";
}

namespace {

std::string_view eventType(std::uint16_t id)
{
    switch (id) {
    case mkt::VisitWebpage: return "web_visit";
    case mkt::FillOutForm: return "form_submit";
    case mkt::ClickLink: return "link_click";
    case mkt::SendEmail: return "email_sent";
    case mkt::EmailDelivered: return "email_delivered";
    case mkt::EmailBounced: return "bounce";
    case mkt::UnsubscribeEmail: return "unsubscribe";
    case mkt::OpenEmail: return "email_open";
    case mkt::ClickEmail: return "email_click";
    case mkt::NewLead: return "lead_created";
    case mkt::ChangeDataValue: return "data_change";
    case mkt::ChangeScore: return "score_change";
    case mkt::AddToList: return "list_add";
    case mkt::ChangeProgressionStatus: return "status_change";
    default: return "other";
    }
}

} // namespace

void MarketoWriter::write(std::string &out, std::uint64_t guid, const Lead &lead,
                          const Activity &act, bool broken)
{
    const bool csv = m_format == Format::Csv;
    m_attrs.clear();
    std::int64_t campaignId = 0; // 0: null
    std::int64_t valueId = 0;    // 0: null
    std::string_view value;      // empty: null
    const auto allPages = pages();
    const std::string_view ua = userAgents()[static_cast<std::size_t>(lead.userAgent)];
    Json j(m_attrs, csv);
    j.open();

    switch (act.type) {
    case mkt::VisitWebpage: {
        const Page &page = allPages[static_cast<std::size_t>(act.a)];
        valueId = page.id;
        value = page.path;
        j.ip("Client IP Address", lead.ip);
        if (act.b == kFromEmail) {
            const Campaign &c = m_calendar.campaigns[static_cast<std::size_t>(act.c)];
            j.safe("Query Parameters", "utm_source=marketo&utm_medium=email&utm_campaign=", c.utmCampaign);
            j.safe("Referrer URL", "");
        } else if (act.b == kFromPage) {
            j.safe("Query Parameters", "");
            j.safe("Referrer URL", kSite, allPages[static_cast<std::size_t>(act.c)].path);
        } else {
            j.safe("Query Parameters", "");
            j.safe("Referrer URL", referrers()[static_cast<std::size_t>(act.b)].label);
        }
        j.safe("User Agent", ua);
        j.safe("Webpage URL", kSite, page.path);
        break;
    }
    case mkt::FillOutForm: {
        const Form &f = form(static_cast<FormKind>(act.a));
        const Page &page = allPages[static_cast<std::size_t>(act.b)];
        valueId = f.id;
        value = f.name;
        if (act.a == WebinarRegistration)
            campaignId = m_calendar.webinars[static_cast<std::size_t>(act.c)].campaignId + 2;
        j.ip("Client IP Address", lead.ip);
        j.safe("Query Parameters", "");
        j.safe("Referrer URL", kSite, page.path);
        j.safe("User Agent", ua);
        j.num("Webpage ID", page.id);
        break;
    }
    case mkt::ClickLink: {
        const Asset &asset = contentAssets()[static_cast<std::size_t>(act.a)];
        valueId = 5100 + act.a;
        m_value = kSite;
        m_value += "/assets/";
        m_value += lastSegment(asset.path);
        m_value += ".pdf";
        value = m_value;
        j.ip("Client IP Address", lead.ip);
        j.safe("Query Parameters", "");
        j.safe("Referrer URL", kSite, asset.path);
        j.safe("User Agent", ua);
        break;
    }
    case mkt::SendEmail:
    case mkt::EmailDelivered:
    case mkt::EmailBounced:
    case mkt::OpenEmail:
    case mkt::ClickEmail:
    case mkt::UnsubscribeEmail: {
        if (act.a < 0) { // unsubscribed in the preference centre
            j.ip("Client IP Address", lead.ip);
            j.safe("Referrer URL", kSite, "/email-preferences");
            j.safe("User Agent", ua);
            break;
        }
        const Campaign &c = m_calendar.campaigns[static_cast<std::size_t>(act.a)];
        campaignId = c.campaignId;
        valueId = c.emailId;
        value = c.emailName;
        j.numText("Campaign Run ID", c.runId);
        j.safe("Choice Number", "0");
        if (act.type == mkt::EmailBounced) {
            j.safe("Category", "1");
            j.safe("Details", "550 5.1.1 The email account that you tried to reach does not exist.");
            j.safe("Subcategory", "1003");
        }
        if (act.type == mkt::OpenEmail || act.type == mkt::ClickEmail) {
            const bool mobile = kMobile[lead.userAgent];
            j.safe("Device", mobile ? "Mobile" : "Desktop");
            j.boolean("Is Bot Activity", false);
            j.boolean("Is Mobile Device", mobile);
            if (act.type == mkt::ClickEmail) {
                j.key("Link");
                m_attrs += csv ? "\"\"" : "\"";
                m_attrs += kSite;
                m_attrs += allPages[static_cast<std::size_t>(act.b)].path;
                m_attrs += "?utm_source=marketo&utm_medium=email";
                m_attrs += csv ? "\"\"" : "\"";
            }
            j.safe("Platform", kPlatforms[lead.userAgent]);
        }
        if (act.type == mkt::UnsubscribeEmail)
            j.ip("Client IP Address", lead.ip);
        j.numText("Step ID", c.campaignId + 1);
        if (act.type == mkt::OpenEmail || act.type == mkt::ClickEmail || act.type == mkt::UnsubscribeEmail)
            j.safe("User Agent", ua);
        break;
    }
    case mkt::NewLead:
        j.safe("Source Type", kLeadSources[act.a]);
        j.str("Lead Source", lead.originalSource);
        break;
    case mkt::ChangeDataValue:
        switch (static_cast<DataField>(act.a)) {
        case LeadStatusField:
            campaignId = 7001;
            valueId = 52;
            value = "Lead Status";
            j.safe("New Value", kLeadStatuses[act.c]);
            j.safe("Old Value", kLeadStatuses[act.b]);
            j.safe("Reason", "Changed by Smart Campaign Lead Lifecycle.Set Status action Change Data Value");
            j.safe("Source", "Smart campaign");
            break;
        case UnsubscribedField:
            valueId = 74;
            value = "Unsubscribed";
            j.boolean("New Value", true);
            j.boolean("Old Value", false);
            j.safe("Reason", "Unsubscribed from email");
            j.safe("Source", "Web form fillout");
            break;
        case PhoneField:
            valueId = 31;
            value = "Phone Number";
            j.str("New Value", lead.phone);
            j.null("Old Value");
            j.safe("Reason", "Form fill");
            j.safe("Source", "Web form fillout");
            break;
        case JobTitleField:
            valueId = 27;
            value = "Job Title";
            j.str("New Value", lead.title->title);
            j.null("Old Value");
            j.safe("Reason", "Lead sync from CRM");
            j.safe("Source", "Web service API");
            break;
        }
        break;
    case mkt::ChangeScore: {
        campaignId = 7100 + act.c;
        valueId = 1856;
        value = "Behavior Score";
        char change[16] = {'+'};
        const auto end = std::to_chars(change + 1, change + sizeof change, act.a).ptr;
        j.safe("Change Value", std::string_view(change, static_cast<std::size_t>(end - change)));
        j.num("New Value", act.b);
        j.num("Old Value", act.b - act.a);
        j.safe("Reason", "Changed by Smart Campaign ", kScoreReasons[act.c], " action Change Score");
        break;
    }
    case mkt::AddToList:
        if (act.a >= 0) {
            campaignId = 7200 + act.a;
            valueId = 3101 + act.a;
            value = kStaticLists[act.a];
        } else {
            const Webinar &w = m_calendar.webinars[static_cast<std::size_t>(-(act.a + 1))];
            campaignId = w.campaignId + 1;
            valueId = w.listId;
            value = w.listName;
        }
        j.safe("Source", "Smart campaign");
        break;
    case mkt::ChangeProgressionStatus: {
        const Webinar &w = m_calendar.webinars[static_cast<std::size_t>(act.a)];
        campaignId = w.campaignId;
        valueId = w.programId;
        value = w.programName;
        j.boolean("Acquired By", act.b == NotInProgram);
        j.safe("New Status", kProgramStatuses[act.c]);
        j.num("New Status ID", 20 + act.c);
        j.safe("Old Status", kProgramStatuses[act.b]);
        j.num("Old Status ID", 20 + act.b);
        j.num("Program ID", w.programId);
        j.str("Reason", "Changed by Smart Campaign " + w.programName + ".Status action Change Program Status");
        j.boolean("Success", act.c == Attended);
        break;
    }
    default:
        break;
    }
    j.close();

    if (csv) {
        appendInt(out, static_cast<std::int64_t>(guid));
        out += ',';
        appendInt(out, static_cast<std::int64_t>(lead.marketoId));
        out += ',';
        appendIsoUtc(out, act.at);
        out += ',';
        appendInt(out, act.type);
        out += ',';
        if (campaignId)
            appendInt(out, campaignId);
        else
            out += "null";
        out += ',';
        if (valueId)
            appendInt(out, valueId);
        else
            out += "null";
        out += ',';
        if (!value.empty())
            appendCsvField(out, value);
        else
            out += "null";
        out += ",\"";
        if (broken) {
            // Cut the JSON short, but never between the two quotes of a doubled pair.
            std::size_t keep = m_attrs.size() * 11 / 20;
            std::size_t quotes = 0;
            while (quotes < keep && m_attrs[keep - 1 - quotes] == '"')
                ++quotes;
            keep -= quotes % 2;
            m_attrs.resize(keep);
        }
        out += m_attrs;
        out += "\"\n";
        return;
    }

    // The record MarketoActivitySource makes of the same row.
    out += "{\"contract\":\"engagement_event\",\"version\":2,\"record\":{\"source_system\":\"marketo\","
           "\"source_id\":\"";
    appendInt(out, static_cast<std::int64_t>(guid));
    out += "\",\"lead\":{\"source_system\":\"marketo\",\"source_id\":\"";
    appendInt(out, static_cast<std::int64_t>(lead.marketoId));
    out += "\"},\"occurred_at\":\"";
    appendIsoUtc(out, act.at);
    out += "\",\"activity_type_id\":";
    appendInt(out, act.type);
    out += ",\"type\":\"";
    out += eventType(act.type);
    out += "\",\"campaign_id\":";
    if (campaignId) {
        out += '"';
        appendInt(out, campaignId);
        out += '"';
    } else {
        out += "null";
    }
    out += ",\"asset\":";
    if (!value.empty())
        appendJsonString(out, value);
    else
        out += "null";
    out += ",\"attributes\":";
    if (valueId) {
        m_attrs.pop_back();
        m_attrs += ",\"primaryAttributeValueId\":\"";
        appendInt(m_attrs, valueId);
        m_attrs += "\"}";
    }
    out += m_attrs;
    out += "}}\n";
}

} // namespace baton::demo
