#include "TempStore.h"

#include "ingest/DropFolderSync.h"

#include <QDir>
#include <QTest>

#include <atomic>
#include <filesystem>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

using baton::ingest::DropFolderSync;
using baton::ingest::SyncOptions;

class TestDropFolderSync : public QObject
{
    Q_OBJECT

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

    static QByteArray contacts(int from, int to)
    {
        QByteArray data = "Record ID,Email\n";
        for (int i = from; i < to; ++i)
            data += QByteArray::number(i) + ",person" + QByteArray::number(i) + "@example.com\n";
        return data;
    }

    SyncOptions fast() const
    {
        SyncOptions options;
        options.settle = std::chrono::milliseconds(50);
        return options;
    }

private slots:
    void importsNewFilesInNameOrderOnce()
    {
        TempStore s;
        QTemporaryDir drop;
        writeFile(drop.filePath("b-contacts.csv"), contacts(100, 110));
        writeFile(drop.filePath("a-contacts.csv"), contacts(0, 10));
        writeFile(drop.filePath("c-updates.csv"), "Record ID,Email,Job Title\n1,person1@example.com,CTO\n");
        writeFile(drop.filePath("README.txt"), "exports land here");
        writeFile(drop.filePath(".~lock.a-contacts.csv#"), "lock");

        DropFolderSync sync(s.db, s.registry, s.clock);
        const auto first = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(first.imported.size(), 3u);
        QCOMPARE(first.imported[0].fileName, std::string("a-contacts.csv"));
        QCOMPARE(first.imported[1].fileName, std::string("b-contacts.csv"));
        QCOMPARE(first.imported[2].fileName, std::string("c-updates.csv"));
        QCOMPARE(first.imported[2].counts.updated, 1); // applied after a-contacts, as name order says
        QCOMPARE(first.ignored.size(), 2u);
        QCOMPARE(s.scalar("SELECT count(*) FROM leads"), 20);
        QCOMPARE(s.text("SELECT last_file_name FROM sync_cursors"), QStringLiteral("c-updates.csv"));
        QCOMPARE(s.scalar("SELECT files_imported FROM sync_cursors"), 3);

        const auto second = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(second.imported.size(), 0u);
        QCOMPARE(second.alreadySeen.size(), 3u);
        QCOMPARE(s.scalar("SELECT count(*) FROM ingest_batches"), 3);

        writeFile(drop.filePath("d-contacts.csv"), contacts(200, 205));
        const auto third = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(third.imported.size(), 1u);
        QCOMPARE(third.imported[0].fileName, std::string("d-contacts.csv"));
        QCOMPARE(s.scalar("SELECT count(*) FROM leads"), 25);
    }

