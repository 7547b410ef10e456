#include "governance/Identity.h"

#include "governance/AuditLog.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

namespace baton::governance {

Identity::Identity(store::Database &db, const Clock &clock) : m_db(db), m_clock(clock)
{
}

std::optional<std::string> Identity::databaseLogin()
{
    if (m_db.engine() != store::Engine::Postgres)
        return std::nullopt;
    // Team mode is what `baton team init` set up (its rules table is there): before that a
    // PostgreSQL store enforces nothing of its own and acts as a local store does.
    auto &team = m_db.cached("SELECT to_regclass('baton_grants') IS NOT NULL");
    team.step();
    const bool teamMode = team.int64At(0) != 0;
    team.reset();
    if (!teamMode)
        return std::nullopt;
    auto &st = m_db.cached("SELECT session_user");
    st.step();
    std::string login = st.textAt(0);
    st.reset();
    return login;
}

bool Identity::isDemoStore()
{
    auto &st = m_db.cached("SELECT value FROM store_settings WHERE key = 'kind'");
    const bool demo = st.step() && st.textAt(0) == "demo";
    st.reset();
    return demo;
}

void Identity::markDemoStore()
{
    m_db.exec("INSERT INTO store_settings (key, value) VALUES ('kind', 'demo') "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
}

std::optional<Profile> Identity::profile(const std::string &emailOrName)
{
    auto &st = m_db.cached("SELECT email, name, role, coalesce(os_account, '') FROM users WHERE "
                           "email = ?1 OR name = ?1 ORDER BY email = ?1 DESC LIMIT 1");
    st.bind(1, emailOrName);
    std::optional<Profile> out;
    if (st.step())
        out = Profile{st.textAt(0), st.textAt(1), st.textAt(2), st.textAt(3)};
    st.reset();
    return out;
}

std::optional<Profile> Identity::boundTo(const std::string &osAccount)
{
    auto &st = m_db.cached("SELECT email, name, role, os_account FROM users WHERE os_account = ?");
    st.bind(1, osAccount);
    std::optional<Profile> out;
    if (st.step())
        out = Profile{st.textAt(0), st.textAt(1), st.textAt(2), st.textAt(3)};
    st.reset();
    return out;
}

bool Identity::hasProfiles()
{
    auto &st = m_db.cached("SELECT EXISTS (SELECT 1 FROM users)");
    const bool any = st.step() && st.int64At(0) != 0;
    st.reset();
    return any;
}

void Identity::requireMayActAs(const Profile &profile, const std::string &osAccount)
{
    if (profile.osAccount == osAccount && !osAccount.empty())
        return;
    // A team database made by `baton demo` is still one where each login acts as itself.
    if (isDemoStore() && !databaseLogin())
        return;
    const std::string why =
        profile.osAccount.empty()
            ? profile.email +
                  " is bound to no OS account on this store (an admin binds it: "
                  "`baton users bind " +
                  profile.email + " --os-account NAME --as ADMIN`)"
            : profile.email + " is bound to the OS account " + profile.osAccount + ", not " +
                  osAccount;
    audit(profile.email, profile.role, osAccount, "act_as_refused", "user#" + profile.email,
          nlohmann::json({{"bound_to", profile.osAccount}}).dump());
    throw IdentityRefused("the OS account " + osAccount + " may not act as " + profile.email +
                          ": " + why);
}

void Identity::bind(const Profile &admin, const std::string &adminOsAccount, const Profile &profile,
                    const std::string &osAccount)
{
    std::optional<store::Transaction> tx; // joins the caller's (a first profile's creation)
    if (!m_db.inTransaction())
        tx.emplace(m_db);
    auto &clear = m_db.cached("UPDATE users SET os_account = NULL WHERE os_account = ?1 AND "
                              "email != ?2");
    clear.bindAll(osAccount, profile.email);
    clear.run();
    auto &set = m_db.cached("UPDATE users SET os_account = nullif(?1, '') WHERE email = ?2");
    set.bindAll(osAccount, profile.email);
    set.run();
    audit(admin.email, admin.role, adminOsAccount, "bind_user", "user#" + profile.email,
          nlohmann::json({{"os_account", osAccount}, {"was", profile.osAccount}}).dump());
    if (tx)
        tx->commit();
}

void Identity::audit(const std::string &actor, const std::string &role,
                     const std::string &osAccount, const std::string &action,
                     const std::string &object, const std::string &detail)
{
    AuditLog(m_db).record(actor, role, osAccount, action, object, detail,
                          util::formatUtc(m_clock.now()));
}

} // namespace baton::governance
