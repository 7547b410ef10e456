#pragma once

#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::pipeline {

struct User
{
    std::string email;
    std::string name;
    std::string role; // rep, manager, marketing_ops, admin
    std::string team;
    std::string territory;
    std::string manager; // email, or empty
};

// The demo's revenue team: the reps the default policy routes to, their managers, a
// marketing ops user and an admin.
std::vector<User> demoTeam();
// Whom a demo console acts as until someone is chosen: the rep whose queue the demo's
// history leaves realistic (app/cli/DemoHistory).
inline constexpr const char *kDemoDefaultRep = "sam.patel@baton.example";
// Inserts or updates users by email; returns how many were new.
int saveUsers(store::Database &db, const std::vector<User> &users);
std::vector<User> users(store::Database &db);

} // namespace baton::pipeline
