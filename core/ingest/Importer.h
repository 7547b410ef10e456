#pragma once

#include "ingest/ImportStore.h"
#include "ingest/RecordSource.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace baton {
class Clock;
}
namespace baton::contracts {
class ContractRegistry;
}
namespace baton::store {
class Database;
}

namespace baton::ingest {

struct ImportProgress
{
    std::int64_t bytesDone = 0;
    std::int64_t bytesTotal = 0;
    std::int64_t records = 0;
};

struct ImportOptions
{
    SourceFormat format = SourceFormat::Auto;
    SourceOptions source;
    bool force = false;    // import even if the same content was imported before
    int workerThreads = 0; // 0: one per core
    std::int64_t commitEvery = 25000;
    std::function<void(const ImportProgress &)> onProgress; // called on the importing thread
    const std::atomic<bool> *cancel = nullptr;
};

struct ImportResult
{
    std::int64_t batchId = 0;                // 0 when nothing was written
    std::optional<std::int64_t> sameAsBatch; // skipped: this content was imported then
    std::string fileName;
    std::string sha256;
    std::string format;
    std::string sourceSystem;
    std::int64_t bytes = 0;
    BatchCounts counts;
    bool failed = false;
    bool cancelled = false;
    std::string error; // for a failed file: what is wrong, with line and field
    double seconds = 0;
};

// Reads a file, puts every record through its contract and upserts it into the store; a
// record that fails goes to quarantine with file, line, field and message, and the rest
// of the file proceeds. Parsing and validation run on worker threads; this thread writes,
// committing every `commitEvery` records. A batch cut short by a crash is marked
// interrupted on the next import, and importing the file again completes it (upserts make
// that idempotent).
class Importer
{
public:
    Importer(store::Database &db, const contracts::ContractRegistry &registry, const Clock &clock);

    ImportResult importFile(const std::filesystem::path &path, const ImportOptions &options = {});
    ImportResult importData(std::string_view data, const std::string &fileName,
                            const std::string &filePath, const ImportOptions &options = {});

private:
    bool beginBatch(ImportStore &store, BatchStart &start, std::string sha256, bool force,
                    ImportResult &result);
    void recordFileError(ImportStore &store, BatchStart &start, const FileError &error,
                         std::string_view data, SourceFormat format, const std::string &nowText,
                         ImportResult &result);

    store::Database &m_db;
    const contracts::ContractRegistry &m_registry;
    const Clock &m_clock;
};

} // namespace baton::ingest
