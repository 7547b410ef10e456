#include "ingest/Importer.h"

#include "ingest/BackgroundCheckpointer.h"
#include "ingest/ChunkPipeline.h"
#include "ingest/RecordGate.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "util/FileBytes.h"
#include "util/Sha256.h"
#include "util/Time.h"
#include "util/Utf8.h"

#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

namespace baton::ingest {

namespace {

constexpr std::size_t kChunkSize = 512; // measured: 128..4096, 512 was fastest

std::int64_t millisSince(const Clock &clock, std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock.steadyNow() - start).count();
}

std::string baseName(const std::string &path)
{
    return std::filesystem::path(path).filename().string();
}

} // namespace

Importer::Importer(store::Database &db, const contracts::ContractRegistry &registry,
                   const Clock &clock)
    : m_db(db), m_registry(registry), m_clock(clock)
{
}

ImportResult Importer::importFile(const std::filesystem::path &path, const ImportOptions &options)
{
    std::unique_ptr<util::FileBytes> file;
    try {
        file = std::make_unique<util::FileBytes>(path);
    } catch (const std::exception &e) {
        ImportResult r;
        r.fileName = path.filename().string();
        r.failed = true;
        r.error = e.what();
        return r;
    }
    return importData(file->data(), path.filename().string(),
                      std::filesystem::absolute(path).lexically_normal().string(), options);
}

namespace {

// The threads that frame, decode and check records, feeding `pipeline` in file order.
// Joined on destruction, after aborting the pipeline if the writer stopped early.
class CheckingThreads
{
public:
    CheckingThreads(RecordSource &source, const RecordGate &gate, std::string_view data,
                    int workers, const std::atomic<bool> *cancel, ChunkPipeline &pipeline)
        : m_pipeline(pipeline)
    {
        m_threads.emplace_back([&source, &pipeline, cancel] {
            std::size_t seq = 0;
            Chunk chunk;
            chunk.items.resize(kChunkSize);
            std::size_t n = 0;
            auto flush = [&] {
                chunk.items.resize(n);
                chunk.seq = seq++;
                const bool ok = pipeline.submit(std::move(chunk));
                chunk = Chunk{};
                chunk.items.resize(kChunkSize);
                n = 0;
                return ok;
            };
            bool ok = true;
            while (ok && source.next(chunk.items[n])) {
                if (++n == kChunkSize)
                    ok = flush();
                if (cancel && cancel->load(std::memory_order_relaxed))
                    break;
            }
            if (ok && n > 0)
                flush();
            pipeline.finishProducing(seq);
        });
        for (int i = 0; i < workers; ++i)
            m_threads.emplace_back(
                [&source, &gate, &pipeline, data] { check(source, gate, data, pipeline); });
    }

    ~CheckingThreads()
    {
        m_pipeline.abort(); // a no-op once the writer has taken every chunk
        join();
    }

    void join()
    {
        for (auto &t : m_threads)
            if (t.joinable())
                t.join();
    }

private:
    static void check(const RecordSource &source, const RecordGate &gate, std::string_view data,
                      ChunkPipeline &pipeline)
    {
        while (auto chunk = pipeline.takeWork()) {
            chunk->results.resize(chunk->items.size());
            for (std::size_t k = 0; k < chunk->items.size(); ++k) {
                try {
                    source.decode(chunk->items[k]);
                    gate.check(chunk->items[k], chunk->results[k]);
                } catch (const std::exception &e) {
                    // A record the mapper did not expect must not take the batch down.
                    chunk->items[k].errors.push_back(
                        {{}, std::string("cannot read record: ") + e.what()});
                    gate.check(chunk->items[k], chunk->results[k]);
                }
            }
            // Parsed JSON is freed here, on the worker that built its results: the writer
            // thread is the bottleneck and should only write.
            if (!chunk->items.empty()) {
                const auto &last = chunk->items.back().raw;
                chunk->endOffset =
                    static_cast<std::size_t>(last.data() + last.size() - data.data());
            }
            chunk->items.clear();
            chunk->items.shrink_to_fit();
            pipeline.putDone(std::move(*chunk));
        }
    }

