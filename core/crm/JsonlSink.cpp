#include "crm/JsonlSink.h"

#include "crm/OutboxStore.h"
#include "crm/Target.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/JsonParse.h"
#include "util/Time.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baton::crm {

namespace {

const std::vector<std::string> kKinds = {util::nameString(OpKind::AppendJsonl)};

// The open file, locked against another Baton appending at the same time.
class LockedFile
{
public:
    explicit LockedFile(const std::string &path) : m_path(path)
    {
        // 0600: the lines carry people's names and emails.
        m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (m_fd < 0)
            fail("cannot open");
        if (::flock(m_fd, LOCK_EX) != 0)
            fail("cannot lock");
    }
    ~LockedFile()
    {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }
    LockedFile(const LockedFile &) = delete;
    LockedFile &operator=(const LockedFile &) = delete;

    // A crash while appending can leave a line without its end: it was never marked done,
    // so it goes, and is written again whole.
    void dropTornTail()
    {
        struct stat st
        {
        };
        if (::fstat(m_fd, &st) != 0)
            fail("cannot stat");
        off_t end = st.st_size;
        char c = '\n';
        while (end > 0) {
            if (::pread(m_fd, &c, 1, end - 1) != 1)
                fail("cannot read");
            if (c == '\n')
                break;
            --end;
        }
        if (end != st.st_size && ::ftruncate(m_fd, end) != 0)
            fail("cannot truncate");
    }

    void append(const std::string &text)
    {
        std::size_t written = 0;
        while (written < text.size()) {
            const auto n = ::write(m_fd, text.data() + written, text.size() - written);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                fail("cannot write");
            written += static_cast<std::size_t>(n);
        }
    }

    void sync()
    {
        if (::fsync(m_fd) != 0)
            fail("cannot sync");
    }

private:
    [[noreturn]] void fail(const char *what)
    {
        throw std::runtime_error(std::string(what) + " " + m_path + ": " + std::strerror(errno));
    }

    std::string m_path;
    int m_fd = -1;
};

// The delivery ids already in the file (only read after a crash left something in flight).
std::set<std::string> deliveredIds(const std::string &path)
{
    std::set<std::string> ids;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        const auto j = util::parseUntrustedJson(line);
        if (j.is_object() && j.contains("delivery_id") && j["delivery_id"].is_string())
            ids.insert(j["delivery_id"].get<std::string>());
    }
    return ids;
}

} // namespace

JsonlSink::JsonlSink(store::Database &db, std::string path, const Clock &clock)
    : m_db(db), m_path(std::move(path)), m_clock(clock)
{
}

PushSummary JsonlSink::runOnce()
{
    PushSummary summary;
    const auto started = m_clock.steadyNow();
    OutboxStore outbox(m_db);
    const auto now = m_clock.now();
    const auto due = outbox.due(util::formatUtcMillis(now), 5000, kKinds);
    if (due.empty())
        return summary;
    struct Claimed
    {
        DueOperation op;
        std::string deliveryId;
    };
    std::vector<Claimed> claimed;
    bool recovering = false;
    {
        store::Transaction tx(m_db);
        const auto stamp = util::formatUtcMillis(now);
        const auto lease = util::formatUtcMillis(now + std::chrono::minutes(5));
        for (const auto &op : due) {
            if (!outbox.claim(op.id, op.attempts, stamp, lease))
                continue;
            recovering = recovering || is(op.status, OpStatus::InFlight);
            const auto payload = nlohmann::json::parse(op.payload, nullptr, false);
            claimed.push_back({op, payload.value("delivery_id", "")});
            outbox.setLastRequest(op.id, "append to " + m_path);
        }
        tx.commit();
    }
    if (claimed.empty())
        return summary;
    std::string error;
    std::set<std::string> already;
    try {
        LockedFile file(m_path);
        file.dropTornTail();
        if (recovering) {
            already = deliveredIds(m_path);
            ++summary.lookups;
        }
        std::string lines;
        for (const auto &c : claimed) {
            if (already.count(c.deliveryId))
                continue;
            // One line: the payload as stored (compact JSON, no newline in it).
            lines += c.op.payload + "\n";
        }
        file.append(lines);
        file.sync();
        ++summary.requests;
    } catch (const std::exception &e) {
        error = e.what();
    }
    store::Transaction tx(m_db);
    const auto stamp = util::formatUtcMillis(m_clock.now());
    for (const auto &c : claimed) {
        if (error.empty()) {
            outbox.markDone(c.op.id, util::nameString(Target::Jsonl), c.deliveryId,
                            already.count(c.deliveryId) ? "found in the file" : "appended", stamp);
            ++summary.done;
        } else {
            // Some lines may be in the file: looked for before the next append.
            outbox.markRetry(c.op.id, true, error, {},
                             util::formatUtcMillis(m_clock.now() + std::chrono::seconds(30)),
                             stamp);
            ++summary.unknown;
        }
    }
    outbox.settleBriefs();
    tx.commit();
    summary.seconds = std::chrono::duration<double>(m_clock.steadyNow() - started).count();
    return summary;
}

} // namespace baton::crm
