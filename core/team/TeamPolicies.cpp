#include "team/TeamPolicies.h"

#include "governance/Permissions.h"
#include "review/Transitions.h"
#include "review/Vocabulary.h"
#include "util/EnumNames.h"

#include <set>
#include <string_view>
#include <tuple>
#include <vector>

namespace baton::team {

namespace {

using governance::Role;
using review::BriefStatus;
using review::ReviewAction;

std::string quoted(std::string_view text)
{
    return "'" + std::string(text) + "'"; // vocabulary words: no quotes inside
}

// Roles first: a server holds a role once for all its databases, so they are made when
// missing and left in place otherwise. Another database's init may be making one at the same
// moment: this one's CREATE waits for it and then finds the name taken, and takes the role
// as made.
constexpr std::string_view kRoles = R"sql(
DO $$
DECLARE r TEXT;
BEGIN
    FOREACH r IN ARRAY ARRAY['baton_rep', 'baton_manager', 'baton_marketing_ops', 'baton_admin']
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN unique_violation OR duplicate_object THEN
                NULL;
            END;
        END IF;
    END LOOP;
END $$;
)sql";

// Who the session is, as Baton knows them: the profile bound to the database login. Security
// definer, so policies can ask without the users table's own rules in the way. PL/pgSQL, not
// SQL: a security definer SQL function is never inlined and is planned again on every call,
// which policies make several times per statement (27% of the server's time under
// `bench reviewers`); PL/pgSQL keeps each query's plan for the session.
constexpr std::string_view kFunctions = R"sql(
CREATE OR REPLACE FUNCTION baton_login_email() RETURNS TEXT
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT email FROM users WHERE os_account = session_user);
END $$;
CREATE OR REPLACE FUNCTION baton_login_role() RETURNS TEXT
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT role FROM users WHERE os_account = session_user);
END $$;
-- The owner of the database (who ran team init) and superusers act outside the matrix: they
-- run the pipeline, imports and pushes as a service.
CREATE OR REPLACE FUNCTION baton_is_service() RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
            OR session_user = (SELECT pg_get_userbyid(datdba) FROM pg_database
                               WHERE datname = current_database()));
END $$;
CREATE OR REPLACE FUNCTION baton_may(action TEXT) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT baton_is_service() OR EXISTS (
            SELECT 1 FROM baton_grants g
            WHERE g.role = baton_login_role() AND g.action = $1 AND g.grant_kind <> 'no'));
END $$;
-- Whether the session's profile owns a brief or took part in it, leaving view_all to the
-- caller: policies ask that once per statement, (SELECT baton_may('view_all')), not per row.
CREATE OR REPLACE FUNCTION baton_brief_involves_me(brief BIGINT) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE me TEXT := baton_login_email();
BEGIN
    RETURN EXISTS (SELECT 1 FROM briefs b WHERE b.id = $1 AND b.owner = me)
        OR EXISTS (SELECT 1 FROM review_actions a WHERE a.brief_id = $1 AND a.actor = me);
END $$;
CREATE OR REPLACE FUNCTION baton_brief_visible(brief BIGINT) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT baton_may('view_all') OR baton_brief_involves_me($1));
END $$;
-- A lead's records are visible with one of its briefs. Asked per lead through briefs'
-- lead_id index, where "lead_id IN (SELECT lead_id FROM briefs)" under briefs' policy ran
-- the visibility check on every brief of the database for each query.
CREATE OR REPLACE FUNCTION baton_lead_involves_me(lead BIGINT) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT EXISTS (SELECT 1 FROM briefs b WHERE b.lead_id = $1 AND baton_brief_involves_me(b.id)));
END $$;
CREATE OR REPLACE FUNCTION baton_identity_involves_me(system TEXT, ref TEXT) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT EXISTS (SELECT 1 FROM lead_identities li
                       WHERE li.source_system = $1 AND li.source_id = $2
                         AND baton_lead_involves_me(li.lead_id)));
END $$;
CREATE OR REPLACE FUNCTION baton_audit_head() RETURNS BIGINT
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT max(seq) FROM audit_log);
END $$;
-- A review action may be recorded only as the session's own profile and role, and only as
-- a transition core's table allows that role from the brief's status (on its own brief where
-- the role is granted the action on its own briefs only).
CREATE OR REPLACE FUNCTION baton_review_allowed(brief BIGINT, action TEXT, actor TEXT,
                                                role TEXT, before TEXT, after TEXT)
RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT baton_is_service() OR (
            $3 = baton_login_email() AND $4 = baton_login_role() AND EXISTS (
                SELECT 1 FROM baton_review_rules r
                WHERE r.role = $4 AND r.action = $2 AND r.status_before = $5
                  AND r.status_after = $6
                  AND (NOT r.own_only OR EXISTS (
                      SELECT 1 FROM briefs b WHERE b.id = $1 AND b.owner = $3)))));
