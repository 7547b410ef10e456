#include "workers/ImportWorker.h"

#include "AuditTrail.h"
#include "Logging.h"
#include "contracts/ContractRegistry.h"
#include "ingest/Importer.h"
#include "store/OpenStore.h"

#include <QFileInfo>
#include <chrono>
#include <exception>
#include <filesystem>
#include <optional>

namespace baton::app {

namespace {

std::filesystem::path toPath(const QString &file)
{
    return std::filesystem::path(file.toStdU16String());
}

ui::ImportFileOutcome outcomeOf(const ingest::ImportResult &r)
{
    ui::ImportFileOutcome o;
    o.fileName = QString::fromStdString(r.fileName);
    o.batchId = r.batchId;
    o.sameAsBatch = r.sameAsBatch.value_or(0);
    o.read = r.counts.read;
    o.accepted = r.counts.accepted;
    o.quarantined = r.counts.quarantined;
    o.failed = r.failed;
    o.cancelled = r.cancelled;
    o.error = QString::fromStdString(r.error);
    return o;
}

} // namespace

ImportWorker::ImportWorker(QString storePath,
                           std::shared_ptr<const contracts::ContractRegistry> registry,
                           const std::atomic<bool> &cancel, QObject *parent)
    : QObject(parent), m_storePath(std::move(storePath)), m_registry(std::move(registry)),
      m_cancel(cancel)
{
}

void ImportWorker::run(const QStringList &files)
{
    qint64 total = 0;
    for (const QString &file : files)
        total += QFileInfo(file).size();

    std::optional<store::Database> db;
    try {
        store::Database::Options options;
        // The ui's connection checked this file when the window opened.
        options.quickCheck = false;
        db.emplace(store::openStore(toPath(m_storePath), options));
    } catch (const std::exception &e) {
        emit finished(false, QString::fromUtf8(e.what()));
        return;
    }

    ingest::Importer importer(*db, *m_registry, m_clock);
    qint64 before = 0; // bytes of the files already done
    using Clock = std::chrono::steady_clock;
    for (const QString &file : files) {
        if (cancelled())
            break;
        const QString name = QFileInfo(file).fileName();
        const qint64 size = QFileInfo(file).size();
        auto lastEmit = Clock::now() - std::chrono::milliseconds(ProgressIntervalMs);
        emit progress(before, total, name);

        ingest::ImportOptions options;
        options.cancel = &m_cancel;
        options.onProgress = [&](const ingest::ImportProgress &p) {
            const auto now = Clock::now();
            const bool last = p.bytesDone >= p.bytesTotal;
            if (!last && now - lastEmit < std::chrono::milliseconds(ProgressIntervalMs))
                return;
            lastEmit = now;
            emit progress(before + std::min<qint64>(p.bytesDone, size), total, name);
        };
        ui::ImportFileOutcome outcome;
        try {
            const auto result = importer.importFile(toPath(file), options);
            auditImport(*db, m_clock, result, "console");
            outcome = outcomeOf(result);
        } catch (const std::exception &e) {
            // The store failed under the import (disk full, locked too long): say so and
            // go on with the next file, which reports its own outcome.
            qCWarning(lcImport) << "import of" << file << "stopped:" << e.what();
            outcome.fileName = name;
            outcome.failed = true;
            outcome.error = QString::fromUtf8(e.what());
        }
        if (outcome.failed)
            qCWarning(lcImport) << "import of" << file << "failed:" << outcome.error;
        else
            qCInfo(lcImport) << "imported" << file << "batch" << outcome.batchId << "read"
                             << outcome.read << "accepted" << outcome.accepted << "quarantined"
                             << outcome.quarantined;
        before += size;
        emit progress(before, total, name);
        emit fileFinished(outcome);
    }
    emit finished(cancelled(), QString());
}

} // namespace baton::app
