#pragma once

#include <QString>
#include <string>
#include <vector>

namespace baton::contracts {
class ContractRegistry;
}
namespace baton::app {

struct CommandContext;
class BenchStore;

// `baton bench reviewers`: its team, its store and the team database's logins
// (ReviewersBenchStore.cpp); the reviewers' threads and the checks (ReviewersBench.cpp).
struct BenchReviewer
{
    std::string email;
    std::string login; // the database login on PostgreSQL
    bool manager = false;
};

// `count` reviewers: one manager in ten (at least one), each rep reporting to one of them.
std::vector<BenchReviewer> benchReviewers(int count);

// A demo store of `leads` leads, the pipeline run over it, its briefs spread over the reps.
void buildReviewStore(const QString &dir, const QString &path, qint64 leads,
                      const std::vector<BenchReviewer> &team,
                      const contracts::ContractRegistry &registry, CommandContext &context);

// The team database: the SQLite store ported, `team init` and a login per reviewer, each
// bound to their profile. The logins are dropped with the object (after the database).
class BenchLogins
{
public:
    BenchLogins(const QString &storePath, BenchStore &pg, std::vector<BenchReviewer> &team,
                CommandContext &context);
    ~BenchLogins();
    BenchLogins(const BenchLogins &) = delete;
    BenchLogins &operator=(const BenchLogins &) = delete;

private:
    BenchStore &m_pg;
    std::vector<std::string> m_logins;
};

} // namespace baton::app
