#include "crm/PushWorker.h"

#include "agents/Consent.h"
#include "crm/OutboxStore.h"
#include "pipeline/LeadInputReader.h"
#include "ports/Clock.h"
#include "ports/HttpTransport.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/JsonParse.h"
#include "util/Time.h"

#include <algorithm>

namespace baton::crm {

namespace {

// A task waiting in the outbox asks the rep to use a channel: the person may have closed it
// since the approval (an unsubscribe imported meanwhile). Why it may not go, if it may not.
std::optional<std::string> consentStopsTask(store::Database &db, const DueOperation &op)
{
    if (!is(op.kind, OpKind::CreateTask) || !is(op.status, OpStatus::Pending))
        return std::nullopt;
    nlohmann::json payload;
    if (!util::parseJson(op.payload, payload) || !payload.is_object() ||
        !payload.contains("action") || !payload["action"].is_string() ||
        !payload.contains("brief_id") || !payload["brief_id"].is_number_integer())
        return std::nullopt; // planned before tasks named their action
    auto &st = db.cached("SELECT lead_id FROM briefs WHERE id = ?");
    st.bind(1, payload["brief_id"].get<std::int64_t>());
    const std::int64_t lead = st.step() ? st.int64At(0) : 0;
    st.reset();
    const agents::Consent consent(pipeline::LeadInputReader(db).consentFacts(lead));
    return agents::consentRefusal(consent, payload["action"].get<std::string>());
}

using Outcome = DeliveryResult::Outcome;

bool compensates(const std::string &kind)
{
    return is(kind, OpKind::CloseTask) || is(kind, OpKind::RetractNote);
}

std::string describeResponse(const HttpResponse &r)
{
    if (r.status == 0)
        return "(no answer: " + r.error + ")";
    std::string out = "HTTP " + std::to_string(r.status) + "\n";
    for (const auto &[name, value] : r.headers)
        out += name + ": " + value + "\n";
    // Bodies can be large (a batch of 100); the outbox keeps enough to read the error.
    return out + "\n" + r.body.substr(0, 4000);
}

} // namespace

PushWorker::PushWorker(store::Database &db, Connector &connector, HttpTransport &transport,
                       const Clock &clock, PushOptions options)
    : m_db(db), m_connector(connector), m_transport(transport), m_clock(clock),
      m_options(std::move(options))
{
}

HttpResponse PushWorker::send(const HttpRequest &request)
{
    const auto limit = m_connector.rateLimit();
    if (limit.requests > 0) {
        // A sliding window like the CRM's own: wait until the oldest request in it leaves.
        // 2% longer than the CRM's: it times a request from its arrival, a little after we
        // sent it, and a request at the very edge of the window drew a 429.
        const auto window = limit.window + limit.window / 50;
        auto now = m_clock.steadyNow();
        while (!m_sent.empty() && now - m_sent.front() >= window)
            m_sent.pop_front();
        if (static_cast<int>(m_sent.size()) >= limit.requests) {
            const auto wait = m_sent.front() + window - now;
            m_clock.sleepFor(std::chrono::ceil<std::chrono::milliseconds>(wait));
            m_sent.pop_front();
        }
        m_sent.push_back(m_clock.steadyNow());
    }
    return m_transport.send(request);
}

HttpResponse PushWorker::sendAuthorized(const std::function<HttpRequest()> &build,
                                        PushSummary &summary, std::int64_t &sent)
{
    const auto refresh = [&] {
        const auto request = m_connector.refreshRequest();
        if (!request)
            return false;
        ++summary.refreshes;
        const auto answer = send(*request);
        m_refreshStatus = answer.status;
        m_refreshError = m_connector.acceptRefresh(answer);
        return m_refreshError.empty();
    };
    if (!m_connector.hasAccessToken())
        refresh();
    auto response = send(build());
    ++sent;
    if (m_connector.authExpired(response) && refresh()) {
        response = send(build());
        ++sent;
    }
    return response;
}

void PushWorker::record(const Delivery &d, const DeliveryResult &r, const std::string &response,
                        std::int64_t attempts, PushSummary &summary)
{
    OutboxStore outbox(m_db);
    const auto now = m_clock.now();
    const std::string stamp = util::formatUtcMillis(now);
    switch (r.outcome) {
    case Outcome::Done:
        outbox.markDone(d.id, m_connector.system(), r.crmId, response, stamp);
        ++summary.done;
        return;
    case Outcome::Permanent:
        outbox.markFailed(d.id, r.error, response, stamp);
        ++summary.failed;
        return;
    case Outcome::Retry:
    case Outcome::Unknown:
        break;
    }
    const bool unknown = r.outcome == Outcome::Unknown;
    // An operation that may exist in the CRM never fails here: failing it would invite a
    // second send. It keeps being looked up, at the backoff's cap at most.
    if (!unknown && attempts >= m_options.backoff.maxAttempts) {
        outbox.markFailed(d.id,
                          "gave up after " + std::to_string(attempts) + " attempts: " + r.error,
                          response, stamp);
        ++summary.failed;
        return;
    }
    const int retry = static_cast<int>(std::clamp<std::int64_t>(attempts, 1, 30));
    const auto wait = r.retryAfter ? *r.retryAfter : m_options.backoff.delayBefore(retry);
    outbox.markRetry(d.id, unknown, r.error, response, util::formatUtcMillis(now + wait), stamp);
    ++(unknown ? summary.unknown : summary.retried);
}

void PushWorker::deliver(const std::string &kind, std::vector<Delivery> batch, bool lookupFirst,
                         PushSummary &summary)
{
    OutboxStore outbox(m_db);
    if (lookupFirst) {
        // Sent before, answer lost: whatever the CRM holds decides, not a second send.
        const auto response = sendAuthorized([&] { return m_connector.lookup(kind, batch); },
                                             summary, summary.lookups);
        auto found = m_connector.readLookup(kind, batch, response);
        if (m_connector.authExpired(response) && !m_refreshError.empty())
            for (auto &f : found)
                f.error += " (" + m_refreshError + ")";
        const std::string text = describeResponse(response);
        std::vector<Delivery> missing;
        store::Transaction tx(m_db);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (found[i].outcome == Outcome::Retry)
                missing.push_back(batch[i]); // not there: send it now
            else
                record(batch[i], found[i], text, m_attempts[batch[i].id], summary);
        }
        tx.commit();
        batch = std::move(missing);
    }
    std::vector<Delivery> sendable;
    {
        store::Transaction tx(m_db);
        for (auto &d : batch) {
            if (const auto refused = m_connector.refuse(d))
                record(d, *refused, {}, m_attempts[d.id], summary);
            else
                sendable.push_back(std::move(d));
        }
        tx.commit();
    }
    if (sendable.empty())
        return;
    bool claimedAny = false;
    {
        // Claimed and committed before the bytes leave: a crash after this finds them in
        // flight and looks them up instead of sending twice; another worker that read them
        // too finds them taken, and leased past any request's timeout.
        store::Transaction tx(m_db);
        const auto now = m_clock.now();
        const auto stamp = util::formatUtcMillis(now);
        const auto lease =
            util::formatUtcMillis(now + 2 * m_connector.requestTimeout() + std::chrono::seconds(1));
        std::vector<Delivery> claimed;
        for (auto &d : sendable) {
            if (!outbox.claim(d.id, m_attempts[d.id], stamp, lease))
                continue; // another worker has it
            ++m_attempts[d.id];
            claimed.push_back(std::move(d));
        }
        sendable = std::move(claimed);
        if (!sendable.empty()) {
            const auto described = m_connector.describe(m_connector.build(kind, sendable));
            for (const auto &d : sendable)
                outbox.setLastRequest(d.id, described);
            claimedAny = true;
        }
        tx.commit();
    }
    if (!claimedAny)
        return;
    const auto response = sendAuthorized([&] { return m_connector.build(kind, sendable); }, summary,
                                         summary.requests);
    if (response.status == 429)
        ++summary.rateLimited;
    auto results = m_connector.read(kind, sendable, response);
    if (m_connector.authExpired(response) && !m_refreshError.empty())
        for (auto &r : results) {
            r.error += " (" + m_refreshError + ")";
            // A 401 changed nothing; a token endpoint that did not answer may next time.
            if (m_refreshStatus == 0 || m_refreshStatus >= 500)
                r.outcome = Outcome::Retry;
        }
    const bool wholeRefused =
        sendable.size() > 1 && response.status >= 400 && response.status < 500 &&
        response.status != 401 && response.status != 403 && response.status != 429 &&
        std::all_of(results.begin(), results.end(),
                    [](const DeliveryResult &r) { return r.outcome == Outcome::Permanent; });
    if (wholeRefused) {
        // One bad input refuses a whole batch create: each alone, so only it fails.
        {
            store::Transaction tx(m_db);
            for (const auto &d : sendable)
                outbox.markRetry(d.id, false, "batch refused, sending alone",
                                 describeResponse(response), util::formatUtcMillis(m_clock.now()),
                                 util::formatUtcMillis(m_clock.now()));
            tx.commit();
        }
        for (const auto &d : sendable)
            deliver(kind, {d}, false, summary);
        return;
    }
    const std::string text = describeResponse(response);
    store::Transaction tx(m_db);
    for (std::size_t i = 0; i < sendable.size(); ++i)
        record(sendable[i], results[i], text, m_attempts[sendable[i].id], summary);
    tx.commit();
}

