#include "demo/Model.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace baton::demo {

using namespace tables;

namespace {

// Page indexes by kind, and the pages the timeline needs by name.
struct PageIndex
{
    std::array<std::vector<int>, 10> byKind;
    int pricing = 0, demo = 0, contact = 0, webinars = 0;

    PageIndex()
    {
        const auto all = pages();
        for (std::size_t i = 0; i < all.size(); ++i) {
            const int idx = static_cast<int>(i);
            byKind[all[i].kind].push_back(idx);
            if (all[i].path == "/pricing")
                pricing = idx;
            else if (all[i].path == "/demo")
                demo = idx;
            else if (all[i].path == "/contact")
                contact = idx;
            else if (all[i].path == "/webinars")
                webinars = idx;
        }
    }
    int pick(PageKind kind, Rng &rng) const
    {
        const auto &list = byKind[kind];
        return list[rng.below(list.size())];
    }
    static const PageIndex &get()
    {
        static const PageIndex index;
        return index;
    }
};

// Where a page view goes next, and where a session lands, by kind weights.
constexpr double kBrowseNext[] = {/*Home*/ 15, /*Blog*/ 35, /*Product*/ 15, /*Pricing*/ 8,
                                  /*Docs*/ 5, /*Resource*/ 12, /*Customers*/ 5, /*Demo*/ 1,
                                  /*Company*/ 5, /*Webinar*/ 2};
constexpr double kResearchNext[] = {5, 8, 30, 25, 12, 4, 12, 8, 1, 1};
constexpr double kBrowseLanding[] = {25, 45, 10, 5, 2, 10, 2, 0, 1, 5};
constexpr double kResearchLanding[] = {10, 5, 30, 30, 15, 2, 8, 3, 0, 0};

std::span<const double> weights(const double *table)
{
    return {table, 10};
}

class Timeline
{
public:
    Timeline(Lead &lead, const Calendar &cal, double scale, Rng &rng,
             std::vector<Activity> &out, std::vector<SideEvent> &side)
        : L(lead), cal(cal), scale(scale), rng(rng), out(out), side(side),
          P(PageIndex::get()), start(std::max(cal.windowStart, lead.createdAt)), end(cal.now),
          registered(cal.webinars.size(), false)
    {
    }

    void run()
    {
        out.clear();
        side.clear();
        if (start >= end)
            return;
        newLead();
        emails();
        web();
        webinars();
        conversion();
        housekeeping();
        std::sort(out.begin(), out.end(), [](const Activity &x, const Activity &y) {
            return x.at != y.at ? x.at < y.at : x.seq < y.seq;
        });
        std::sort(side.begin(), side.end(), [](const SideEvent &x, const SideEvent &y) {
            return x.at < y.at;
        });
    }

private:
    void emit(std::int64_t at, std::uint16_t type, int a = 0, int b = 0, int c = 0)
    {
        if (at < start || at >= end)
            return;
        out.push_back({at, type, seq++, a, b, c});
    }
    void emitSide(std::int64_t at, SideKind kind, int a = 0, int b = 0)
    {
        if (at < start || at >= end)
            return;
        side.push_back({at, kind, a, b});
    }
    void score(std::int64_t at, int delta, ScoreReason reason)
    {
        if (at < start || at >= end)
            return;
        L.score += delta;
        emit(at, mkt::ChangeScore, delta, L.score, reason);
    }
    bool inBurst(std::int64_t t) const { return t >= L.burstStart && t < L.burstEnd; }

    // A time on the same local day as `t`, in the lead's working hours.
    std::int64_t workingHours(std::int64_t t)
    {
        const std::int64_t offset = L.country->utcOffsetMinutes * 60LL;
        const std::int64_t localDay = (t + offset) / kDay * kDay;
        const double hour = std::clamp(rng.normal(13.5, 2.8), 6.5, 23.5);
        return localDay + static_cast<std::int64_t>(hour * 3600) - offset;
    }

