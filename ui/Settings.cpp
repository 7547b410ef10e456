#include "Settings.h"

#include "pages/PageCatalog.h"

#include <QDir>
#include <array>

namespace baton::ui {

namespace {

struct KeyInfo
{
    Settings::Key key;
    const char *name;
    QVariant (*defaultValue)();
};

const std::array<KeyInfo, 16> kKeys = {{
    {Settings::Key::WindowGeometry, "window/geometry", [] { return QVariant(QByteArray()); }},
    {Settings::Key::WindowState, "window/state", [] { return QVariant(QByteArray()); }},
    {Settings::Key::DataPageSplitter, "dataPage/splitter", [] { return QVariant(QByteArray()); }},
    {Settings::Key::LastPage, "window/lastPage",
     [] { return QVariant(static_cast<int>(PageId::Inbox)); }},
    {Settings::Key::LastImportDirectory, "import/lastDirectory",
     [] { return QVariant(QDir::homePath()); }},
    {Settings::Key::LlmUrl, "llm/url", [] { return QVariant(QString()); }},
    {Settings::Key::LlmModel, "llm/model", [] { return QVariant(QStringLiteral("gpt-4o-mini")); }},
    {Settings::Key::ReviewUser, "review/user", [] { return QVariant(QString()); }},
    {Settings::Key::HubSpotUrl, "crm/hubspotUrl", [] { return QVariant(QString()); }},
    {Settings::Key::SalesforceUrl, "crm/salesforceUrl", [] { return QVariant(QString()); }},
    {Settings::Key::SalesforceClientId, "crm/salesforceClientId",
     [] { return QVariant(QString()); }},
    {Settings::Key::WebhookUrl, "delivery/webhookUrl", [] { return QVariant(QString()); }},
    {Settings::Key::JsonlFile, "delivery/jsonlFile", [] { return QVariant(QString()); }},
    {Settings::Key::LlmTimeoutSeconds, "llm/timeoutSeconds", [] { return QVariant(30); }},
    {Settings::Key::LastInboxVisit, "inbox/lastVisit", [] { return QVariant(QString()); }},
    {Settings::Key::TeamDatabase, "store/teamDatabase", [] { return QVariant(QString()); }},
}};

const KeyInfo &info(Settings::Key key)
{
    for (const KeyInfo &k : kKeys)
        if (k.key == key)
            return k;
    Q_UNREACHABLE();
}

} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                             QStringLiteral("Baton"), QStringLiteral("baton")))
{
}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QString Settings::keyName(Key key)
{
    return QString::fromLatin1(info(key).name);
}
QVariant Settings::defaultValue(Key key)
{
    return info(key).defaultValue();
}

QVariant Settings::value(Key key) const
{
    return m_settings->value(keyName(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(keyName(key), value);
}

QByteArray Settings::windowGeometry() const
{
    return value(Key::WindowGeometry).toByteArray();
}
void Settings::setWindowGeometry(const QByteArray &g)
{
    setValue(Key::WindowGeometry, g);
}
QByteArray Settings::windowState() const
{
    return value(Key::WindowState).toByteArray();
}
void Settings::setWindowState(const QByteArray &s)
{
    setValue(Key::WindowState, s);
}
QByteArray Settings::dataPageSplitter() const
{
    return value(Key::DataPageSplitter).toByteArray();
}
void Settings::setDataPageSplitter(const QByteArray &s)
{
    setValue(Key::DataPageSplitter, s);
}

int Settings::lastPage() const
{
    bool ok = false;
    const int page = value(Key::LastPage).toInt(&ok);
    return ok && page >= 0 && page < kPageCount ? page : defaultValue(Key::LastPage).toInt();
}
void Settings::setLastPage(int page)
{
    setValue(Key::LastPage, page);
}

QString Settings::lastImportDirectory() const
{
    return value(Key::LastImportDirectory).toString();
}
void Settings::setLastImportDirectory(const QString &d)
{
    setValue(Key::LastImportDirectory, d);
}

void Settings::sync()
{
    m_settings->sync();
}

QString Settings::llmUrl() const
{
    return value(Key::LlmUrl).toString();
}
void Settings::setLlmUrl(const QString &url)
{
    setValue(Key::LlmUrl, url);
}
QString Settings::llmModel() const
{
    return value(Key::LlmModel).toString();
}
void Settings::setLlmModel(const QString &model)
{
    setValue(Key::LlmModel, model);
}
QString Settings::hubSpotUrl() const
{
    return value(Key::HubSpotUrl).toString();
}
void Settings::setHubSpotUrl(const QString &url)
{
    setValue(Key::HubSpotUrl, url);
}

QString Settings::salesforceUrl() const
{
    return value(Key::SalesforceUrl).toString();
}
void Settings::setSalesforceUrl(const QString &url)
{
    setValue(Key::SalesforceUrl, url);
}
QString Settings::salesforceClientId() const
{
    return value(Key::SalesforceClientId).toString();
}
void Settings::setSalesforceClientId(const QString &id)
{
    setValue(Key::SalesforceClientId, id);
}
QString Settings::webhookUrl() const
{
    return value(Key::WebhookUrl).toString();
}
void Settings::setWebhookUrl(const QString &url)
{
    setValue(Key::WebhookUrl, url);
}
QString Settings::jsonlFile() const
{
    return value(Key::JsonlFile).toString();
}
void Settings::setJsonlFile(const QString &path)
{
    setValue(Key::JsonlFile, path);
}

int Settings::llmTimeoutSeconds() const
{
    bool ok = false;
    const int seconds = value(Key::LlmTimeoutSeconds).toInt(&ok);
    return ok && seconds > 0 && seconds <= 600 ? seconds
                                               : defaultValue(Key::LlmTimeoutSeconds).toInt();
}
void Settings::setLlmTimeoutSeconds(int seconds)
{
    setValue(Key::LlmTimeoutSeconds, seconds);
}

QString Settings::teamDatabase() const
{
    return value(Key::TeamDatabase).toString();
}

void Settings::setTeamDatabase(const QString &location)
{
    setValue(Key::TeamDatabase, location);
}

QString Settings::reviewUser() const
{
    return value(Key::ReviewUser).toString();
}

void Settings::setReviewUser(const QString &user)
{
    setValue(Key::ReviewUser, user);
}

QDateTime Settings::lastInboxVisit(const QString &user) const
{
    // One per profile: whoever acts on this machine has their own "new since".
    const QString key = keyName(Key::LastInboxVisit) + QLatin1Char('/') +
                        QString::fromLatin1(user.toUtf8().toPercentEncoding());
    return QDateTime::fromString(m_settings->value(key).toString(), Qt::ISODate);
}

void Settings::setLastInboxVisit(const QString &user, const QDateTime &at)
{
    const QString key = keyName(Key::LastInboxVisit) + QLatin1Char('/') +
                        QString::fromLatin1(user.toUtf8().toPercentEncoding());
    m_settings->setValue(key, at.toUTC().toString(Qt::ISODate));
}

} // namespace baton::ui
