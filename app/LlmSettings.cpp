#include "LlmSettings.h"

#include "Secrets.h"
#include "Settings.h"

#include <QUrl>

namespace baton::app {

std::optional<agents::LlmConfig> llmConfigFromSettings(QString url, QString model, QString *error)
{
    const ui::Settings settings;
    if (url.isEmpty())
        url = settings.llmUrl();
    if (url.isEmpty())
        return std::nullopt;
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() ||
        (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))) {
        if (error)
            *error = QStringLiteral("the LLM URL '%1' is not an http(s) URL").arg(url);
        return std::nullopt;
    }
    agents::LlmConfig config;
    config.url = url.toStdString();
    config.model = (model.isEmpty() ? settings.llmModel() : model).toStdString();
    // The key: BATON_LLM_API_KEY, else the keychain's "llm-api-key"; never the settings.
    config.apiKey = qgetenv("BATON_LLM_API_KEY").toStdString();
    if (config.apiKey.empty()) {
        std::string secretError, where;
        if (auto key = readSecret("llm-api-key", secretError, where))
            config.apiKey = *key;
    }
    config.timeoutMs = settings.llmTimeoutSeconds() * 1000;
    return config;
}

} // namespace baton::app
