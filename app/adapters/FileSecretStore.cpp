#include "adapters/FileSecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace baton::app {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

FileSecretStore::FileSecretStore(QString path) : m_path(std::move(path))
{
}

QString FileSecretStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("baton/secrets.json"));
}

std::string FileSecretStore::describe() const
{
    return "the file " + m_path.toStdString() + " (mode 0600)";
}

bool FileSecretStore::load(QJsonObject &out, std::string &error) const
{
    QFile file(m_path);
    if (!file.exists()) {
        out = {};
        return true;
    }
    const auto permissions =
        file.permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                              QFileDevice::ReadOther | QFileDevice::WriteOther);
    if (permissions != 0) {
        error = m_path.toStdString() +
                " can be read by others than its owner; refusing to use it (chmod 600 it)";
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        error = "cannot read " + m_path.toStdString() + ": " + file.errorString().toStdString();
        return false;
    }
    QJsonParseError parse{};
    const auto doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        error = m_path.toStdString() +
                " is not a JSON object of secrets: " + parse.errorString().toStdString();
        return false;
    }
    out = doc.object();
    return true;
}

bool FileSecretStore::save(const QJsonObject &secrets, std::string &error) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = "cannot write " + m_path.toStdString() + ": " + file.errorString().toStdString();
        return false;
    }
    // Owner-only before a byte is written, so the secret never sits in a readable file.
    file.setPermissions(kOwnerOnly);
    file.write(QJsonDocument(secrets).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        error = "cannot write " + m_path.toStdString() + ": " + file.errorString().toStdString();
        return false;
    }
    QFile::setPermissions(m_path, kOwnerOnly);
    return true;
}

std::optional<std::string> FileSecretStore::read(const std::string &name, std::string &error)
{
    QJsonObject secrets;
    if (!load(secrets, error))
        return std::nullopt;
    const auto value = secrets.value(QString::fromStdString(name));
    if (!value.isString())
        return std::nullopt;
    return value.toString().toStdString();
}

bool FileSecretStore::write(const std::string &name, const std::string &value, std::string &error)
{
    QJsonObject secrets;
    if (!load(secrets, error))
        return false;
    secrets.insert(QString::fromStdString(name), QString::fromStdString(value));
    return save(secrets, error);
}

bool FileSecretStore::remove(const std::string &name, std::string &error)
{
    QJsonObject secrets;
    if (!load(secrets, error))
        return false;
    if (!secrets.contains(QString::fromStdString(name))) {
        error = "no such secret in " + m_path.toStdString();
        return false;
    }
    secrets.remove(QString::fromStdString(name));
    return save(secrets, error);
}

} // namespace baton::app
