#include "demo/Model.h"

#include "demo/TextOut.h"

#include <algorithm>
#include <cmath>

namespace baton::demo {

using namespace tables;

namespace {

double sizeFit(std::int64_t employees)
{
    if (employees < 20)
        return -0.8;
    if (employees < 50)
        return -0.4;
    if (employees < 200)
        return 0.0;
    if (employees < 1000)
        return 0.5;
    if (employees < 5000)
        return 0.6;
    return 0.3;
}

// Three significant digits, as annual reports and data providers round revenue.
double roundRevenue(double value)
{
    if (value < 1000)
        return std::round(value);
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)) - 2);
    return std::round(value / magnitude) * magnitude;
}

std::string capitalised(std::string_view prefix, std::string_view root)
{
    std::string s(prefix);
    s += root;
    return s;
}

std::string uniqueDomain(std::string_view core, std::string_view tld,
                         std::unordered_set<std::string> &used, Rng &rng)
{
    std::string candidate = std::string(core) + std::string(tld);
    if (used.insert(candidate).second)
        return candidate;
    static constexpr std::string_view kVariants[][2] = {
        {"get", ""}, {"", "hq"}, {"", "-group"}, {"try", ""}, {"", "global"}, {"", "-inc"}};
    for (const auto &v : kVariants) {
        candidate = std::string(v[0]) + std::string(core) + std::string(v[1]) + std::string(tld);
        if (used.insert(candidate).second)
            return candidate;
    }
    for (;;) {
        candidate = std::string(core) + std::to_string(rng.range(2, 999)) + std::string(tld);
        if (used.insert(candidate).second)
            return candidate;
    }
}

} // namespace

AccountBook::AccountBook(int count, Rng &rng)
{
    const WeightedTable countryTable(countries(), [](const Country &c) { return c.weight; });
    const WeightedTable industryTable(industries(), [](const Industry &i) { return i.weight; });
    std::unordered_set<std::string> domains;
    domains.reserve(static_cast<std::size_t>(count) * 2);
    m_accounts.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        Account &a = m_accounts[static_cast<std::size_t>(i)];
        a.id = 18000000000ull + static_cast<std::uint64_t>(i) * 131 + rng.below(131);
        a.country = &countries()[countryTable.draw(rng)];
        a.industryIndex = static_cast<int>(industryTable.draw(rng));
        a.industry = &industries()[static_cast<std::size_t>(a.industryIndex)];
        const double e = rng.logNormal(std::log(150.0), 1.5);
        a.employees = std::clamp<std::int64_t>(std::llround(e), 2, 350000);
        if (a.employees > 1000)
            a.employees = a.employees / 10 * 10;
        a.revenue = roundRevenue(static_cast<double>(a.employees) * a.industry->revenuePerEmployee *
                                 rng.logNormal(0, 0.35));

        const std::string_view prefix = rng.pick(companyPrefixes());
        const std::string_view root = rng.pick(companyRoots());
        const std::string_view word = rng.pick(a.industry->words);
        const double shape = rng.uniform();
        std::string core;
        if (shape < 0.45) { // "Northwind Analytics"
            const std::string base = capitalised(prefix, root);
            a.name = base + " " + std::string(word);
            core = rng.chance(0.5) ? foldToAscii(base) : foldToAscii(base) + foldToAscii(word);
        } else if (shape < 0.68) { // "Summit Logistics"
            a.name = std::string(prefix) + " " + std::string(word);
            core = rng.chance(0.7) ? foldToAscii(prefix) + foldToAscii(word)
                                   : foldToAscii(prefix) + "-" + foldToAscii(word);
        } else if (shape < 0.86) { // "Müller Logistics", "Bernard & Moreau"
            const auto surnames = lastNames(a.country->locale);
            const std::size_t first = rng.below(surnames.size());
            const std::string_view s1 = surnames[first];
            if (a.industry->name == "Professional Services" || a.industry->name == "Financial Services" ||
                rng.chance(0.15)) {
                const std::size_t second = (first + 1 + rng.below(surnames.size() - 1)) % surnames.size();
                const std::string_view s2 = surnames[second];
                a.name = std::string(s1) + " & " + std::string(s2);
                core = foldToAscii(s1) + foldToAscii(s2);
            } else {
                a.name = std::string(s1) + " " + std::string(word);
                core = foldToAscii(s1) + foldToAscii(word);
            }
        } else { // "Silverline"
            const std::string base = capitalised(prefix, root);
            a.name = base;
            core = foldToAscii(base);
        }
        if (rng.chance(0.5))
            a.name += " " + std::string(rng.pick(a.country->legalSuffixes));

        std::string_view tld = ".com";
        if (a.country->code != "US" && rng.chance(0.7))
            tld = a.country->tld;
        else if (a.industry->name == "Software" && rng.chance(0.25))
            tld = rng.chance(0.7) ? std::string_view(".io") : std::string_view(".ai");
        a.domain = uniqueDomain(core, tld, domains, rng);
        a.city = std::string(rng.pick(a.country->cities));
        const double strategicChance = a.employees >= 5000 ? 0.08 : a.employees >= 1000 ? 0.03 : 0.016;
        a.strategic = rng.chance(strategicChance);
        a.fit = 0.8 * a.industry->fit + sizeFit(a.employees) + (a.strategic ? 0.3 : 0.0);
        a.type = rng.pick(accountTypes());
        a.owner = rng.pick(owners(a.country->region));
    }
    m_table = WeightedTable(m_accounts, [](const Account &a) {
        return std::pow(static_cast<double>(a.employees), 0.35);
    });
}

