#pragma once

#include "demo/Names.h"
#include "demo/Random.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

// The demo's hidden world: accounts, leads with their hidden propensity, the marketing
// calendar (email campaigns, webinars), and each lead's activity timeline.
namespace baton::demo {

constexpr std::int64_t kDay = 86400;

struct Account
{
    std::uint64_t id = 0; // HubSpot company record id
    std::string name;
    std::string domain;
    std::string city;
    const tables::Country *country = nullptr;
    const tables::Industry *industry = nullptr;
    int industryIndex = 0;
    std::int64_t employees = 0;
    double revenue = 0;
    bool strategic = false;
    double fit = 0; // firmographic part of the propensity
    std::string_view type;
    std::string_view owner;
};

// Accounts and the way leads are spread over them.
class AccountBook
{
public:
    AccountBook(int count, Rng &rng);
    const std::vector<Account> &accounts() const { return m_accounts; }
    const Account &draw(Rng &rng) const { return m_accounts[m_table.draw(rng)]; }

private:
    std::vector<Account> m_accounts;
    WeightedTable m_table;
};

enum class Stage { Subscriber, Lead, Mql, Sql, Opportunity, Customer };

struct Lead
{
    std::int64_t index = 0;
    std::uint64_t recordId = 0; // HubSpot Record ID
    std::uint64_t marketoId = 0;
    const Account *account = nullptr; // null: a personal email address, no company
    const tables::Country *country = nullptr;
    const tables::Title *title = nullptr;
    std::string firstName, lastName, email, phone;
    std::string_view originalSource, owner, leadStatus;
    Stage stage = Stage::Lead;
    bool showIndustry = true;
    bool countryAlt = false; // Country/Region typed as the alternative spelling

    std::int64_t createdAt = 0;
    bool old = false; // created more than 60 days before now
    bool converted = false;
    std::int64_t convertedAt = 0;
    bool unsubscribed = false;
    std::int64_t unsubscribedAt = 0;