PushSummary PushWorker::runOnce()
{
    PushSummary summary;
    const auto started = m_clock.steadyNow();
    OutboxStore outbox(m_db);
    const auto &kinds = m_connector.kinds();
    const auto due = outbox.due(util::formatUtcMillis(m_clock.now()), 5000, kinds);
    const std::size_t limit = m_options.batchSize > 0 ? m_options.batchSize : std::size_t(100);
    for (const auto &kind : kinds) {
        std::vector<Delivery> lookups, sends;
        {
            store::Transaction tx(m_db);
            for (const auto &op : due) {
                if (op.kind != kind)
                    continue;
                m_attempts[op.id] = op.attempts;
                if (is(op.dependencyStatus, OpStatus::Failed) ||
                    is(op.dependencyStatus, OpStatus::Cancelled)) {
                    const auto stamp = util::formatUtcMillis(m_clock.now());
                    if (compensates(op.kind)) // never reached the CRM: nothing to undo
                        outbox.cancel(op.id, "nothing to undo: it never reached the CRM", stamp);
                    else {
                        outbox.markFailed(op.id, "its contact could not be created in the CRM", {},
                                          stamp);
                        ++summary.failed;
                    }
                    continue;
                }
                if (const auto why = consentStopsTask(m_db, op)) {
                    outbox.cancel(op.id, "consent: " + *why, util::formatUtcMillis(m_clock.now()));
                    continue;
                }
                if (!op.dependencySystem.empty() && op.dependencySystem != m_connector.system()) {
                    // A note for a HubSpot contact cannot go to Salesforce: its person is there.
                    outbox.markFailed(op.id,
                                      "what it depends on went to " + op.dependencySystem +
                                          ", not " + m_connector.system(),
                                      {}, util::formatUtcMillis(m_clock.now()));
                    ++summary.failed;
                    continue;
                }
                Delivery d{op.id, op.kind, nlohmann::json::parse(op.payload, nullptr, false),
                           op.dependencyCrmId};
                // A lost answer on an idempotent operation: sending again is the lookup.
                const bool lookup =
                    is(op.status, OpStatus::InFlight) && !m_connector.idempotent(op.kind);
                (lookup ? lookups : sends).push_back(std::move(d));
            }
            tx.commit();
        }
        const std::size_t size = std::min(limit, m_connector.batchLimit(kind));
        for (auto *list : {&lookups, &sends}) {
            for (std::size_t at = 0; at < list->size(); at += size) {
                if (m_options.cancel && m_options.cancel->load())
                    return summary;
                std::vector<Delivery> batch(
                    list->begin() + static_cast<std::ptrdiff_t>(at),
                    list->begin() + static_cast<std::ptrdiff_t>(std::min(at + size, list->size())));
                deliver(kind, std::move(batch), list == &lookups, summary);
                if (m_options.onProgress) {
                    const auto c = outbox.counts(kinds);
                    m_options.onProgress(c.done + c.failed + c.cancelled,
                                         c.pending + c.inFlight + c.done + c.failed + c.cancelled);
                }
            }
        }
    }
    {
        store::Transaction tx(m_db);
        outbox.settleBriefs();
        tx.commit();
    }
    summary.seconds = std::chrono::duration<double>(m_clock.steadyNow() - started).count();
    return summary;
}