namespace {

std::int64_t nextWeekday(std::int64_t t)
{
    for (;;) {
        const std::int64_t weekday = ((t / kDay) + 4) % 7; // 0 = Sunday
        if (weekday != 0 && weekday != 6)
            return t;
        t += kDay;
    }
}

int pageIndex(std::string_view path)
{
    const auto all = pages();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].path == path)
            return static_cast<int>(i);
    return 0;
}

int pageOfKind(PageKind kind, Rng &rng)
{
    const auto all = pages();
    int count = 0;
    for (const Page &p : all)
        count += p.kind == kind;
    auto n = static_cast<int>(rng.below(static_cast<std::uint64_t>(count)));
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].kind == kind && n-- == 0)
            return static_cast<int>(i);
    return 0;
}

std::string dateText(std::int64_t t)
{
    std::string s;
    appendDate(s, t);
    return s;
}

} // namespace

Calendar makeCalendar(std::int64_t now, int days, double scale, Rng &rng)
{
    Calendar cal;
    cal.now = now;
    cal.windowStart = now - static_cast<std::int64_t>(days) * kDay;
    const std::int64_t dayZero = cal.windowStart / kDay * kDay;

    // Webinars every three weeks, 16:00 UTC on a weekday, one of them still to come.
    const auto titles = webinarTitles();
    for (int w = 0;; ++w) {
        const std::int64_t start = nextWeekday(dayZero + (12 + 21 * static_cast<std::int64_t>(w)) * kDay) +
                                   16 * 3600;
        if (start > now + 14 * kDay)
            break;
        Webinar web;
        web.startAt = start;
        web.title = w % static_cast<int>(titles.size());
        web.programId = 4100 + w * 7;
        web.campaignId = 8400 + w * 10;
        web.listId = 3200 + w;
        web.on24Id = std::to_string(4470000 + w * 137);
        std::string month = dateText(start).substr(0, 7);
        web.programName = month + " Webinar - " + std::string(titles[static_cast<std::size_t>(web.title)]);
        web.listName = "Webinar Registrants - " + std::string(titles[static_cast<std::size_t>(web.title)]);
        cal.webinars.push_back(std::move(web));
    }

    const auto programs = emailPrograms();
    auto addCampaign = [&](std::int64_t day, int program, int webinar) {
        Campaign c;
        c.sendAt = nextWeekday(day) + (11 + rng.range(0, 6)) * 3600 + rng.range(0, 3) * 900;
        c.program = program;
        c.webinar = webinar;
        const auto n = static_cast<int>(cal.campaigns.size());
        c.campaignId = 9000 + n * 3;
        c.emailId = 15000 + n * 11;
        c.runId = static_cast<int>(rng.range(1, 40));
        const std::string_view name = programs[static_cast<std::size_t>(program)];
        c.emailName = std::string(name) + " - " + dateText(c.sendAt) + ".Email";
        for (char ch : std::string(name) + " " + dateText(c.sendAt)) {
            const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
            if (ch >= 'A' && ch <= 'Z')
                c.utmCampaign += static_cast<char>(ch - 'A' + 'a');
            else if (alnum)
                c.utmCampaign += ch;
            else if (!c.utmCampaign.empty() && c.utmCampaign.back() != '-')
                c.utmCampaign += '-';
        }
        if (name == "Newsletter") {
            c.linkPage = pageOfKind(Blog, rng);
            c.audience = 1.0;
        } else if (name.starts_with("Nurture")) {
            c.linkPage = pageOfKind(Resource, rng);
            c.audience = 0.5;
        } else if (name == "Product Update") {
            c.linkPage = pageOfKind(Product, rng);
            c.audience = 0.8;
        } else if (name == "Webinar Invite") {
            c.linkPage = pageIndex("/webinars");
            c.audience = 0.9;
        } else if (name == "Case Study Spotlight") {
            c.linkPage = pageOfKind(Customers, rng);
            c.audience = 0.7;
        } else if (name == "Event Follow-up") {
            c.linkPage = pageIndex("/demo");
            c.audience = 0.3;
        } else {
            c.linkPage = pageIndex("/pricing");
            c.audience = 0.4;
        }
        cal.campaigns.push_back(std::move(c));
    };

    // Regular sends spread evenly (one a week at scale 1), a newsletter every fourth.
    const int regular = std::max(1, static_cast<int>(std::lround(days / 7.0 * scale)));
    const double spacing = static_cast<double>(days) / regular;
    std::vector<double> weights;
    int newsletter = 0;
    for (std::size_t p = 0; p < programs.size(); ++p) {
        weights.push_back(programs[p] == "Webinar Invite" || programs[p] == "Newsletter" ? 0.0 : 1.0);
        if (programs[p] == "Newsletter")
            newsletter = static_cast<int>(p);
    }
    for (int i = 0; i < regular; ++i) {
        const auto offset = static_cast<std::int64_t>(spacing * (i + rng.uniform()));
        const int program = i % 4 == 0 ? newsletter : static_cast<int>(rng.weighted(weights));
        addCampaign(dayZero + offset * kDay, program, -1);
    }
    int inviteProgram = 0;
    for (std::size_t p = 0; p < programs.size(); ++p)
        if (programs[p] == "Webinar Invite")
            inviteProgram = static_cast<int>(p);
    for (std::size_t w = 0; w < cal.webinars.size(); ++w) {
        for (int before : {14, 5}) {
            const std::int64_t day = (cal.webinars[w].startAt - before * kDay) / kDay * kDay;
            if (day >= dayZero && day < now)
                addCampaign(day, inviteProgram, static_cast<int>(w));
        }
    }
    std::stable_sort(cal.campaigns.begin(), cal.campaigns.end(),
                     [](const Campaign &x, const Campaign &y) { return x.sendAt < y.sendAt; });
    return cal;
}

