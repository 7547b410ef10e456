#include "adapters/KeychainSecretStore.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace baton::app {

namespace {

const QString kService = QStringLiteral("baton");
constexpr const char *kNoKeychainHint =
    ". On Linux the keychain is a Secret Service such as gnome-keyring; where none runs, "
    "`baton secret set NAME --file` keeps secrets in a file only you can read (mode 0600)";

// Runs a job to its end and returns whether it succeeded; `error` explains a failure.
bool run(QKeychain::Job &job, std::string &error, bool missingIsError)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // a secret in plain text is not what the user asked for
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    switch (job.error()) {
    case QKeychain::NoError:
        return true;
    case QKeychain::EntryNotFound:
        if (missingIsError)
            error = "no such secret in the OS keychain";
        return false;
    case QKeychain::NoBackendAvailable:
        error = "no OS keychain service is available (" + job.errorString().toStdString() + ")" +
                kNoKeychainHint;
        return false;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        error = "the OS keychain refused access: " + job.errorString().toStdString();
        return false;
    default:
        // Without a D-Bus session QtKeychain says only "Unknown error": name the likely cause.
        error = "the OS keychain failed (" + job.errorString().toStdString() + ")" +
                (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
                     ? std::string("; there is no D-Bus session, so no keychain service") +
                           kNoKeychainHint
                     : std::string());
        return false;
    }
}

} // namespace

std::optional<std::string> KeychainSecretStore::read(const std::string &name, std::string &error)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(QString::fromStdString(name));
    if (!run(job, error, false))
        return std::nullopt;
    return job.textData().toStdString();
}

bool KeychainSecretStore::write(const std::string &name, const std::string &value,
                                std::string &error)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(QString::fromStdString(name));
    job.setTextData(QString::fromStdString(value));
    return run(job, error, true);
}

bool KeychainSecretStore::remove(const std::string &name, std::string &error)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(QString::fromStdString(name));
    return run(job, error, true);
}

} // namespace baton::app
