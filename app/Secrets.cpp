#include "Secrets.h"

#include "adapters/FileSecretStore.h"
#include "adapters/KeychainSecretStore.h"

#include <QFile>

namespace baton::app {

std::optional<std::string> readSecret(const std::string &name, std::string &error,
                                      std::string &where)
{
    KeychainSecretStore keychain;
    std::string keychainError;
    if (auto value = keychain.read(name, keychainError)) {
        where = keychain.describe();
        return value;
    }
    // The file only when the user chose it: it exists because `secret set --file` wrote it.
    FileSecretStore file(FileSecretStore::defaultPath());
    if (QFile::exists(FileSecretStore::defaultPath())) {
        std::string fileError;
        if (auto value = file.read(name, fileError)) {
            where = file.describe();
            return value;
        }
        if (!fileError.empty()) {
            error = fileError;
            return std::nullopt;
        }
    }
    error = keychainError.empty() ? "no secret '" + name + "' in the OS keychain" : keychainError;
    return std::nullopt;
}

} // namespace baton::app