    void form(std::int64_t at, FormKind kind, int page, int detail = 0)
    {
        emit(at, mkt::FillOutForm, kind, page, detail);
        switch (kind) {
        case Whitepaper:
        case CaseStudy:
            emit(at + rng.range(2, 20), mkt::ClickLink, detail);
            if (rng.chance(0.8))
                emitSide(at + rng.range(0, 5), SideKind::ContentDownload, detail, page);
            score(at + rng.range(1, 6), kind == Whitepaper ? 10 : 8, FilledOutForm);
            break;
        case DemoRequest:
            if (rng.chance(0.9))
                emitSide(at + rng.range(0, 5), SideKind::DemoRequest, page);
            score(at + rng.range(1, 6), 25, FilledOutForm);
            emit(at + rng.range(30, 900), mkt::ChangeDataValue, LeadStatusField, 0, 1);
            break;
        case ContactUs:
        case PricingInquiry:
        case FreeTrial:
            score(at + rng.range(1, 6), 15, FilledOutForm);
            break;
        case Newsletter:
            emit(at + rng.range(1, 30), mkt::AddToList, 0);
            break;
        default:
            score(at + rng.range(1, 6), 5, FilledOutForm);
            break;
        }
    }

    // A visit of several pages; may end in a form.
    void session(std::int64_t t, int landing, int referrer, int refDetail, bool research)
    {
        int page = landing;
        int pages = 1;
        while (pages < 8 && rng.chance(research ? 0.68 : 0.42))
            ++pages;
        bool pricingSeen = false, formDone = false;
        const auto all = tables::pages();
        for (int k = 0; k < pages; ++k) {
            if (k == 0)
                emit(t, mkt::VisitWebpage, page, referrer, refDetail);
            else
                emit(t, mkt::VisitWebpage, page, kFromPage, refDetail);
            const PageKind kind = all[static_cast<std::size_t>(page)].kind;
            if (kind == Pricing && !pricingSeen) {
                pricingSeen = true;
                if (rng.chance(0.6))
                    emitSide(t + rng.range(0, 3), SideKind::PricingPageView, page);
                if (rng.chance(0.5))
                    score(t + rng.range(1, 5), 5, VisitedPricing);
            }
            if (!formDone) {
                const std::int64_t at = t + rng.range(20, 120);
                if (kind == Resource && all[static_cast<std::size_t>(page)].path != "/resources" &&
                    rng.chance(0.35)) {
                    formDone = true;
                    form(at, Whitepaper, page, assetFor(page));
                } else if (page == P.demo && rng.chance(research ? 0.35 : 0.08)) {
                    formDone = true;
                    form(at, DemoRequest, page);
                } else if (page == P.contact && rng.chance(0.2)) {
                    formDone = true;
                    form(at, ContactUs, page);
                } else if (kind == Pricing && rng.chance(research ? 0.06 : 0.01)) {
                    formDone = true;
                    form(at, PricingInquiry, page);
                } else if (kind == Customers && rng.chance(0.05)) {
                    formDone = true;
                    form(at, CaseStudy, page, static_cast<int>(rng.below(contentAssets().size())));
                } else if ((kind == Home || kind == Blog) && rng.chance(0.01)) {
                    formDone = true;
                    form(at, Newsletter, page);
                }
            }
            refDetail = page;
            t += 15 + static_cast<std::int64_t>(rng.exponential(70.0));
            page = P.pick(static_cast<PageKind>(rng.weighted(weights(research ? kResearchNext : kBrowseNext))), rng);
        }
    }

    static int assetFor(int page)
    {
        const auto path = pages()[static_cast<std::size_t>(page)].path;
        const auto assets = contentAssets();
        for (std::size_t i = 0; i < assets.size(); ++i)
            if (assets[i].path == path)
                return static_cast<int>(i);
        return 0;
    }

    void newLead()
    {
        if (L.createdAt < start)
            return;
        const std::int64_t t = L.createdAt;
        const std::string_view source = L.originalSource;
        if (source == "Offline Sources") {
            emit(t, mkt::NewLead, 1);
            emit(t + rng.range(1, 60), mkt::AddToList, 3);
        } else if (source == "Other Campaigns") {
            emit(t, mkt::NewLead, 3);
        } else if (source == "Referrals" && rng.chance(0.5)) {
            emit(t, mkt::NewLead, 2);
        } else {
            // Created by a form on the website.
            static constexpr FormKind kForms[] = {ContactUs, Whitepaper, Whitepaper, Newsletter,
                                                  Newsletter, FreeTrial, DemoRequest};
            const FormKind kind = rng.pick(kForms);
            int page = P.contact;
            int detail = 0;
            if (kind == Whitepaper) {
                page = P.pick(Resource, rng);
                if (pages()[static_cast<std::size_t>(page)].path == "/resources")
                    page = P.byKind[Resource][1];
                detail = assetFor(page);
            } else if (kind == Newsletter) {
                page = P.pick(Blog, rng);
            } else if (kind == DemoRequest) {
                page = P.demo;
            } else if (kind == FreeTrial) {
                page = P.pricing;
            }
            const int referrer = static_cast<int>(rng.weighted(referrerWeights()));
            emit(t - rng.range(20, 300), mkt::VisitWebpage, page, referrer, 0);
            emit(t, mkt::NewLead, 0);
            form(t + 1, kind, page, detail);
        }
    }