END $$;
-- A person changes a brief only through the review path: every change of a brief's row in a
-- transaction of theirs must come with the review action that explains it, recorded in the
-- same transaction. Checked at commit, since the service updates the brief first.
CREATE OR REPLACE FUNCTION baton_check_review_path() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF baton_is_service() OR pg_has_role(session_user, 'baton_marketing_ops', 'MEMBER')
       OR pg_has_role(session_user, 'baton_admin', 'MEMBER') THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM review_actions a
        WHERE a.brief_id = NEW.id AND a.xmin = pg_current_xact_id()::xid
          AND a.status_before = OLD.status AND a.status_after = NEW.status
          AND a.actor = baton_login_email()) THEN
        RAISE EXCEPTION 'brief % changed without a review action: change briefs through Baton',
            NEW.id USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS briefs_review_path ON briefs;
CREATE CONSTRAINT TRIGGER briefs_review_path AFTER UPDATE ON briefs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION baton_check_review_path();
)sql";

std::string grantsTable()
{
    std::string sql = "DROP TABLE IF EXISTS baton_grants;\n"
                      "CREATE TABLE baton_grants (role TEXT NOT NULL, action TEXT NOT NULL, "
                      "grant_kind TEXT NOT NULL, PRIMARY KEY (role, action));\n"
                      "INSERT INTO baton_grants VALUES ";
    bool first = true;
    for (const Role role : util::allOf<Role>()) {
        for (const auto action : util::allOf<governance::Action>()) {
            const auto g = governance::grant(role, action);
            const char *kind = g == governance::Grant::Any   ? "any"
                               : g == governance::Grant::Own ? "own"
                                                             : "no";
            sql += (first ? "" : ", ") + std::string("(") + quoted(governance::roleName(role)) +
                   ", " + quoted(governance::actionName(action)) + ", " + quoted(kind) + ")";
            first = false;
        }
    }
    return sql + ";\n";
}

// Every (role, action, before, after) core's transition table allows, and whether only on
// the role's own briefs.
std::string reviewRulesTable()
{
    std::set<
        std::tuple<std::string_view, std::string_view, std::string_view, std::string_view, bool>>
        rules;
    for (const Role role : util::allOf<Role>()) {
        for (const ReviewAction action : util::allOf<ReviewAction>()) {
            const auto &t = review::transition(action);
            for (const BriefStatus before : util::allOf<BriefStatus>()) {
                if (!review::permitted(action, role, true, before))
                    continue;
                const bool ownOnly = !review::permitted(action, role, false, before);
                std::vector<BriefStatus> afters;
                if (t.to)
                    afters.push_back(*t.to);
                else if (action == ReviewAction::Resolve)
                    for (const auto r : util::allOf<review::Resolution>())
                        afters.push_back(review::resolutionOutcome(r).to);
                else
                    afters.push_back(before);
                for (const BriefStatus after : afters)
                    rules.emplace(governance::roleName(role), util::nameOf(action),
                                  util::nameOf(before), util::nameOf(after), ownOnly);
            }
        }
    }
    std::string sql = "DROP TABLE IF EXISTS baton_review_rules;\n"
                      "CREATE TABLE baton_review_rules (role TEXT NOT NULL, action TEXT NOT NULL, "
                      "status_before TEXT NOT NULL, status_after TEXT NOT NULL, own_only BOOLEAN "
                      "NOT NULL);\nINSERT INTO baton_review_rules VALUES ";
    bool first = true;
    for (const auto &[role, action, before, after, own] : rules) {
        sql += (first ? "" : ", ") + std::string("(") + quoted(role) + ", " + quoted(action) +
               ", " + quoted(before) + ", " + quoted(after) + ", " + (own ? "true" : "false") + ")";
        first = false;
    }
    return sql + ";\n";
}

// Everyone reads what their policies show; people write only what the review path writes;
// marketing ops and admins run imports, runs and pushes, and admins manage profiles.
constexpr std::string_view kGrants = R"sql(
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO baton_rep, baton_manager, baton_marketing_ops, baton_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA public
    TO baton_rep, baton_manager, baton_marketing_ops, baton_admin;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public
    TO baton_rep, baton_manager, baton_marketing_ops, baton_admin;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO baton_marketing_ops, baton_admin;
REVOKE INSERT, UPDATE, DELETE ON users, baton_grants, baton_review_rules, baton_schema
    FROM baton_marketing_ops;
REVOKE UPDATE, DELETE ON audit_log FROM baton_marketing_ops, baton_admin;
GRANT INSERT ON review_actions, audit_log, outbox, briefs_fts TO baton_rep, baton_manager;
GRANT UPDATE ON briefs, outbox, search_index_state TO baton_rep, baton_manager;
GRANT DELETE ON briefs_fts TO baton_rep, baton_manager;
REVOKE ALL ON FUNCTION baton_check_review_path() FROM PUBLIC;
)sql";

