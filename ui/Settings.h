#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSettings>
#include <QString>
#include <QVariant>
#include <memory>

namespace baton::ui {

// Typed access to the person's settings. Every key, with its default, is in one table in
// Settings.cpp; nothing else in the ui spells a settings key.
class Settings
{
public:
    // The user's settings (QSettings' native place for organisation "Baton").
    Settings();
    // A settings file of its own: tests, portable installs.
    explicit Settings(const QString &iniFile);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray dataPageSplitter() const;
    void setDataPageSplitter(const QByteArray &state);
    // Index of the page shown last (PageId); the Data page by default.
    int lastPage() const;
    void setLastPage(int page);
    QString lastImportDirectory() const;
    void setLastImportDirectory(const QString &directory);
    // The summarization agent's optional LLM backend: an OpenAI-compatible
    // /v1/chat/completions URL (empty: deterministic summaries only), model, timeout. Its key
    // is a credential: the OS keychain holds it (`baton secret set llm-api-key`).
    QString llmUrl() const;
    void setLlmUrl(const QString &url);
    QString llmModel() const;
    void setLlmModel(const QString &model);
    // Where the console pushes approved briefs: HubSpot's API base URL (empty: it does not;
    // `baton push` still can). The token is in the keychain, as "hubspot-token".
    QString hubSpotUrl() const;
    void setHubSpotUrl(const QString &url);
    // Salesforce instead or as well: the instance URL and the connected app's consumer key
    // (both needed); the refresh token is in the keychain as "salesforce-refresh-token".
    QString salesforceUrl() const;
    void setSalesforceUrl(const QString &url);
    QString salesforceClientId() const;
    void setSalesforceClientId(const QString &id);
    // Delivery beyond the CRM, for the targets `baton outbox enable` turned on: the webhook's
    // URL (its secret in the keychain as "webhook-secret") and the JSONL file.
    QString webhookUrl() const;
    void setWebhookUrl(const QString &url);
    QString jsonlFile() const;
    void setJsonlFile(const QString &path);
    int llmTimeoutSeconds() const;
    void setLlmTimeoutSeconds(int seconds);
    // The user profile (email) the console acts as; `--user NAME` overrides it per launch.
    QString reviewUser() const;
    void setReviewUser(const QString &user);
    // When `user` last opened their inbox (invalid: never), for "new since my last visit".
    QDateTime lastInboxVisit(const QString &user) const;
    void setLastInboxVisit(const QString &user, const QDateTime &at);

    // The team's PostgreSQL database the console opens (a libpq URI or "service=NAME";
    // empty: this computer's store file). `--store` and BATON_STORE come first.
    QString teamDatabase() const;
    void setTeamDatabase(const QString &location);

    void sync();

    enum class Key
    {
        WindowGeometry,
        WindowState,
        DataPageSplitter,
        LastPage,
        LastImportDirectory,
        LlmUrl,
        LlmModel,
        HubSpotUrl,
        SalesforceUrl,
        SalesforceClientId,
        WebhookUrl,
        JsonlFile,
        LlmTimeoutSeconds,
        ReviewUser,
        LastInboxVisit, // a group: one entry per user
        TeamDatabase,
    };
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

private:
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace baton::ui