    ChunkPipeline &m_pipeline;
    std::vector<std::thread> m_threads;
};

// The writer's side of an import, on the calling thread: checked records written in file
// order and committed every `commitEvery` records, then the batch closed as finished or
// cancelled, or, when the store refuses a write, as failed.
class BatchWriter
{
public:
    BatchWriter(store::Database &db, const Clock &clock, ImportStore &store,
                const ImportOptions &options, const std::string &nowText,
                std::chrono::steady_clock::time_point started, ImportResult &result)
        : m_db(db), m_clock(clock), m_store(store), m_options(options), m_nowText(nowText),
          m_started(started), m_result(result), m_counts(result.counts)
    {
        m_events.reserve(ImportStore::kEventsPerStatement);
    }

    void write(ChunkPipeline &pipeline, CheckingThreads &threads);

private:
    void writeChunks(ChunkPipeline &pipeline, std::optional<store::Transaction> &tx);
    void write(GateResult &r);
    void noteAccepted(const GateResult &r);
    void upsert(const RecordRow &row);
    void flushEvents();
    void closeBatch();
    void failBatch(const std::exception &e);

    store::Database &m_db;
    const Clock &m_clock;
    ImportStore &m_store;
    const ImportOptions &m_options;
    const std::string &m_nowText;
    const std::chrono::steady_clock::time_point m_started;
    ImportResult &m_result;
    BatchCounts &m_counts;
    std::map<std::string, std::int64_t> m_usage, m_drift; // drift: "lead@2\tfield"
    std::vector<const RecordRow *> m_events;
    // Consecutive records mostly touch the same lead: skip repeats before the set.
    std::vector<Touch> m_touches;
    std::optional<Touch> m_lastTouch;
};

void BatchWriter::write(ChunkPipeline &pipeline, CheckingThreads &threads)
{
    try {
        // Checkpointing after a commit stalls the writer (the one serial stage) while pages
        // are copied; a second connection does it alongside instead.
        std::optional<BackgroundCheckpointer> checkpointer;
        const bool sqliteFile =
            m_db.sqliteHandle() && m_db.path() != ":memory:" && !m_db.path().empty();
        if (sqliteFile) {
            m_db.exec("PRAGMA wal_autocheckpoint=0");
            checkpointer.emplace(m_db.path());
        }
        std::optional<store::Transaction> tx(std::in_place, m_db);
        writeChunks(pipeline, tx);
        threads.join();
        m_store.recordTouches(m_result.batchId, m_touches);
        closeBatch();
        tx->commit();
        checkpointer.reset();
        if (sqliteFile) {
            m_db.exec("PRAGMA wal_autocheckpoint=1000");
            m_db.exec("PRAGMA wal_checkpoint(PASSIVE)");
        }
    } catch (const std::exception &e) {
        pipeline.abort();
        threads.join();
        failBatch(e);
        throw;
    }
}

void BatchWriter::writeChunks(ChunkPipeline &pipeline, std::optional<store::Transaction> &tx)
{
    std::int64_t sinceCommit = 0;
    // Chunks whose events wait to go with the next ones' (the rows point into them).
    std::vector<Chunk> held;
    const auto release = [&] {
        flushEvents();
        for (Chunk &c : held)
            pipeline.dispose(std::move(c));
        held.clear();
    };
    while (auto chunk = pipeline.takeNext()) {
        for (GateResult &r : chunk->results)
            write(r);
        sinceCommit += static_cast<std::int64_t>(chunk->results.size());
        if (m_options.onProgress && chunk->endOffset > 0)
            m_options.onProgress(
                {static_cast<std::int64_t>(chunk->endOffset), m_result.bytes, m_counts.read});
        held.push_back(std::move(*chunk));
        const bool commitNow = sinceCommit >= m_options.commitEvery;
        if (commitNow || m_events.size() >= m_store.eventsHeldAcrossChunks())
            release();
        if (commitNow) {
            m_store.recordTouches(m_result.batchId, m_touches);
            m_touches.clear();
            tx->commit();
            tx.emplace(m_db);
            sinceCommit = 0;
        }
    }
    release();
}

void BatchWriter::write(GateResult &r)
{
    ++m_counts.read;
    if (!r.accepted) {
        m_store.quarantine(m_result.batchId, r.quarantine, m_nowText);
        ++m_counts.quarantined;
        return;
    }
    noteAccepted(r);
    if (r.row.table == RecordTable::Event) {
        m_events.push_back(&r.row);
        if (m_events.size() == m_store.eventsPerUpsert())
            flushEvents();
        return;
    }
    flushEvents(); // keep file order between events and other records
    upsert(r.row);
}

// What the batch's record says of an accepted record: its contract's use and drift, and
// the lead it touched.
void BatchWriter::noteAccepted(const GateResult &r)
{
    ++m_counts.accepted;
    ++m_usage[r.row.contractKey];
    for (const auto &field : r.unknownFields)
        ++m_drift[r.row.contractKey + '\t' + field];
    if (auto touch = touchOf(r.row); touch && touch != m_lastTouch) {
        m_touches.push_back(*touch);
        m_lastTouch = std::move(touch);
    }
    m_counts.deprecated += r.deprecated;
}

void BatchWriter::upsert(const RecordRow &row)
{
    switch (m_store.upsert(row, m_result.batchId, m_nowText)) {
    case UpsertOutcome::Inserted:
        ++m_counts.inserted;
        break;
    case UpsertOutcome::Updated:
        ++m_counts.updated;
        break;
    case UpsertOutcome::Unchanged:
        ++m_counts.unchanged;
        break;
    }
}

void BatchWriter::flushEvents()
{
    m_store.upsertEvents(m_events, m_result.batchId, m_nowText, m_counts);
    m_events.clear();
}

void BatchWriter::closeBatch()
{
    m_result.cancelled = m_options.cancel && m_options.cancel->load();
    m_result.seconds = millisSince(m_clock, m_started) / 1000.0;
    if (m_result.cancelled) {
        m_store.failBatch(m_result.batchId,
                          "cancelled after " + std::to_string(m_counts.read) +
                              " records; importing the file again completes it",
                          util::formatUtc(m_clock.now()), millisSince(m_clock, m_started));
    } else {
        m_store.finishBatch(m_result.batchId, m_counts, m_usage, m_drift,
                            util::formatUtc(m_clock.now()), millisSince(m_clock, m_started));
    }
}

// The open transaction rolled back; say in the batch itself why it stopped, so it is not
// left 'running' while this process lives.
void BatchWriter::failBatch(const std::exception &e)
{
    try {
        if (m_db.engine() == store::Engine::Sqlite)
            m_db.exec("PRAGMA wal_autocheckpoint=1000");
        store::Transaction fail(m_db);
        m_store.failBatch(m_result.batchId, std::string("the store refused a write: ") + e.what(),
                          util::formatUtc(m_clock.now()), millisSince(m_clock, m_started));
        fail.commit();
    } catch (const std::exception &) {
        // The store is unusable; the next import marks the batch interrupted.
    }
}

} // namespace

