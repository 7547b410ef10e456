#include "pipeline/LeadInputReader.h"

#include "store/Database.h"
#include "util/JsonParse.h"
#include "util/Sha256.h"
#include "util/Time.h"

namespace baton::pipeline {

namespace {

util::Digest digestOf(const store::Statement &st, int column)
{
    util::Digest d{};
    const auto bytes = st.blobViewAt(column);
    std::copy_n(bytes.begin(), std::min(bytes.size(), d.size()), d.begin());
    return d;
}

std::optional<std::string> emailDomain(const std::optional<std::string> &email)
{
    if (!email)
        return std::nullopt;
    const auto at = email->rfind('@');
    return at == std::string::npos ? std::nullopt : std::optional(email->substr(at + 1));
}

} // namespace

std::string InputRecord::ref() const
{
    const char *name = kind == Lead         ? "lead#"
                       : kind == Account    ? "account#"
                       : kind == Enrichment ? "enrichment#"
                                            : "event#";
    return name + std::to_string(id);
}

std::vector<std::pair<std::string, std::string>> LeadInputs::refsAndHashes() const
{
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(hashes.size());
    for (const auto &r : hashes)
        out.emplace_back(r.ref(), r.hex());
    return out;
}

LeadInputReader::LeadInputReader(store::Database &db) : m_db(db)
{
}

std::vector<std::int64_t> LeadInputReader::leadIds()
{
    std::vector<std::int64_t> ids;
    auto &st = m_db.cached("SELECT id FROM leads ORDER BY id");
    while (st.step())
        ids.push_back(st.int64At(0));
    st.reset();
    return ids;
}

std::optional<LeadInputs> LeadInputReader::read(std::int64_t leadId, agents::TimePoint now)
{
    LeadInputs in;
    in.enrichment.now = now;
    auto &lead =
        m_db.cached("SELECT id, email, title, company, company_domain, country, "
                    "content_hash, converted_at, first_name, last_name, opted_out, created_at "
                    "FROM leads WHERE id = ?");
    lead.bind(1, leadId);
    if (!lead.step()) {
        lead.reset();
        return std::nullopt;
    }
    agents::LeadFacts &l = in.enrichment.lead;
    l.id = lead.int64At(0);
    l.email = lead.optionalTextAt(1);
    l.jobTitle = lead.optionalTextAt(2);
    l.company = lead.optionalTextAt(3);
    l.companyDomain = lead.optionalTextAt(4);
    l.country = lead.optionalTextAt(5);
    in.hashes.push_back({InputRecord::Lead, l.id, digestOf(lead, 6)});
    in.convertedAt = lead.optionalTextAt(7);
    l.firstName = lead.optionalTextAt(8);
    l.lastName = lead.optionalTextAt(9);
    l.optedOut = lead.int64At(10) != 0;
    in.createdAt = lead.optionalTextAt(11);
    lead.reset();

    const auto domain = l.companyDomain ? l.companyDomain : emailDomain(l.email);
    if (domain) {
        auto &account =
            m_db.cached("SELECT id, name, domain, industry, employees, country, "
                        "json_extract(record, '$.annual_revenue'), coalesce(json_extract(record, "
                        "'$.strategic'), 0), "
                        "content_hash FROM accounts WHERE domain = ? ORDER BY id LIMIT 1");
        account.bind(1, *domain);
        if (account.step()) {
            agents::AccountFacts a;
            a.id = account.int64At(0);
            a.name = account.textAt(1);
            a.domain = account.optionalTextAt(2);
            a.industry = account.optionalTextAt(3);
            a.employees = account.optionalInt64At(4);
            a.country = account.optionalTextAt(5);
            if (!account.isNull(6))
                a.annualRevenue = account.doubleAt(6);
            a.strategic = account.int64At(7) != 0;
            in.hashes.push_back({InputRecord::Account, a.id, digestOf(account, 8)});
            in.enrichment.account = std::move(a);
        }
        account.reset();
    }

    auto &observations =
        m_db.cached("SELECT id, source_system, subject_kind, observed_at, json_extract(record, "
                    "'$.confidence'), "
                    "json_extract(record, '$.fields'), content_hash FROM enrichment "
                    "WHERE (subject_kind = 'account' AND subject_key = ?1) OR (subject_kind = "
                    "'lead' AND subject_key = ?2) "
                    "ORDER BY id");
    observations.bind(1, domain.value_or(std::string()));
    observations.bind(2, l.email.value_or(std::string()));
    while (observations.step()) {
        agents::Observation o;
        o.id = observations.int64At(0);
        o.provider = observations.textAt(1);
        o.subjectKind = observations.textAt(2);
        o.observedAt = util::parseRfc3339(observations.textViewAt(3)).value_or(agents::TimePoint{});
        if (!observations.isNull(4))
            o.confidence = observations.doubleAt(4);
        util::parseJson(observations.textViewAt(5), o.fields);
        in.hashes.push_back({InputRecord::Enrichment, o.id, digestOf(observations, 6)});
        in.enrichment.observations.push_back(std::move(o));
    }
    observations.reset();

    // Every identity of the lead (its own, and e.g. its Marketo lead id) finds its events.
    auto &events = m_db.cached(
        "SELECT e.id, e.type, coalesce(e.asset, ''), e.occurred_at, e.content_hash "
        "FROM lead_identities li JOIN events e ON e.lead_system = li.source_system "
        "AND e.lead_ref = li.source_id WHERE li.lead_id = ? ORDER BY e.occurred_at, e.id");
    events.bind(1, leadId);
    while (events.step()) {
        agents::EventFact e;
        e.id = events.int64At(0);
        e.type = events.textAt(1);
        e.asset = events.textAt(2);
        e.occurredAt = util::parseRfc3339(events.textViewAt(3)).value_or(agents::TimePoint{});
        in.hashes.push_back({InputRecord::Event, e.id, digestOf(events, 4)});
        in.events.push_back(std::move(e));
    }
    events.reset();
    return in;
}

} // namespace baton::pipeline