// Row-level security: a person without view_all reads the briefs they own or took part in,
// and the records of those briefs' leads.
constexpr std::string_view kPolicies = R"sql(
ALTER TABLE briefs ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS briefs_read ON briefs;
CREATE POLICY briefs_read ON briefs FOR SELECT
    USING ((SELECT baton_may('view_all')) OR owner = (SELECT baton_login_email())
           OR baton_brief_involves_me(id));
DROP POLICY IF EXISTS briefs_review ON briefs;
CREATE POLICY briefs_review ON briefs FOR UPDATE
    USING ((SELECT baton_may('view_all')) OR owner = (SELECT baton_login_email())
           OR baton_brief_involves_me(id));
DROP POLICY IF EXISTS briefs_service ON briefs;
CREATE POLICY briefs_service ON briefs FOR ALL TO baton_marketing_ops, baton_admin
    USING (true) WITH CHECK (true);

ALTER TABLE review_actions ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS review_actions_read ON review_actions;
CREATE POLICY review_actions_read ON review_actions FOR SELECT
    USING ((SELECT baton_may('view_all')) OR baton_brief_involves_me(brief_id));
DROP POLICY IF EXISTS review_actions_record ON review_actions;
CREATE POLICY review_actions_record ON review_actions FOR INSERT
    WITH CHECK (baton_review_allowed(brief_id, action, actor, role, status_before, status_after));

ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS outbox_own ON outbox;
CREATE POLICY outbox_own ON outbox FOR ALL
    USING ((SELECT baton_may('view_all')) OR baton_brief_involves_me(brief_id))
    WITH CHECK ((SELECT baton_may('view_all')) OR baton_brief_involves_me(brief_id));

ALTER TABLE agent_steps ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS agent_steps_read ON agent_steps;
CREATE POLICY agent_steps_read ON agent_steps FOR SELECT
    USING ((SELECT baton_may('view_all')) OR baton_lead_involves_me(lead_id));
DROP POLICY IF EXISTS agent_steps_service ON agent_steps;
CREATE POLICY agent_steps_service ON agent_steps FOR ALL TO baton_marketing_ops, baton_admin
    USING (true) WITH CHECK (true);

ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS leads_read ON leads;
CREATE POLICY leads_read ON leads FOR SELECT
    USING ((SELECT baton_may('view_all')) OR baton_lead_involves_me(id));
DROP POLICY IF EXISTS leads_service ON leads;
CREATE POLICY leads_service ON leads FOR ALL TO baton_marketing_ops, baton_admin
    USING (true) WITH CHECK (true);

ALTER TABLE lead_identities ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS lead_identities_read ON lead_identities;
CREATE POLICY lead_identities_read ON lead_identities FOR SELECT
    USING ((SELECT baton_may('view_all')) OR baton_lead_involves_me(lead_id));
DROP POLICY IF EXISTS lead_identities_service ON lead_identities;
CREATE POLICY lead_identities_service ON lead_identities FOR ALL
    TO baton_marketing_ops, baton_admin USING (true) WITH CHECK (true);

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS events_read ON events;
CREATE POLICY events_read ON events FOR SELECT
    USING ((SELECT baton_may('view_all'))
           OR baton_identity_involves_me(lead_system, lead_ref));
DROP POLICY IF EXISTS events_service ON events;
CREATE POLICY events_service ON events FOR ALL TO baton_marketing_ops, baton_admin
    USING (true) WITH CHECK (true);

ALTER TABLE quarantine ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS quarantine_read ON quarantine;
CREATE POLICY quarantine_read ON quarantine FOR SELECT USING ((SELECT baton_may('view_all')));
DROP POLICY IF EXISTS quarantine_service ON quarantine;
CREATE POLICY quarantine_service ON quarantine FOR ALL TO baton_marketing_ops, baton_admin
    USING (true) WITH CHECK (true);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS audit_log_read ON audit_log;
-- The newest entry is readable by everyone who appends: the next entry chains to its hash.
CREATE POLICY audit_log_read ON audit_log FOR SELECT
    USING ((SELECT baton_may('view_audit')) OR seq = (SELECT baton_audit_head()));
DROP POLICY IF EXISTS audit_log_append ON audit_log;
CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (true);
)sql";

} // namespace

std::string groupRole(const std::string &role)
{
    return "baton_" + role;
}

std::string teamInitSql()
{
    return std::string(kRoles) + grantsTable() + reviewRulesTable() + std::string(kFunctions) +
           std::string(kGrants) + std::string(kPolicies);
}

} // namespace baton::team
