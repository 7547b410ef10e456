#pragma once

#include "contracts/ContractRegistry.h"
#include "ingest/Importer.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/OpenStore.h"
#include "TestStoreLocation.h"
#include "util/Time.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>

// A real store in a temporary directory, the built-in contracts and a pinned clock: what
// core tests import into. Files are written as bytes, exactly as a test spells them.
class TempStore
{
public:
    TempStore()
        : clock(*baton::util::parseRfc3339("2026-11-20T12:00:00Z")),
          registry(baton::contracts::ContractRegistry::builtIn()),
          db(baton::store::openStore(storeLocation()))
    {
    }

    std::string path(const QString &name) const { return dir.filePath(name).toStdString(); }
    // The store: store.sqlite here, or its own database on PostgreSQL (TestStoreLocation.h).
    std::string storeLocation() const { return testStoreLocation(path("store.sqlite")); }

    std::string write(const QString &name, const QByteArray &bytes) const
    {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(bytes);
        return f.fileName().toStdString();
    }

    baton::ingest::ImportResult import(const QString &name, const QByteArray &bytes,
                                       baton::ingest::ImportOptions options = {})
    {
        baton::ingest::Importer importer(db, registry, clock);
        return importer.importFile(write(name, bytes), options);
    }

    qint64 scalar(const std::string &sql)
    {
        auto st = db.prepare(sql);
        return st.step() ? st.int64At(0) : -1;
    }

    QString text(const std::string &sql)
    {
        auto st = db.prepare(sql);
        return st.step() ? QString::fromStdString(st.textAt(0)) : QString();
    }

    QTemporaryDir dir;
    baton::FixedClock clock;
    baton::contracts::ContractRegistry registry;
    baton::store::Database db;
};