    // Hidden behaviour.
    double fit = 0;
    double intensity = 0;
    bool quiet = false;
    double propensity = 0;
    double luck = 0; // the part of the propensity no record reflects
    double listShare = 0;     // share of email campaigns the lead is on the list for
    double openRate = 0;      // per delivered email
    double clickRate = 0;     // per open
    double webRate = 0;       // site sessions per weekday
    double webinarAffinity = 0;
    bool hardBounce = false;  // every send bounces
    std::int64_t burstStart = 0, burstEnd = 0; // a week of intense research, if any
    double burstMultiplier = 1;
    int userAgent = 0;
    std::uint32_t ip = 0; // documentation ranges only (RFC 5737)
    int score = 0;        // Marketo behaviour score, tracked while events are made
};

struct Campaign
{
    std::int64_t sendAt = 0;
    int program = 0; // index into tables::emailPrograms()
    int campaignId = 0;
    int emailId = 0;
    int runId = 0;
    int linkPage = 0;  // index into tables::pages()
    int webinar = -1;  // for an invitation: the webinar
    double audience = 1; // share of the list this send goes to
    std::string emailName;
    std::string utmCampaign; // "newsletter-2026-10-06"
};

struct Webinar
{
    std::int64_t startAt = 0;
    int title = 0;
    int programId = 0;
    int campaignId = 0;
    int listId = 0;
    std::string on24Id;
    std::string programName;
    std::string listName;
};

struct Calendar
{
    std::int64_t now = 0;
    std::int64_t windowStart = 0;
    std::vector<Campaign> campaigns;
    std::vector<Webinar> webinars;
};

// `scale` multiplies campaign frequency and web activity (1: the calibrated default).
Calendar makeCalendar(std::int64_t now, int days, double scale, Rng &rng);

// Makes one lead after another; owns the set of emails already used so they stay unique.
class LeadMaker
{
public:
    LeadMaker(const AccountBook &accounts, const Calendar &calendar, double scale);
    void make(std::int64_t index, Rng &rng, Lead &lead);

private:
    const AccountBook &m_accounts;
    const Calendar &m_calendar;
    double m_scale;
    WeightedTable m_countries, m_titles, m_sources;
    std::unordered_set<std::string> m_emails;
};

// Marketo activity type ids the demo writes (Adobe's standard list).
namespace mkt {
enum : std::uint16_t { VisitWebpage = 1, FillOutForm = 2, ClickLink = 3, SendEmail = 6,
                       EmailDelivered = 7, EmailBounced = 8, UnsubscribeEmail = 9,
                       OpenEmail = 10, ClickEmail = 11, NewLead = 12, ChangeDataValue = 13,
                       ChangeScore = 22, AddToList = 24, ChangeProgressionStatus = 104 };
}
// Visit Webpage: b is a referrer index, or one of these (c then says which page/campaign).
constexpr int kFromPage = -1, kFromEmail = -2;
// Change Data Value: a is the field; b and c index kLeadStatuses for the lead status.
enum DataField { LeadStatusField, UnsubscribedField, PhoneField, JobTitleField };
inline constexpr std::string_view kLeadStatuses[] = {"New", "Open", "In Progress", "Open Deal",
                                                     "Connected"};
// Change Status in Progression: b and c index these.
enum ProgramStatus { NotInProgram, Registered, Attended, NoShow };
inline constexpr std::string_view kProgramStatuses[] = {"Not in Program", "Registered",
                                                        "Attended", "No Show"};
// Change Score: c indexes the reason.
enum ScoreReason { VisitedPricing, FilledOutForm, ClickedEmail, RegisteredWebinar,
                   AttendedWebinar };
inline constexpr std::string_view kScoreReasons[] = {
    "Scoring.Visited Pricing Page", "Scoring.Filled Out Form", "Scoring.Clicked Email",
    "Scoring.Registered for Webinar", "Scoring.Attended Webinar"};
// Add to List: a >= 0 indexes these; a < 0 is webinar -(a + 1)'s registrant list.
inline constexpr std::string_view kStaticLists[] = {"Newsletter Subscribers",
                                                    "Nurture - RevOps Track",
                                                    "Nurture - Data Quality Track",
                                                    "Trade Show Leads 2026"};
// New Lead: a indexes these.
inline constexpr std::string_view kLeadSources[] = {"Web form fillout", "List import", "New lead",
                                                    "Salesforce.com"};

// One Marketo activity, before formatting. The meaning of a..c depends on the type.
struct Activity
{
    std::int64_t at = 0;
    std::uint16_t type = 0; // Marketo activityTypeId
    std::uint16_t seq = 0;  // creation order, to keep same-second events stable
    std::int32_t a = 0, b = 0, c = 0;
};

// An event from another tool (on24 webinars, the website's own tracking).
enum class SideKind : std::uint8_t { WebinarRegistered, WebinarAttended, PricingPageView,
                                     DemoRequest, ContentDownload };
struct SideEvent
{
    std::int64_t at = 0;
    SideKind kind = SideKind::PricingPageView;
    std::int32_t a = 0, b = 0; // webinar index and minutes; asset or page index
};

// The chance that a lead converts, as far as its fit and whether it is quiet tell: the
// propensity's sigmoid averaged over the intensity and luck those two leave open.
double conversionChanceGiven(double fit, bool quiet);

// Web sessions a lead starts per weekday at scale 1, by its intensity; on a weekend day a
// lead starts kWeekendWebShare of that.
double webSessionsPerWeekday(bool quiet, double intensity);
inline constexpr double kWeekendWebShare = 0.2;

// Everything a lead did in the window, in time order.
void makeTimeline(Lead &lead, const Calendar &calendar, double scale, Rng &rng,
                  std::vector<Activity> &activities, std::vector<SideEvent> &side);

} // namespace baton::demo