// ---- leads --------------------------------------------------------------------------

namespace {

// The propensity's terms: base + fit + intensity + luck. The intensity is log-normal, centred
// by whether the lead is quiet and, if not, by its fit. Written once, for the generator and
// for conversionChanceGiven.
constexpr double kBase = -2.3, kFitWeight = 1.1, kIntensityWeight = 0.9, kLuckSd = 0.5;
constexpr double kQuietLevel = 0.04, kQuietSd = 0.4;
constexpr double kActiveMean = -0.3, kActiveSd = 0.85, kActiveFitSlope = 0.25;

} // namespace

double conversionChanceGiven(double fit, bool quiet)
{
    // sigmoid(m + s z) averaged over a standard normal z, by the midpoint rule on [-8, 8].
    const double logMean = quiet ? std::log(kQuietLevel) : kActiveMean + kActiveFitSlope * fit;
    const double logSd = quiet ? kQuietSd : kActiveSd;
    const double m = kBase + kFitWeight * fit + kIntensityWeight * logMean;
    const double s = std::hypot(kIntensityWeight * logSd, kLuckSd);
    constexpr int kSteps = 400;
    constexpr double kFrom = -8.0, kWidth = 16.0 / kSteps;
    double chance = 0, weight = 0;
    for (int i = 0; i < kSteps; ++i) {
        const double z = kFrom + (i + 0.5) * kWidth;
        const double density = std::exp(-0.5 * z * z);
        chance += density * sigmoid(m + s * z);
        weight += density;
    }
    return chance / weight;
}

double webSessionsPerWeekday(bool quiet, double intensity)
{
    return quiet ? 0.004 : 0.05 * intensity;
}

