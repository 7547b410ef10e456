#include "ingest/DropFolderSync.h"

#include "ports/Clock.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/FileBytes.h"
#include "util/Sha256.h"
#include "util/Time.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>

namespace baton::ingest {

namespace fs = std::filesystem;

int SyncReport::failed() const
{
    return static_cast<int>(std::count_if(imported.begin(), imported.end(),
                                          [](const ImportResult &r) { return r.failed; }));
}

namespace {

struct FileState
{
    std::uintmax_t size = 0;
    fs::file_time_type modified;
    bool operator==(const FileState &) const = default;
};

std::optional<FileState> stateOf(const fs::path &file)
{
    std::error_code ec;
    FileState s;
    s.size = fs::file_size(file, ec);
    if (ec)
        return std::nullopt;
    s.modified = fs::last_write_time(file, ec);
    if (ec)
        return std::nullopt;
    return s;
}

// What sync_files holds instead of a hash for a file that could not be read: with the
// name, size and time it keeps later syncs from trying it again until it changes.
constexpr const char *kUnreadable = "unreadable:";

std::string kindOf(fs::file_type type)
{
    switch (type) {
    case fs::file_type::directory:
        return "a directory";
    case fs::file_type::fifo:
        return "a fifo";
    case fs::file_type::socket:
        return "a socket";
    case fs::file_type::block:
    case fs::file_type::character:
        return "a device";
    default:
        return "not a regular file";
    }
}

std::int64_t nanosOf(const FileState &state)
{
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(state.modified.time_since_epoch())
            .count());
}

} // namespace

void DropFolderSync::listFolder(const fs::path &folder, std::vector<fs::path> &files,
                                SyncReport &report) const
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        std::error_code statError;
        const auto status = entry.symlink_status(statError); // lstat: a link is a link
        if (statError)
            report.skipped.push_back({name, "cannot be examined: " + statError.message()});
        else if (fs::is_symlink(status))
            report.skipped.push_back({name, "a symbolic link: not followed"});
        else if (!fs::is_regular_file(status))
            report.skipped.push_back({name, kindOf(status.type()) + ": not a regular file"});
        else if (isImportCandidate(entry.path()))
            files.push_back(entry.path());
        else
            report.ignored.push_back(name);
    }
    if (ec)
        throw std::runtime_error("cannot list " + folder.string() + ": " + ec.message());
}

void DropFolderSync::rememberUnreadable(const std::string &folderKey, const std::string &fileName,
                                        std::int64_t size, std::int64_t modifiedNs)
{
    store::Transaction tx(m_db);
    auto &remember = m_db.cached("INSERT INTO sync_files (folder, sha256, file_name, "
                                 "file_size, modified_ns, batch_id, seen_at) "
                                 "VALUES (?, ?, ?, ?, ?, NULL, ?) ON CONFLICT DO NOTHING");
    remember.bindAll(folderKey,
                     kUnreadable + fileName + ":" + std::to_string(size) + ":" +
                         std::to_string(modifiedNs),
                     fileName, size, modifiedNs, util::formatUtc(m_clock.now()));
    remember.run();
    tx.commit();
}

DropFolderSync::DropFolderSync(store::Database &db, const contracts::ContractRegistry &registry,
                               const Clock &clock)
    : m_db(db), m_registry(registry), m_clock(clock)
{
}

bool DropFolderSync::isImportCandidate(const fs::path &file)
{
    const std::string name = file.filename().string();
    if (name.empty() || name.front() == '.' || name.back() == '~')
        return false;
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext == ".csv" || ext == ".jsonl" || ext == ".ndjson";
}

std::unique_ptr<util::FileBytes> DropFolderSync::readIfNew(const std::string &key,
                                                           const fs::path &file, std::int64_t size,
                                                           std::int64_t modifiedNs,
                                                           std::string &sha, SyncReport &report)
{
    const std::string name = file.filename().string();
    // Unchanged name, size and modification time: seen before, no need to read it.
    auto &same = m_db.cached("SELECT sha256 FROM sync_files WHERE folder = ? AND file_name = ? "
                             "AND file_size = ? AND modified_ns = ?");
    same.bindAll(key, name, size, modifiedNs);
    const std::optional<std::string> seenAs =
        same.step() ? std::optional(same.textAt(0)) : std::nullopt;
    same.reset();
    if (seenAs) {
        if (seenAs->rfind(kUnreadable, 0) == 0)
            report.skipped.push_back({name, "could not be read before and has not changed since"});
        else
            report.alreadySeen.push_back(name);
        return nullptr;
    }
    // Read once, not following a symlink swapped in since the listing; the bytes hashed
    // are the bytes imported.
    std::unique_ptr<util::FileBytes> bytes;
    try {
        bytes = std::make_unique<util::FileBytes>(file, util::FileBytes::Options{true});
    } catch (const std::exception &e) {
        report.skipped.push_back({name, e.what()});
        // Remembered as it was listed: if it changed meanwhile, the next sync tries again.
        const auto state = stateOf(file);
        if (state && static_cast<std::int64_t>(state->size) == size &&
            nanosOf(*state) == modifiedNs)
            rememberUnreadable(key, name, size, modifiedNs);
        return nullptr;
    }
    sha = util::sha256Hex(bytes->data());
    auto &seen = m_db.cached("SELECT 1 FROM sync_files WHERE folder = ? AND sha256 = ?");
    seen.bindAll(key, sha);
    const bool known = seen.step();
    seen.reset();
    if (known) {
        report.alreadySeen.push_back(name);
        return nullptr;
    }
    return bytes;
}

