#include "adapters/FileSecretStore.h"
#include "adapters/KeychainSecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

// Credentials: the file store opted into where no keychain runs (owner-only, refused when
// others can read it) and the keychain, which says why when it cannot be used.
class TestSecretStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void theFileStoreKeepsSecretsForItsOwnerOnly()
    {
        const QString path = m_dir.filePath(QStringLiteral("baton/secrets.json"));
        app::FileSecretStore store(path);
        std::string error;
        QVERIFY(!store.read("hubspot-token", error));
        QVERIFY(error.empty()); // missing, not broken
        QVERIFY(store.write("hubspot-token", "pat-na1-123", error));
        QVERIFY(store.write("webhook-key", "k", error));
        QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(store.read("hubspot-token", error).value_or(""), std::string("pat-na1-123"));
        QVERIFY(store.remove("webhook-key", error));
        QVERIFY(!store.read("webhook-key", error));
        QVERIFY(!store.remove("webhook-key", error));
        QVERIFY(error.find("no such secret") != std::string::npos);

        // Readable by others: refused, and the message says how to fix it.
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadGroup | QFileDevice::ReadOther);
        error.clear();
        QVERIFY(!store.read("hubspot-token", error));
        QVERIFY2(error.find("chmod 600") != std::string::npos, error.c_str());
        QVERIFY(!store.write("other", "x", error));
    }

    void aBrokenFileIsReportedNotGuessed()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        std::string error;
        QVERIFY(!app::FileSecretStore(path).read("x", error));
        QVERIFY2(error.find("not a JSON object") != std::string::npos, error.c_str());
    }

    // Here (CI, a container) there is usually no keychain service: whatever happens, the
    // answer comes back, and a failure says what it was.
    void theKeychainAnswersOrSaysWhyNot()
    {
        app::KeychainSecretStore keychain;
        std::string error;
        const bool wrote = keychain.write("baton-test-secret", "v", error);
        if (!wrote) {
            QVERIFY(!error.empty());
            QVERIFY2(error.find("keychain") != std::string::npos, error.c_str());
            return;
        }
        QCOMPARE(keychain.read("baton-test-secret", error).value_or(""), std::string("v"));
        QVERIFY(keychain.remove("baton-test-secret", error));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "test_secret_store.moc"
