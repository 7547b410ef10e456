#pragma once

#include "ingest/Importer.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace baton::util {
class FileBytes;
}

namespace baton::ingest {

struct SyncOptions
{
    ImportOptions import;
    // A file whose size or modification time changes within this window is still being
    // written by the exporting tool and is left for the next sync.
    std::chrono::milliseconds settle{1000};
    std::function<void(const std::filesystem::path &, const ImportResult &)> onImported;
};

struct SyncReport
{
    std::vector<ImportResult> imported;         // new content, in name order
    std::vector<std::string> alreadySeen;       // same content as a file synced before
    std::vector<std::string> stillBeingWritten; // left for the next sync
    std::vector<std::string> ignored;           // not an import format (by extension)
    struct Skipped
    {
        std::string file;
        std::string reason;
    };
    // Not read: not a regular file (a symlink is never followed), or could not be read
    // (remembered, and skipped by later syncs until its name, size or time changes).
    std::vector<Skipped> skipped;
    int failed() const;
};

// Imports every file of a drop folder that it has not seen before (by content hash), in
// name order, and remembers per folder what it saw, so a scheduled export keeps the store
// in sync. A failed file is remembered too: the same bytes would fail the same way; a
// corrected export has a new hash and is imported.
class DropFolderSync
{
public:
    DropFolderSync(store::Database &db, const contracts::ContractRegistry &registry,
                   const Clock &clock);

    // Throws std::runtime_error if `folder` is not a readable directory.
    SyncReport sync(const std::filesystem::path &folder, const SyncOptions &options = {});

    static bool isImportCandidate(const std::filesystem::path &file);

private:
    void listFolder(const std::filesystem::path &folder, std::vector<std::filesystem::path> &files,
                    SyncReport &report) const;
    // The file's bytes (and their hash) when this folder has not seen them; nullptr when it
    // has, or the file could not be read (each reported).
    std::unique_ptr<util::FileBytes> readIfNew(const std::string &folderKey,
                                               const std::filesystem::path &file, std::int64_t size,
                                               std::int64_t modifiedNs, std::string &sha,
                                               SyncReport &report);
    void remember(const std::string &folderKey, const std::string &fileName, const std::string &sha,
                  std::int64_t size, std::int64_t modifiedNs, const ImportResult &result);
    void rememberUnreadable(const std::string &folderKey, const std::string &fileName,
                            std::int64_t size, std::int64_t modifiedNs);

    store::Database &m_db;
    const contracts::ContractRegistry &m_registry;
    const Clock &m_clock;
};

} // namespace baton::ingest
