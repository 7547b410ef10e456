#include "demo/DemoGenerator.h"

#include "demo/Formats.h"
#include "demo/Model.h"
#include "demo/TextOut.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace baton::demo {

std::chrono::system_clock::time_point DemoOptions::defaultNow()
{
    // 2026-11-16T12:00:00Z
    return std::chrono::system_clock::time_point(std::chrono::seconds(1794830400));
}

namespace {

// Marketo activities per lead the model makes at scale 1 (measured over 100,000 leads, so
// that the default eventsPerLead = 25 gives about 25).
constexpr double kEventsPerLeadAtScaleOne = 22.4;

enum class Mode { Full, MarketoCsv, MarketoJsonl };

// Chooses which records of a file to break: about one in 200, at irregular but fixed
// places that depend only on the seed and the record's position.
class BreakPlan
{
public:
    BreakPlan(bool enabled, std::uint64_t seed, std::uint64_t file, std::int64_t knownCount = 0)
        : m_enabled(enabled), m_state(mix64(seed, file))
    {
        const std::uint64_t span = knownCount > 0 ? std::min<std::uint64_t>(200, static_cast<std::uint64_t>(knownCount)) : 200;
        m_next = static_cast<std::int64_t>(m_state % span);
    }
    bool next()
    {
        const bool hit = m_enabled && m_index == m_next;
        if (hit) {
            m_state = mix64(m_state);
            m_next += 100 + static_cast<std::int64_t>(m_state % 200);
            ++m_count;
        }
        ++m_index;
        return hit;
    }
    std::int64_t count() const { return m_count; }
    std::int64_t records() const { return m_index; }

private:
    bool m_enabled;
    std::uint64_t m_state;
    std::int64_t m_next = 0;
    std::int64_t m_index = 0;
    std::int64_t m_count = 0;
};

std::int64_t toSeconds(std::chrono::system_clock::time_point t)
{
    return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

class Generator
{
public:
    Generator(const DemoOptions &options, Mode mode, std::function<void(double)> progress)
        : o(options), mode(mode), progress(std::move(progress)),
          leads(std::max(1, options.leads)), now(toSeconds(options.now)),
          scale(std::clamp((options.targetEvents > 0
                                ? static_cast<double>(options.targetEvents) / leads
                                : options.eventsPerLead) / kEventsPerLeadAtScaleOne,
                           0.01, 100.0)),
          accountsRng(mix64(options.seed, 1)), calendarRng(mix64(options.seed, 2)),
          book(std::max(10, leads / 4), accountsRng),
          calendar(makeCalendar(now, std::max(1, options.days), scale, calendarRng)),
          marketo(calendar, mode == Mode::MarketoJsonl ? MarketoWriter::Format::Jsonl
                                                       : MarketoWriter::Format::Csv),
          accountPlan(options.malformed, options.seed, 11, static_cast<std::int64_t>(book.accounts().size())),
          contactPlan(options.malformed, options.seed, 12, leads),
          activityPlan(options.malformed && mode != Mode::MarketoJsonl, options.seed, 13),
          enrichmentPlan(options.malformed, options.seed, 14),
          eventPlan(options.malformed, options.seed, 15)
    {
    }

    DemoFiles runFull(const std::filesystem::path &dir)
    {
        std::filesystem::create_directories(dir);
        files.accounts = dir / "accounts.jsonl";
        files.contacts = dir / "contacts.csv";
        files.activities = dir / "activities.csv";
        files.enrichment = dir / "enrichment.jsonl";
        files.events = dir / "events.jsonl";
        accountsOut = FileWriter(files.accounts);
        contactsOut = FileWriter(files.contacts);
        activitiesOut = FileWriter(files.activities);
        enrichmentOut = FileWriter(files.enrichment);
        eventsOut = FileWriter(files.events);
        if (o.groundTruth) {
            files.groundTruth = dir / "ground_truth.csv";
            truthOut = FileWriter(files.groundTruth);
            truthOut.buffer() += "Record ID,propensity,luck,fit,quiet,log_intensity\n";
        }
        writeContactsHeader(contactsOut.buffer());
        MarketoWriter::header(activitiesOut.buffer());
        writeAccounts();
        report(0.05);
        generateLeads(0.05);
        for (FileWriter *w : {&accountsOut, &contactsOut, &activitiesOut, &enrichmentOut, &eventsOut, &truthOut}) {
            files.bytes += w->bytes();
            w->close();
        }
        files.scale = scale;
        files.accountCount = accountPlan.records();
        files.contactCount = contactPlan.records();
        files.activityCount = activityPlan.records();
        files.enrichmentCount = enrichmentPlan.records();
        files.eventCount = eventPlan.records();
        files.malformedAccounts = accountPlan.count();
        files.malformedContacts = contactPlan.count();
        files.malformedActivities = activityPlan.count();
        files.malformedEnrichment = enrichmentPlan.count();
        files.malformedEvents = eventPlan.count();
        return files;
    }

    void runMarketoOnly(const std::filesystem::path &path)
    {
        if (path.has_parent_path())
            std::filesystem::create_directories(path.parent_path());
        activitiesOut = FileWriter(path);
        if (mode == Mode::MarketoCsv)
            MarketoWriter::header(activitiesOut.buffer());
        if (o.targetEvents > 0)
            generateLeads(0.0);
        activitiesOut.close();
    }

private:
    void report(double fraction)
    {
        if (progress)
            progress(std::clamp(fraction, 0.0, 1.0));
    }

    void writeAccounts()
    {
        Rng er(mix64(o.seed, 3));
        std::uint64_t serial[2] = {0, 0};
        const auto industries = tables::industries();
        const auto techCount = tables::technologies().size();
        for (const Account &a : book.accounts()) {
            files.strategicAccounts += a.strategic;
            writeAccount(accountsOut.buffer(), a, accountPlan.next() ? Break::Truncate : Break::None);
            accountsOut.recordDone();

            const bool present[2] = {er.chance(0.9), er.chance(0.7)};
            const bool conflict = present[0] && present[1] && er.chance(0.16);
            const auto kind = er.below(2);
            const auto who = er.below(2);
            files.conflictingAccounts += conflict;
            std::uint64_t techs = 0;
            for (int n = static_cast<int>(er.range(2, 6)); n > 0; --n)
                techs |= 1ull << er.below(techCount);
            for (int p = 0; p < 2; ++p) {
                if (!present[p])
                    continue;
                AccountObservation obs{};
                obs.provider = p == 0 ? Provider::Harbor : Provider::Meridian;
                obs.serial = serial[p]++;
                const bool stale = er.chance(0.12);
                files.staleObservations += stale;
                obs.observedAt = now - (stale ? er.range(181, 420) : er.range(1, 150)) * kDay - er.range(0, kDay - 1);
                obs.confidence = p == 0 ? er.uniform(0.6, 0.98) : er.uniform(0.5, 0.95);
                obs.industry = a.industry->name;
                obs.employees = a.employees;
                obs.technologies = techs;
                if (conflict && who == static_cast<std::uint64_t>(p)) {
                    if (kind == 0) {
                        const auto other = (static_cast<std::size_t>(a.industryIndex) + 1 +
                                            er.below(industries.size() - 1)) % industries.size();
                        obs.industry = industries[other].name;
                    } else if (er.chance(0.5)) {
                        obs.employees = a.employees * er.range(3, 6);
                    } else {
                        obs.employees = std::max<std::int64_t>(1, a.employees / er.range(3, 6));
                    }
                }
                writeAccountEnrichment(enrichmentOut.buffer(), a, obs,
                                       enrichmentPlan.next() ? Break::Truncate : Break::None);
                enrichmentOut.recordDone();
            }
        }
        m_enrichSerial[0] = serial[0];
        m_enrichSerial[1] = serial[1];
    }

    // A dry run that only counts the activities the model makes (for an exact target).
    std::int64_t countActivities(double from, double to)
    {
        Rng rng(mix64(o.seed, 4));
        LeadMaker maker(book, calendar, scale);
        Lead lead;
        std::vector<Activity> acts;
        std::vector<SideEvent> side;
        std::int64_t total = 0;
        for (std::int64_t i = 0; i < leads; ++i) {
            maker.make(i, rng, lead);
            makeTimeline(lead, calendar, scale, rng, acts, side);
            total += static_cast<std::int64_t>(acts.size());
            if ((i & 1023) == 1023)
                report(from + (to - from) * static_cast<double>(i) / leads);
        }
        return total;
    }

    void generateLeads(double progressFrom)
    {
        const bool full = mode == Mode::Full;
        const std::int64_t target = o.targetEvents;
        std::int64_t natural = 0;
        double loopFrom = progressFrom;
        if (target > 0) {
            loopFrom = progressFrom + (1.0 - progressFrom) * 0.3;
            natural = countActivities(progressFrom, loopFrom);
            if (natural == 0)
                throw std::runtime_error("the demo model made no activities to scale to " +
                                         std::to_string(target));
        }
        // Thinning (natural > target) keeps `target` of `natural` (selection sampling);
        // padding (natural < target) gives each activity `extraEach` follow-up page views and
        // `extraRest` of them one more.
        const std::int64_t extra = target > natural ? target - natural : 0;
        const std::int64_t extraEach = natural ? extra / natural : 0;
        std::int64_t extraRest = natural ? extra % natural : 0;
        std::int64_t seen = 0, kept = 0;

        Rng rng(mix64(o.seed, 4));
        Rng selection(mix64(o.seed, 5));
        Rng er(mix64(o.seed, 6));
        LeadMaker maker(book, calendar, scale);
        Lead lead;
        std::vector<Activity> acts, chosen;
        std::vector<SideEvent> side;
        std::uint64_t guid = 781000000;
        std::uint64_t sideSerial = 0;
        const auto pageCount = tables::pages().size();

        for (std::int64_t i = 0; i < leads; ++i) {
            maker.make(i, rng, lead);
            makeTimeline(lead, calendar, scale, rng, acts, side);

            if (target > 0) {
                chosen.clear();
                bool padded = false;
                for (const Activity &a : acts) {
                    const auto left = static_cast<std::uint64_t>(natural - seen);
                    ++seen;
                    if (natural >= target) {
                        if (selection.below(left) < static_cast<std::uint64_t>(target - kept)) {
                            chosen.push_back(a);
                            ++kept;
                        }
                        continue;
                    }
                    chosen.push_back(a);
                    std::int64_t copies = extraEach;
                    if (extraRest > 0 && selection.below(left) < static_cast<std::uint64_t>(extraRest)) {
                        ++copies;
                        --extraRest;
                    }
                    for (std::int64_t k = 0; k < copies; ++k) {
                        Activity v;
                        v.at = std::min(now - 1, a.at + selection.range(5, 180));
                        v.type = mkt::VisitWebpage;
                        v.seq = a.seq;
                        v.a = static_cast<std::int32_t>(selection.below(pageCount));
                        v.b = kFromPage;
                        v.c = static_cast<std::int32_t>(selection.below(pageCount));
                        chosen.push_back(v);
                        padded = true;
                    }
                }
                if (padded)
                    std::stable_sort(chosen.begin(), chosen.end(), [](const Activity &x, const Activity &y) {
                        return x.at < y.at;
                    });
                acts.swap(chosen);
            }

            for (const Activity &a : acts) {
                guid += 1 + (mix64(guid) & 1);
                marketo.write(activitiesOut.buffer(), guid, lead, a, activityPlan.next());
                activitiesOut.recordDone();
            }
            if (full)
                writeLeadFiles(lead, side, er, sideSerial);
            if ((i & 255) == 255)
                report(loopFrom + (1.0 - loopFrom) * static_cast<double>(i) / leads);
        }
        report(1.0);
    }

    void writeLeadFiles(const Lead &lead, const std::vector<SideEvent> &side, Rng &er,
                        std::uint64_t &sideSerial)
    {
        files.oldLeads += lead.old;
        files.convertedOldLeads += lead.old && lead.converted;

        Break how = Break::None;
        if (contactPlan.next()) {
            static constexpr Break kContactBreaks[] = {Break::BadEmail, Break::BadDate,
                                                       Break::BadStage, Break::BadEmailDoubleAt};
            how = kContactBreaks[(contactPlan.count() - 1) % 4];
        }
        writeContact(contactsOut.buffer(), lead, how);
        contactsOut.recordDone();

        if (truthOut.enabled()) {
            std::string &t = truthOut.buffer();
            appendInt(t, static_cast<std::int64_t>(lead.recordId));
            t += ',';
            appendFixed(t, lead.propensity, 4);
            t += ',';
            appendFixed(t, lead.luck, 4);
            t += ',';
            appendFixed(t, lead.fit, 4);
            t += lead.quiet ? ",1," : ",0,";
            appendFixed(t, std::log(lead.intensity), 4);
            t += '\n';
            truthOut.recordDone();
        }

        for (const SideEvent &e : side) {
            const std::uint64_t serial = sideSerial++;
            const int version = mix64(o.seed ^ 0x5EED, serial) % 100 < 3 ? 1 : 2;
            Break broken = Break::None;
            if (eventPlan.next())
                broken = eventPlan.count() % 2 ? Break::Truncate : Break::BadTime;
            else if (version == 1)
                ++files.deprecatedEvents;
            writeSideEvent(eventsOut.buffer(), lead, e, calendar, serial, version, broken);
            eventsOut.recordDone();
        }

        // What the providers know about the person.
        if (er.chance(0.35)) {
            const bool both = er.chance(0.15);
            const int first = er.chance(0.6) ? 0 : 1;
            for (int k = 0; k < (both ? 2 : 1); ++k) {
                const int p = (first + k) % 2;
                LeadObservation obs{};
                obs.provider = p == 0 ? Provider::Harbor : Provider::Meridian;
                obs.serial = m_enrichSerial[p]++;
                const bool stale = er.chance(0.12);
                files.staleObservations += stale;
                obs.observedAt = now - (stale ? er.range(181, 420) : er.range(1, 150)) * kDay - er.range(0, kDay - 1);
                obs.confidence = p == 0 ? er.uniform(0.55, 0.95) : er.uniform(0.5, 0.9);
                obs.longTitle = er.chance(0.5);
                writeLeadEnrichment(enrichmentOut.buffer(), lead, obs,
                                    enrichmentPlan.next() ? Break::Truncate : Break::None);
                enrichmentOut.recordDone();
            }
        }
    }

    const DemoOptions &o;
    Mode mode;
    std::function<void(double)> progress;
    int leads;
    std::int64_t now;
    double scale;
    Rng accountsRng, calendarRng;
    AccountBook book;
    Calendar calendar;
    MarketoWriter marketo;
    BreakPlan accountPlan, contactPlan, activityPlan, enrichmentPlan, eventPlan;
    FileWriter accountsOut, contactsOut, activitiesOut, enrichmentOut, eventsOut, truthOut;
    std::uint64_t m_enrichSerial[2] = {0, 0};
    DemoFiles files;
};

void writeMarketoOnly(const std::filesystem::path &path, std::int64_t events, std::uint64_t seed,
                      std::chrono::system_clock::time_point now, Mode mode)
{
    DemoOptions o;
    o.seed = seed;
    o.now = now;
    o.targetEvents = std::max<std::int64_t>(0, events);
    o.leads = static_cast<int>(std::clamp<std::int64_t>(events / 25, 50, 10'000'000));
    o.malformed = false;
    Generator(o, mode, {}).runMarketoOnly(path);
}

} // namespace

DemoFiles generateDemo(const std::filesystem::path &dir, const DemoOptions &options,
                       std::function<void(double fraction)> progress)
{
    const auto started = std::chrono::steady_clock::now();
    DemoFiles files = Generator(options, Mode::Full, std::move(progress)).runFull(dir);
    files.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return files;
}

void writeMarketoActivities(const std::filesystem::path &path, std::int64_t events,
                            std::uint64_t seed, std::chrono::system_clock::time_point now)
{
    writeMarketoOnly(path, events, seed, now, Mode::MarketoCsv);
}

void writeEventsJsonl(const std::filesystem::path &path, std::int64_t events, std::uint64_t seed,
                      std::chrono::system_clock::time_point now)
{
    writeMarketoOnly(path, events, seed, now, Mode::MarketoJsonl);
}

} // namespace baton::demo
