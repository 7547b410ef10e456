#pragma once

#include "ports/SecretStore.h"

#include <QJsonObject>
#include <QString>

namespace baton::app {

// Secrets in a JSON file readable by its owner only (mode 0600), for machines without a
// keychain service, and only when the user opts in. A file anyone else can read is refused,
// not used: say so, and let the owner fix the mode. Writes replace the file atomically.
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString path);

    std::optional<std::string> read(const std::string &name, std::string &error) override;
    bool write(const std::string &name, const std::string &value, std::string &error) override;
    bool remove(const std::string &name, std::string &error) override;
    std::string describe() const override;

    // ~/.config/baton/secrets.json (XDG_CONFIG_HOME honoured).
    static QString defaultPath();

private:
    bool load(QJsonObject &out, std::string &error) const;
    bool save(const QJsonObject &secrets, std::string &error) const;

    QString m_path;
};

} // namespace baton::app