    static std::span<const double> referrerWeights()
    {
        static const std::vector<double> weights = [] {
            std::vector<double> w;
            for (const auto &r : referrers())
                w.push_back(r.weight);
            return w;
        }();
        return weights;
    }

    void emails()
    {
        const bool unsubscribedBefore = L.unsubscribed && L.unsubscribedAt < start;
        if (unsubscribedBefore)
            return;
        bool unsubPending = L.unsubscribed;
        for (std::size_t ci = 0; ci < cal.campaigns.size(); ++ci) {
            const Campaign &c = cal.campaigns[ci];
            if (c.sendAt < start)
                continue;
            if (c.sendAt >= end)
                break;
            if (!rng.chance(L.listShare * c.audience))
                continue;
            const int id = static_cast<int>(ci);
            const std::int64_t send = c.sendAt + rng.range(0, 1800);
            emit(send, mkt::SendEmail, id);
            if (L.hardBounce || rng.chance(0.008)) {
                emit(send + rng.range(2, 90), mkt::EmailBounced, id);
                continue;
            }
            emit(send + rng.range(2, 120), mkt::EmailDelivered, id);
            if (unsubPending && c.sendAt >= L.unsubscribedAt) {
                const std::int64_t open = send + 60 + static_cast<std::int64_t>(rng.exponential(3600.0));
                emit(open, mkt::OpenEmail, id);
                const std::int64_t unsub = open + rng.range(10, 120);
                emit(unsub, mkt::UnsubscribeEmail, id);
                emit(unsub + rng.range(1, 5), mkt::ChangeDataValue, UnsubscribedField);
                unsubPending = false;
                break;
            }
            if (!rng.chance(L.openRate))
                continue;
            const std::int64_t open = send + 60 + static_cast<std::int64_t>(rng.exponential(4 * 3600.0));
            emit(open, mkt::OpenEmail, id);
            if (rng.chance(0.2))
                emit(open + static_cast<std::int64_t>(rng.exponential(kDay)), mkt::OpenEmail, id);
            if (!rng.chance(L.clickRate))
                continue;
            const std::int64_t click = open + rng.range(5, 400);
            emit(click, mkt::ClickEmail, id, c.linkPage);
            if (rng.chance(0.7))
                score(click + rng.range(1, 10), 3, ClickedEmail);
            session(click + rng.range(2, 15), c.linkPage, kFromEmail, id, inBurst(click));
            if (c.webinar >= 0 && !registered[static_cast<std::size_t>(c.webinar)] &&
                rng.chance(0.25 + L.webinarAffinity))
                registerFor(c.webinar, click + rng.range(60, 400), true);
        }
        if (unsubPending && L.unsubscribedAt >= start && L.unsubscribedAt < end) {
            // Through the preference centre, not from an email.
            emit(L.unsubscribedAt, mkt::UnsubscribeEmail, -1);
            emit(L.unsubscribedAt + rng.range(1, 5), mkt::ChangeDataValue, UnsubscribedField);
        }
    }

    void web()
    {
        if (L.webRate <= 0)
            return;
        const double peak = L.burstEnd > L.burstStart ? L.burstMultiplier : 1.0;
        const double days = static_cast<double>(end - start) / kDay;
        // Thinning: candidates at the peak rate, kept in proportion to the rate at the time.
        const int candidates = rng.poisson(L.webRate * peak * days);
        for (int i = 0; i < candidates; ++i) {
            const std::int64_t t = start + static_cast<std::int64_t>(rng.uniform() * static_cast<double>(end - start));
            const std::int64_t weekday = ((t / kDay) + 4) % 7;
            const double rate = (weekday == 0 || weekday == 6 ? kWeekendWebShare : 1.0) *
                                (inBurst(t) ? L.burstMultiplier : 1.0);
            if (!rng.chance(rate / peak))
                continue;
            const bool research = inBurst(t);
            const std::int64_t at = workingHours(t);
            const int referrer = static_cast<int>(rng.weighted(referrerWeights()));
            const int landing = P.pick(static_cast<PageKind>(rng.weighted(weights(research ? kResearchLanding : kBrowseLanding))), rng);
            session(at, landing, referrer, 0, research);
        }
    }