void DropFolderSync::remember(const std::string &key, const std::string &fileName,
                              const std::string &sha, std::int64_t size, std::int64_t modifiedNs,
                              const ImportResult &result)
{
    std::optional<std::int64_t> batch =
        result.batchId ? std::optional(result.batchId) : result.sameAsBatch;
    store::Transaction tx(m_db);
    auto &insert = m_db.cached("INSERT INTO sync_files (folder, sha256, file_name, "
                               "file_size, modified_ns, batch_id, seen_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    insert.bindAll(key, sha, fileName, size, modifiedNs, batch, util::formatUtc(m_clock.now()));
    insert.run();
    auto &advance =
        m_db.cached("UPDATE sync_cursors SET last_file_name = ?, last_sha256 = ?, files_imported = "
                    "files_imported + ?, last_synced_at = ? WHERE folder = ?");
    advance.bindAll(fileName, sha, std::int64_t(result.sameAsBatch ? 0 : 1),
                    util::formatUtc(m_clock.now()), key);
    advance.run();
    tx.commit();
}

SyncReport DropFolderSync::sync(const fs::path &folderArg, const SyncOptions &options)
{
    std::error_code ec;
    const fs::path folder = fs::canonical(folderArg, ec);
    if (ec || !fs::is_directory(folder))
        throw std::runtime_error("sync folder " + folderArg.string() +
                                 " is not a readable directory");
    const std::string key = folder.string();

    SyncReport report;
    std::vector<fs::path> files;
    listFolder(folder, files, report);
    std::sort(files.begin(), files.end(),
              [](const fs::path &a, const fs::path &b) { return a.filename() < b.filename(); });

    // One look now, one after the settle window: what changed in between is still being
    // written by whoever exports into the folder.
    std::map<fs::path, std::optional<FileState>> before;
    for (const auto &f : files)
        before[f] = stateOf(f);
    if (options.settle.count() > 0 && !files.empty())
        std::this_thread::sleep_for(options.settle);

    {
        store::Transaction tx(m_db);
        auto &cursor =
            m_db.cached("INSERT INTO sync_cursors (folder, last_synced_at) VALUES (?, ?) "
                        "ON CONFLICT (folder) DO NOTHING");
        cursor.bindAll(key, util::formatUtc(m_clock.now()));
        cursor.run();
        tx.commit();
    }

    Importer importer(m_db, m_registry, m_clock);
    for (const fs::path &file : files) {
        const auto now = stateOf(file);
        if (!now || !before[file] || !(*now == *before[file])) {
            report.stillBeingWritten.push_back(file.filename().string());
            continue;
        }
        const auto modifiedNs = nanosOf(*now);
        const auto size = static_cast<std::int64_t>(now->size);
        std::string sha;
        auto bytes = readIfNew(key, file, size, modifiedNs, sha, report);
        if (!bytes)
            continue;
        ImportResult result =
            importer.importData(bytes->data(), file.filename().string(),
                                fs::absolute(file).lexically_normal().string(), options.import);
        bytes.reset();
        if (result.cancelled)
            break;
        remember(key, file.filename().string(), sha, size, modifiedNs, result);
        if (result.sameAsBatch)
            report.alreadySeen.push_back(file.filename().string());
        else
            report.imported.push_back(result);
        if (options.onImported)
            options.onImported(file, result);
    }
    {
        store::Transaction tx(m_db);
        auto &touch = m_db.cached("UPDATE sync_cursors SET last_synced_at = ? WHERE folder = ?");
        touch.bindAll(util::formatUtc(m_clock.now()), key);
        touch.run();
        tx.commit();
    }
    return report;
}

} // namespace baton::ingest
