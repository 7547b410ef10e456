#include "store/FilePrivacy.h"
#include "store/OpenStore.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

namespace {

// The permission bits of a file, as `ls -l` would show them in octal.
int modeOf(const QString &path)
{
    struct stat st{};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

} // namespace

// What Baton creates is its owner's alone, whatever umask the shell left: the store, its
// -wal and -shm, its folder, demo data and exports. A store others can read is named.
class TestPrivacy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Run
    {
        int code = -1;
        QString out, err;
    };

    Run baton(const QStringList &arguments)
    {
        QProcess child;
        child.start(QStringLiteral(BATON_EXECUTABLE),
                    QStringList{QStringLiteral("--now"), QStringLiteral("2026-11-20T12:00:00Z")} +
                        arguments);
        Run r;
        if (!child.waitForFinished(120000))
            return r;
        r.code = child.exitCode();
        r.out = QString::fromUtf8(child.readAllStandardOutput());
        r.err = QString::fromUtf8(child.readAllStandardError());
        return r;
    }

private slots:
    void initTestCase()
    {
        ::umask(022); // the usual shell's: files 0644, folders 0755
    }

    void theStoreIsPrivateEvenWhenOpenedAsALibrary()
    {
        const QString path = m_dir.filePath(QStringLiteral("lib/nested/store.sqlite"));
        {
            auto db = baton::store::openStore(path.toStdString());
            db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x')");
            QCOMPARE(modeOf(path), 0600);
            QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
            QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
        }
        QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("lib/nested"))), 0700);
        QVERIFY(baton::store::exposedStoreFiles(path.toStdString()).empty());
    }

    void everythingTheCommandsWriteIsTheOwners()
    {
        const QString folder = m_dir.filePath(QStringLiteral("home/baton"));
        const QString store = folder + QStringLiteral("/store.sqlite");
        const Run demo = baton({QStringLiteral("--store"), store, QStringLiteral("demo"),
                                QStringLiteral("--leads"), QStringLiteral("30"),
                                QStringLiteral("--days"), QStringLiteral("0")});
        QVERIFY2(demo.code == 0, qPrintable(demo.out + demo.err));
        QCOMPARE(modeOf(store), 0600);
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(folder + QStringLiteral("/demo-data")), 0700);
        const auto files = QDir(folder + QStringLiteral("/demo-data")).entryInfoList(QDir::Files);
        QVERIFY(files.size() >= 4);
        for (const QFileInfo &f : files)
            QVERIFY2(modeOf(f.filePath()) == 0600, qPrintable(f.filePath()));

        const QString kpis = m_dir.filePath(QStringLiteral("kpis.csv"));
        const Run exported = baton({QStringLiteral("--store"), store, QStringLiteral("export"),
                                    QStringLiteral("kpis"), QStringLiteral("--format"),
                                    QStringLiteral("csv"), QStringLiteral("--out"), kpis,
                                    QStringLiteral("--as"), QStringLiteral("Dana Okoro")});
        QVERIFY2(exported.code == 0, qPrintable(exported.out + exported.err));
        QCOMPARE(modeOf(kpis), 0600);

        const Run quiet = baton({QStringLiteral("--store"), store, QStringLiteral("check")});
        QCOMPARE(quiet.code, 0);
        QVERIFY2(!quiet.out.contains(QStringLiteral("WARNING")), qPrintable(quiet.out));
    }

    void checkNamesAStoreOthersCanRead()
    {
        const QString store = m_dir.filePath(QStringLiteral("home/baton/store.sqlite"));
        QVERIFY(::chmod(QFile::encodeName(store).constData(), 0644) == 0);
        QVERIFY(::chmod(QFile::encodeName(m_dir.filePath(QStringLiteral("home/baton"))).constData(),
                        0755) == 0);
        const Run check = baton({QStringLiteral("--store"), store, QStringLiteral("check")});
        QCOMPARE(check.code, 0);
        QVERIFY2(check.out.contains(store + QStringLiteral(" is readable by group and others (0644)")),
                 qPrintable(check.out));
        QVERIFY2(check.out.contains(QStringLiteral(" is listable by group and others (0755)")),
                 qPrintable(check.out));
        QVERIFY2(check.out.contains(QStringLiteral("chmod 600")), qPrintable(check.out));
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "test_privacy.moc"