    void registerFor(int w, std::int64_t t, bool fromEmail)
    {
        const Webinar &web = cal.webinars[static_cast<std::size_t>(w)];
        if (t >= web.startAt || t < start || t >= end)
            return;
        registered[static_cast<std::size_t>(w)] = true;
        if (!fromEmail)
            emit(t - rng.range(30, 240), mkt::VisitWebpage, P.webinars,
                 static_cast<int>(rng.weighted(referrerWeights())), 0);
        emit(t, mkt::FillOutForm, WebinarRegistration, P.webinars, w);
        emit(t + rng.range(1, 10), mkt::ChangeProgressionStatus, w, NotInProgram, Registered);
        emit(t + rng.range(1, 10), mkt::AddToList, -(w + 1));
        score(t + rng.range(1, 10), 10, RegisteredWebinar);
        emitSide(t, SideKind::WebinarRegistered, w, fromEmail ? 1 : 0);
        if (web.startAt + 3600 >= end)
            return; // still to come
        const std::int64_t after = web.startAt + 3600 + rng.range(600, 7200);
        if (rng.chance(0.35 + 0.3 * std::min(1.0, L.intensity / 3.0))) {
            const int minutes = static_cast<int>(rng.range(8, 58));
            emitSide(web.startAt + rng.range(-300, 600), SideKind::WebinarAttended, w, minutes);
            emit(after, mkt::ChangeProgressionStatus, w, Registered, Attended);
            score(after + rng.range(1, 30), 15, AttendedWebinar);
        } else {
            emit(after, mkt::ChangeProgressionStatus, w, Registered, NoShow);
        }
    }

    void webinars()
    {
        for (std::size_t w = 0; w < cal.webinars.size(); ++w) {
            if (registered[w] || !rng.chance(std::min(0.6, L.webinarAffinity * 0.6 * scale)))
                continue;
            const Webinar &web = cal.webinars[w];
            const std::int64_t from = std::max(start, web.startAt - 21 * kDay);
            const std::int64_t to = std::min(end, web.startAt);
            if (to <= from)
                continue;
            const std::int64_t t = from + static_cast<std::int64_t>(rng.uniform() * static_cast<double>(to - from));
            registerFor(static_cast<int>(w), t, false);
        }
    }

    void conversion()
    {
        if (!L.converted || L.convertedAt < start || L.convertedAt >= end)
            return;
        const std::int64_t demoAt = workingHours(L.convertedAt - rng.range(1, 8) * kDay);
        if (demoAt >= start && demoAt < L.convertedAt) {
            emit(demoAt - rng.range(120, 900), mkt::VisitWebpage, P.pricing,
                 static_cast<int>(rng.weighted(referrerWeights())), 0);
            emit(demoAt - rng.range(10, 100), mkt::VisitWebpage, P.demo, kFromPage, P.pricing);
            form(demoAt, DemoRequest, P.demo);
        }
        emit(L.convertedAt, mkt::ChangeDataValue, LeadStatusField, 1, 3);
    }

    void housekeeping()
    {
        const auto when = [&] {
            return start + static_cast<std::int64_t>(rng.uniform() * static_cast<double>(end - start));
        };
        if (!L.quiet && rng.chance(0.1))
            emit(when(), mkt::ChangeDataValue, JobTitleField);
        if (!L.phone.empty() && rng.chance(0.05))
            emit(when(), mkt::ChangeDataValue, PhoneField);
        if (!L.quiet && rng.chance(0.25))
            emit(when(), mkt::AddToList, rng.chance(0.5) ? 1 : 2);
    }

    Lead &L;
    const Calendar &cal;
    double scale;
    Rng &rng;
    std::vector<Activity> &out;
    std::vector<SideEvent> &side;
    const PageIndex &P;
    std::int64_t start, end;
    std::vector<bool> registered;
    std::uint16_t seq = 0;
};

} // namespace

void makeTimeline(Lead &lead, const Calendar &calendar, double scale, Rng &rng,
                  std::vector<Activity> &activities, std::vector<SideEvent> &side)
{
    Timeline(lead, calendar, scale, rng, activities, side).run();
}

} // namespace baton::demo