bool PushWorker::learnOwners()
{
    const auto query = m_connector.ownersQuery();
    if (!query)
        return true;
    PushSummary ignored;
    const auto response =
        sendAuthorized([&] { return *m_connector.ownersQuery(); }, ignored, ignored.lookups);
    m_connector.learnOwners(response);
    return response.status == 200;
}

PushSummary PushWorker::runUntilIdle()
{
    PushSummary total;
    const auto started = m_clock.steadyNow();
    OutboxStore outbox(m_db);
    while (!(m_options.cancel && m_options.cancel->load())) {
        const auto s = runOnce();
        total.requests += s.requests;
        total.lookups += s.lookups;
        total.done += s.done;
        total.failed += s.failed;
        total.retried += s.retried;
        total.unknown += s.unknown;
        total.rateLimited += s.rateLimited;
        total.refreshes += s.refreshes;
        const auto next = outbox.nextDue(util::formatUtcMillis(m_clock.now()), m_connector.kinds());
        if (!next)
            break;
        if (s.requests + s.lookups + s.done + s.failed == 0) {
            // Nothing was ready: wait for the earliest retry, a quarter second at a time so
            // a cancel is seen.
            const auto at = util::parseRfc3339(*next);
            auto wait = at ? std::chrono::ceil<std::chrono::milliseconds>(*at - m_clock.now())
                           : std::chrono::milliseconds(250);
            wait = std::clamp(wait, std::chrono::milliseconds(10), std::chrono::milliseconds(250));
            m_clock.sleepFor(wait);
        }
    }
    total.seconds = std::chrono::duration<double>(m_clock.steadyNow() - started).count();
    return total;
}

} // namespace baton::crm