namespace {

constexpr std::string_view kPersonalDomains[] = {"gmail.com", "gmail.com", "gmail.com",
                                                 "outlook.com", "yahoo.com", "icloud.com",
                                                 "hotmail.com", "proton.me"};

void appendDigits(std::string &s, Rng &rng, int count)
{
    for (int i = 0; i < count; ++i)
        s += static_cast<char>('0' + rng.below(10));
}

std::string makePhone(const Country &c, Rng &rng)
{
    std::string s;
    if (c.code == "US" || c.code == "CA") {
        static constexpr std::string_view kAreas[] = {"212", "415", "512", "312", "617", "206",
                                                      "303", "404", "213", "214", "416", "604"};
        const std::string_view area = rng.pick(kAreas);
        if (rng.chance(0.6)) {
            s = "+1 ";
            s += area;
            s += "-555-01";
        } else {
            s = "(";
            s += area;
            s += ") 555-01";
        }
        appendDigits(s, rng, 2);
        return s;
    }
    if (c.code == "GB") {
        s = rng.chance(0.7) ? "+44 20 7946 0" : "020 7946 0";
        appendDigits(s, rng, 3);
        return s;
    }
    s = std::string(c.dial) + " ";
    appendDigits(s, rng, 2 + static_cast<int>(rng.below(2)));
    s += ' ';
    appendDigits(s, rng, 3 + static_cast<int>(rng.below(2)));
    s += ' ';
    appendDigits(s, rng, 4);
    return s;
}

} // namespace

LeadMaker::LeadMaker(const AccountBook &accounts, const Calendar &calendar, double scale)
    : m_accounts(accounts), m_calendar(calendar), m_scale(scale),
      m_countries(countries(), [](const Country &c) { return c.weight; }),
      m_titles(titles(), [](const Title &t) { return t.weight; }),
      m_sources(originalSources(), [](const WeightedLabel &s) { return s.weight; })
{
}

