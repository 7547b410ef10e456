#include "pipeline/Team.h"

#include "store/Database.h"

namespace baton::pipeline {

std::vector<User> demoTeam()
{
    // Managers first: reps name them.
    return {
        {"dana.okoro@baton.example", "Dana Okoro", "manager", "Sales Leadership", "Global", ""},
        {"henrik.larsen@baton.example", "Henrik Larsen", "manager", "EMEA", "EMEA", ""},
        {"maya.chen@baton.example", "Maya Chen", "rep", "Strategic Accounts", "Strategic",
         "dana.okoro@baton.example"},
        {"jordan.reyes@baton.example", "Jordan Reyes", "rep", "Enterprise NA", "US, CA enterprise",
         "dana.okoro@baton.example"},
        {"sam.patel@baton.example", "Sam Patel", "rep", "Mid-Market NA", "US, CA",
         "dana.okoro@baton.example"},
        {"lena.fischer@baton.example", "Lena Fischer", "rep", "EMEA", "Europe",
         "henrik.larsen@baton.example"},
        {"arjun.rao@baton.example", "Arjun Rao", "rep", "APAC", "Asia-Pacific",
         "dana.okoro@baton.example"},
        {"queue@baton.example", "Unassigned queue", "rep", "Inbound", "Rest of world",
         "dana.okoro@baton.example"},
        {"priya.natarajan@baton.example", "Priya Natarajan", "marketing_ops",
         "Marketing Operations", "", ""},
        {"alex.kim@baton.example", "Alex Kim", "admin", "IT", "", ""},
    };
}

int saveUsers(store::Database &db, const std::vector<User> &list)
{
    auto &st = db.cached(
        "INSERT INTO users (email, name, role, team, territory, manager) "
        "VALUES (?1, ?2, ?3, nullif(?4, ''), nullif(?5, ''), nullif(?6, '')) "
        "ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role, "
        "team = excluded.team, territory = excluded.territory, manager = excluded.manager");
    auto &exists = db.cached("SELECT 1 FROM users WHERE email = ?");
    int added = 0;
    for (const User &u : list) {
        exists.bind(1, u.email);
        added += exists.step() ? 0 : 1;
        exists.reset();
        st.bindAll(u.email, u.name, u.role, u.team, u.territory, u.manager);
        st.run();
    }
    return added;
}

std::vector<User> users(store::Database &db)
{
    std::vector<User> out;
    auto &st = db.cached("SELECT email, name, role, coalesce(team, ''), coalesce(territory, ''), "
                         "coalesce(manager, '') FROM users ORDER BY role, email");
    while (st.step())
        out.push_back(
            {st.textAt(0), st.textAt(1), st.textAt(2), st.textAt(3), st.textAt(4), st.textAt(5)});
    st.reset();
    return out;
}

} // namespace baton::pipeline