ImportResult Importer::importData(std::string_view data, const std::string &fileName,
                                  const std::string &filePath, const ImportOptions &options)
{
    const auto started = m_clock.steadyNow();
    const auto now = m_clock.now();
    const std::string nowText = util::formatUtc(now);
    ImportResult result;
    result.fileName = fileName.empty() ? baseName(filePath) : fileName;
    result.bytes = static_cast<std::int64_t>(data.size());

    ImportStore store(m_db);
    {
        store::Transaction tx(m_db);
        store.markInterruptedBatches();
        tx.commit();
    }

    BatchStart start;
    start.fileName = result.fileName;
    start.filePath = filePath;
    start.fileSize = result.bytes;
    start.startedAt = nowText;

    std::unique_ptr<RecordSource> source;
    try {
        source = makeSource(data, options.format, options.source);
    } catch (const FileError &e) {
        recordFileError(store, start, e, data, options.format, nowText, result);
        result.seconds = millisSince(m_clock, started) / 1000.0;
        return result;
    }
    start.sourceSystem = source->sourceSystem();
    start.format = toString(source->format());
    result.format = start.format;
    result.sourceSystem = start.sourceSystem;

    // The file's hash decides whether this content was imported before, but reading half a
    // gigabyte for it need not hold up the work: workers start on the records meanwhile,
    // and nothing is written until the hash says to go on.
    auto hashing = std::async(std::launch::async, [data] { return util::sha256Hex(data); });
    const RecordGate gate(m_registry, *source, result.fileName, now);
    const int workers = options.workerThreads > 0
                            ? options.workerThreads
                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    ChunkPipeline pipeline(static_cast<std::size_t>(workers) * 32);
    CheckingThreads threads(*source, gate, data, workers, options.cancel, pipeline);

    if (!beginBatch(store, start, hashing.get(), options.force, result))
        return result; // `threads` stop and join on the way out
    BatchWriter(m_db, m_clock, store, options, nowText, started, result).write(pipeline, threads);
    if (options.onProgress)
        options.onProgress({result.bytes, result.bytes, result.counts.read});
    return result;
}

