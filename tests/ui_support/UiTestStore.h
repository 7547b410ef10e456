#pragma once

#include "contracts/ContractRegistry.h"
#include "ingest/Importer.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/OpenStore.h"
#include "../support/TestStoreLocation.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <filesystem>
#include <functional>
#include <memory>

// For ui tests: a real store in a temporary directory, filled by core's own Importer from
// small, realistic export files the tests write.
class UiTestStore
{
public:
    UiTestStore()
        : registry(std::make_shared<const baton::contracts::ContractRegistry>(
              baton::contracts::ContractRegistry::builtIn())),
          db(baton::store::openStore(storeLocation()))
    {
    }

    // The store: baton.sqlite here, or its own database on PostgreSQL (TestStoreLocation.h).
    QString storePath() const { return QString::fromStdString(storeLocation()); }
    std::string storeLocation() const
    {
        return testStoreLocation(dir.filePath(QStringLiteral("baton.sqlite")).toStdString());
    }
    QString filePath(const QString &name) const { return dir.filePath(name); }

    QString write(const QString &name, const QByteArray &bytes) const
    {
        QFile f(filePath(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.write(bytes);
        return f.fileName();
    }

    baton::ingest::ImportResult import(const QString &name, const QByteArray &bytes)
    {
        baton::ingest::Importer importer(db, *registry, clock);
        baton::ingest::ImportOptions options;
        options.workerThreads = 1; // many tiny files: threads cost more than they give
        return importer.importFile(std::filesystem::path(write(name, bytes).toStdString()),
                                   options);
    }

    QTemporaryDir dir;
    baton::SystemClock clock;
    std::shared_ptr<const baton::contracts::ContractRegistry> registry;
    baton::store::Database db;
};

// A HubSpot contacts export as the HubSpot UI writes it. Rows get ids from `firstId`;
// every row for which `isBad(position)` holds has an invalid email, so it is quarantined.
inline QByteArray hubspotCsv(int firstId, int rows, const std::function<bool(int)> &isBad = {},
                             const QByteArray &lastName = "Ruiz")
{
    QByteArray csv = "Record ID,First Name,Last Name,Email,Job Title,Phone Number,Lifecycle Stage,"
                     "Lead Status,Original Source,Country/Region,Associated Company,Create Date,"
                     "Contact owner\n";
    for (int i = 0; i < rows; ++i) {
        const QByteArray id = QByteArray::number(firstId + i);
        const bool bad = isBad && isBad(i);
        const QByteArray email = bad ? "ana.ruiz" + id + "(at)example" : "ana.ruiz" + id + "@example.com";
        csv += "\"" + id + "\",\"Ana\",\"" + lastName + "\",\"" + email +
               "\",\"VP Marketing\",\"+1 415 555 0100\",\"Marketing Qualified Lead\",\"Open\","
               "\"Organic Search\",\"United States\",\"Acme Corp\",\"2026-09-14 10:32\","
               "\"Jane Smith\"\n";
    }
    return csv;
}