void LeadMaker::make(std::int64_t index, Rng &rng, Lead &L)
{
    const std::int64_t now = m_calendar.now;
    L = Lead{};
    L.index = index;
    L.recordId = 9700000000ull + static_cast<std::uint64_t>(index) * 97 + rng.below(97);
    L.marketoId = 5400000ull + static_cast<std::uint64_t>(index) * 3 + rng.below(3);

    if (rng.chance(0.04) || m_accounts.accounts().empty()) {
        L.country = &countries()[m_countries.draw(rng)];
    } else {
        L.account = &m_accounts.draw(rng);
        L.country = rng.chance(0.9) ? L.account->country : &countries()[m_countries.draw(rng)];
    }
    Locale locale = L.country->locale;
    if (rng.chance(0.12))
        locale = static_cast<Locale>(rng.below(LocaleCount));
    L.firstName = std::string(rng.pick(firstNames(locale)));
    L.lastName = std::string(rng.pick(lastNames(locale)));
    L.title = &titles()[m_titles.draw(rng)];

    // Email: the company's pattern, or a personal mailbox.
    std::string first = foldToAscii(L.firstName), last = foldToAscii(L.lastName);
    std::string local;
    std::string domain;
    if (L.account) {
        domain = L.account->domain;
        const double style = rng.uniform();
        if (style < 0.55)
            local = first + "." + last;
        else if (style < 0.72)
            local = first.substr(0, 1) + last;
        else if (style < 0.80)
            local = first;
        else if (style < 0.88)
            local = first + "_" + last;
        else if (style < 0.94)
            local = last + "." + first;
        else
            local = first + last;
    } else {
        domain = std::string(rng.pick(kPersonalDomains));
        local = first + "." + last;
        if (rng.chance(0.5))
            appendDigits(local, rng, 2);
    }
    L.email = local + "@" + domain;
    for (int n = 2; !m_emails.insert(L.email).second; ++n)
        L.email = local + std::to_string(n) + "@" + domain;

    if (rng.chance(0.72))
        L.phone = makePhone(*L.country, rng);
    L.countryAlt = rng.chance(0.1);
    L.showIndustry = L.account && rng.chance(0.85);

    // When HubSpot first saw them: a quarter are new (no outcome yet), the rest older.
    const double ageDays = rng.chance(0.25) ? rng.uniform(0.02, 60.0)
                                            : 60.0 + std::min(840.0, rng.exponential(170.0)) + 0.01;
    L.createdAt = now - static_cast<std::int64_t>(ageDays * kDay);
    L.old = L.createdAt < now - 60 * kDay;

    // The hidden model.
    L.fit = (L.account ? L.account->fit : -0.6) + 0.8 * L.title->fit;
    L.quiet = rng.chance(0.30);
    L.intensity = L.quiet
                      ? kQuietLevel * rng.logNormal(0, kQuietSd)
                      : rng.logNormal(kActiveMean, kActiveSd) * std::exp(kActiveFitSlope * L.fit);
    L.luck = rng.normal(0, kLuckSd);
    L.propensity = kBase + kFitWeight * L.fit + kIntensityWeight * std::log(L.intensity) + L.luck;
    L.converted = L.old && rng.chance(sigmoid(L.propensity));
    if (L.converted) {
        const double span = std::min(150.0, ageDays - 1.0);
        L.convertedAt = L.createdAt + static_cast<std::int64_t>(rng.uniform(7.0, span) * kDay);
    }
    L.unsubscribed = rng.chance(L.quiet ? 0.07 : 0.035);
    if (L.unsubscribed)
        L.unsubscribedAt = L.createdAt + static_cast<std::int64_t>(rng.uniform() * static_cast<double>(now - L.createdAt));

    // What HubSpot says about them.
    if (L.converted) {
        L.stage = L.convertedAt < now - 45 * kDay && rng.chance(0.35) ? Stage::Customer : Stage::Opportunity;
        L.leadStatus = L.stage == Stage::Customer || rng.chance(0.3) ? "Connected" : "Open Deal";
    } else if (L.quiet) {
        L.stage = rng.chance(0.6) ? Stage::Subscriber : Stage::Lead;
        L.leadStatus = L.stage == Stage::Subscriber ? "" : rng.chance(0.5) ? "New" : "Unqualified";
    } else {
        const double r = rng.uniform();
        const double hot = std::min(1.0, L.intensity / 3.0);
        if (r < 0.12 * hot) {
            L.stage = Stage::Sql;
            static constexpr std::string_view kSql[] = {"In Progress", "Connected", "Attempted to Contact"};
            L.leadStatus = rng.pick(kSql);
        } else if (r < 0.5 * hot + 0.1) {
            L.stage = Stage::Mql;
            static constexpr std::string_view kMql[] = {"New", "Open", "Attempted to Contact"};
            L.leadStatus = rng.pick(kMql);
        } else if (r < 0.85) {
            L.stage = Stage::Lead;
            static constexpr std::string_view kLead[] = {"New", "Open", "Unqualified", "Bad Timing"};
            L.leadStatus = rng.pick(kLead);
        } else {
            L.stage = Stage::Subscriber;
        }
    }
    L.originalSource = originalSources()[m_sources.draw(rng)].label;
    if (L.stage != Stage::Subscriber || rng.chance(0.3))
        L.owner = rng.chance(0.9) ? rng.pick(owners(L.country->region)) : std::string_view();

    // How they behave in the window.
    const double hot = L.intensity;
    L.listShare = L.quiet ? 0.06 : std::min(0.95, 0.5 + 0.15 * std::log1p(hot));
    L.openRate = L.quiet ? 0.06 : std::clamp(0.1 + 0.15 * hot, 0.05, 0.7);
    L.clickRate = std::clamp(0.06 + 0.07 * hot, 0.02, 0.45);
    L.webRate = webSessionsPerWeekday(L.quiet, hot) * m_scale;
    const bool senior = L.title->seniority == "manager" || L.title->seniority == "director" ||
                        L.title->seniority == "vp";
    L.webinarAffinity = L.quiet ? 0.01 : std::clamp(0.04 * hot * (senior ? 1.4 : 1.0), 0.0, 0.5);
    L.hardBounce = rng.chance(0.012);

    const std::int64_t start = std::max(m_calendar.windowStart, L.createdAt);
    const bool convertsInWindow = L.converted && L.convertedAt >= start + 2 * kDay;
    if (!L.quiet && ((convertsInWindow && rng.chance(0.7)) ||
                     rng.chance(0.15 + 0.25 * sigmoid(L.propensity + 1.0)))) {
        const std::int64_t length = rng.range(5, 9) * kDay;
        if (convertsInWindow) {
            L.burstEnd = L.convertedAt - rng.range(0, 2 * kDay);
        } else {
            const std::int64_t latest = std::max(start, now - 3 * kDay);
            L.burstEnd = start + static_cast<std::int64_t>(rng.uniform() * static_cast<double>(latest - start)) + length;
        }
        L.burstStart = L.burstEnd - length;
        L.burstMultiplier = rng.uniform(5.0, 12.0);
    }
    static constexpr double kAgents[] = {30, 20, 12, 8, 10, 9, 6, 5};
    L.userAgent = static_cast<int>(rng.weighted(kAgents));
    static constexpr std::uint32_t kNets[] = {0xC0000200u, 0xC6336400u, 0xCB007100u};
    L.ip = rng.pick(kNets) | static_cast<std::uint32_t>(rng.range(1, 254));
    L.score = std::max(0, static_cast<int>(std::lround(L.fit * 10 + 5)));
}

} // namespace baton::demo