    void leavesAFileThatIsStillBeingWritten()
    {
        TempStore s;
        QTemporaryDir drop;
        writeFile(drop.filePath("done.csv"), contacts(0, 5));
        const QString growing = drop.filePath("growing.csv");
        writeFile(growing, "Record ID,Email\n");
        std::atomic<bool> stop = false;
        std::thread writer([&] {
            QFile f(growing);
            f.open(QIODevice::Append);
            for (int i = 0; !stop && i < 400; ++i) {
                f.write(QByteArray::number(1000 + i) + ",late" + QByteArray::number(i) + "@example.com\n");
                f.flush();
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
        SyncOptions options;
        options.settle = std::chrono::milliseconds(300);
        DropFolderSync sync(s.db, s.registry, s.clock);
        const auto during = sync.sync(drop.path().toStdString(), options);
        stop = true;
        writer.join();
        QCOMPARE(during.imported.size(), 1u);
        QCOMPARE(during.stillBeingWritten, std::vector<std::string>{"growing.csv"});

        const auto after = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(after.imported.size(), 1u);
        QCOMPARE(after.imported[0].fileName, std::string("growing.csv"));
        QVERIFY(after.imported[0].counts.accepted > 0);
    }

    void remembersAFailedFileUntilItChanges()
    {
        TempStore s;
        QTemporaryDir drop;
        writeFile(drop.filePath("broken.csv"), "Record ID;Email\n1;a@example.com\n");
        DropFolderSync sync(s.db, s.registry, s.clock);
        const auto first = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(first.failed(), 1);
        const auto again = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(again.imported.size(), 0u);
        QCOMPARE(again.alreadySeen.size(), 1u);
        writeFile(drop.filePath("broken.csv"), "Record ID,Email\n1,a@example.com\n");
        const auto fixed = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(fixed.imported.size(), 1u);
        QCOMPARE(fixed.failed(), 0);
    }

    void aFileImportedByHandIsNotImportedTwice()
    {
        TempStore s;
        QTemporaryDir drop;
        const QByteArray data = contacts(0, 3);
        s.import(QStringLiteral("manual.csv"), data);
        writeFile(drop.filePath("copy.csv"), data);
        DropFolderSync sync(s.db, s.registry, s.clock);
        const auto r = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(r.imported.size(), 0u);
        QCOMPARE(r.alreadySeen.size(), 1u);
        QCOMPARE(s.scalar("SELECT count(*) FROM ingest_batches"), 1);
    }

    void trustsNameSizeAndTimeLikeRsync()
    {
        TempStore s;
        QTemporaryDir drop;
        const QString path = drop.filePath("contacts.csv");
        writeFile(path, "Record ID,Email\n1,aaa@example.com\n");
        // A time set, not read back: read through a shifted clock (faketime shifts what stat
        // says too) and written again, it would move by the shift.
        const auto stamp = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
        std::filesystem::last_write_time(path.toStdString(), stamp);
        DropFolderSync sync(s.db, s.registry, s.clock);
        QCOMPARE(sync.sync(drop.path().toStdString(), fast()).imported.size(), 1u);
        // Same name, size and time: not even read, so this same-length edit goes unseen...
        writeFile(path, "Record ID,Email\n1,bbb@example.com\n");
        std::filesystem::last_write_time(path.toStdString(), stamp);
        QCOMPARE(sync.sync(drop.path().toStdString(), fast()).alreadySeen.size(), 1u);
        // ...until the time moves, as it does whenever a tool writes the file.
        std::filesystem::last_write_time(path.toStdString(), stamp + std::chrono::seconds(5));
        const auto r = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(r.imported.size(), 1u);
        QCOMPARE(r.imported[0].counts.updated, 1);
    }

    static std::string reasonFor(const baton::ingest::SyncReport &r, const std::string &file)
    {
        for (const auto &skipped : r.skipped)
            if (skipped.file == file)
                return skipped.reason;
        return {};
    }

    // Only regular files are read: a symlink (to a file outside the folder, here) is not
    // followed, and a fifo, a directory or a socket is skipped, each with its reason.
    void skipsWhatIsNotARegularFile()
    {
        TempStore s;
        QTemporaryDir drop, elsewhere;
        writeFile(elsewhere.filePath("secret.csv"), contacts(0, 5));
        writeFile(drop.filePath("real.csv"), contacts(10, 12));
        QVERIFY(QFile::link(elsewhere.filePath("secret.csv"), drop.filePath("link.csv")));
        QCOMPARE(::mkfifo(drop.filePath("pipe.csv").toLocal8Bit().constData(), 0600), 0);
        QVERIFY(QDir(drop.path()).mkdir("folder.csv"));
        DropFolderSync sync(s.db, s.registry, s.clock);
        const auto r = sync.sync(drop.path().toStdString(), fast());
        QCOMPARE(r.imported.size(), 1u);
        QCOMPARE(s.scalar("SELECT count(*) FROM leads"), 2);
        QCOMPARE(s.scalar("SELECT count(*) FROM quarantine"), 0);
        QCOMPARE(reasonFor(r, "link.csv"), std::string("a symbolic link: not followed"));
        QCOMPARE(reasonFor(r, "pipe.csv"), std::string("a fifo: not a regular file"));
        QCOMPARE(reasonFor(r, "folder.csv"), std::string("a directory: not a regular file"));
    }

    // A file that cannot be read is remembered by name, size and time: the next sync skips
    // it without trying again, until it changes.
    void anUnreadableFileIsNotRetriedUntilItChanges()
    {
        TempStore s;
        QTemporaryDir drop;
        const QString path = drop.filePath("locked.csv");
        writeFile(path, contacts(0, 3));
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        // Root reads a mode-000 file: the syncs run as nobody then (the store is open already).
        QVERIFY(QFile::setPermissions(drop.path(), QFileDevice::Permissions(0x7777)));
        const bool root = ::geteuid() == 0;
        const auto syncOnce = [&](DropFolderSync &sync) {
            if (root && ::seteuid(65534) != 0)
                qFatal("seteuid");
            auto r = sync.sync(drop.path().toStdString(), fast());
            if (root && ::seteuid(0) != 0)
                qFatal("seteuid back");
            return r;
        };
        DropFolderSync sync(s.db, s.registry, s.clock);
        const auto first = syncOnce(sync);
        QVERIFY2(reasonFor(first, "locked.csv").find("Permission denied") != std::string::npos,
                 reasonFor(first, "locked.csv").c_str());
        const auto second = syncOnce(sync);
        QCOMPARE(reasonFor(second, "locked.csv"),
                 std::string("could not be read before and has not changed since"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        writeFile(path, contacts(0, 4));
        std::filesystem::last_write_time(path.toStdString(),
                                         std::filesystem::file_time_type::clock::now() +
                                             std::chrono::seconds(5));
        QCOMPARE(sync.sync(drop.path().toStdString(), fast()).imported.size(), 1u);
    }

    void refusesAMissingFolder()
    {
        TempStore s;
        DropFolderSync sync(s.db, s.registry, s.clock);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, sync.sync("/nonexistent/drop", fast()));
    }
};

QTEST_GUILESS_MAIN(TestDropFolderSync)
#include "test_drop_folder_sync.moc"