// False, writing nothing, when this content was imported before and not forced again.
bool Importer::beginBatch(ImportStore &store, BatchStart &start, std::string sha256, bool force,
                          ImportResult &result)
{
    result.sha256 = std::move(sha256);
    start.sha256 = result.sha256;
    if (!force) {
        if (auto previous = store.findCompletedBatch(result.sha256)) {
            result.sameAsBatch = previous;
            return false;
        }
    }
    store::Transaction tx(m_db);
    store.dropQuarantineOfInterrupted(result.sha256);
    result.batchId = store.beginBatch(start);
    tx.commit();
    return true;
}

// A file no source can read: the batch records it, failed, with what is wrong where.
void Importer::recordFileError(ImportStore &store, BatchStart &start, const FileError &error,
                               std::string_view data, SourceFormat format,
                               const std::string &nowText, ImportResult &result)
{
    result.sha256 = util::sha256Hex(data);
    start.sha256 = result.sha256;
    start.format = toString(format == SourceFormat::Auto ? detectFormat(data) : format);
    start.sourceSystem = "unknown";
    result.format = start.format;
    result.sourceSystem = start.sourceSystem;
    store::Transaction tx(m_db);
    store.dropQuarantineOfInterrupted(start.sha256);
    result.batchId = store.beginBatch(start);
    QuarantineEntry q;
    q.fileName = result.fileName;
    q.line = static_cast<std::int64_t>(error.line);
    q.field = error.field;
    q.message = error.message;
    q.errorsJson = nlohmann::json::array({{{"field", q.field}, {"message", q.message}}}).dump();
    const auto end = data.find_first_of("\r\n");
    q.raw = util::escapeInvalidUtf8(
        data.substr(0, std::min<std::size_t>(end, RecordGate::kMaxRawBytes)));
    store.quarantine(result.batchId, q, nowText);
    result.failed = true;
    result.error = result.fileName + ", line " + std::to_string(error.line) +
                   (error.field.empty() ? "" : ", " + error.field) + ": " + error.message;
    result.counts.quarantined = 1;
    store.failBatch(result.batchId, result.error, nowText, 0);
    tx.commit();
}

} // namespace baton::ingest
