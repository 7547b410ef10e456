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

const std::array<KeyInfo, 5> kKeys = {{
    {Settings::Key::WindowGeometry, "window/geometry", [] { return QVariant(QByteArray()); }},
    {Settings::Key::WindowState, "window/state", [] { return QVariant(QByteArray()); }},
    {Settings::Key::DataPageSplitter, "dataPage/splitter", [] { return QVariant(QByteArray()); }},
    {Settings::Key::LastPage, "window/lastPage",
     [] { return QVariant(static_cast<int>(PageId::Data)); }},
    {Settings::Key::LastImportDirectory, "import/lastDirectory",
     [] { return QVariant(QDir::homePath()); }},
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

QString Settings::keyName(Key key) { return QString::fromLatin1(info(key).name); }
QVariant Settings::defaultValue(Key key) { return info(key).defaultValue(); }

QVariant Settings::value(Key key) const
{
    return m_settings->value(keyName(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant &value) { m_settings->setValue(keyName(key), value); }

QByteArray Settings::windowGeometry() const { return value(Key::WindowGeometry).toByteArray(); }
void Settings::setWindowGeometry(const QByteArray &g) { setValue(Key::WindowGeometry, g); }
QByteArray Settings::windowState() const { return value(Key::WindowState).toByteArray(); }
void Settings::setWindowState(const QByteArray &s) { setValue(Key::WindowState, s); }
QByteArray Settings::dataPageSplitter() const { return value(Key::DataPageSplitter).toByteArray(); }
void Settings::setDataPageSplitter(const QByteArray &s) { setValue(Key::DataPageSplitter, s); }

int Settings::lastPage() const
{
    bool ok = false;
    const int page = value(Key::LastPage).toInt(&ok);
    return ok && page >= 0 && page < kPageCount ? page : defaultValue(Key::LastPage).toInt();
}
void Settings::setLastPage(int page) { setValue(Key::LastPage, page); }

QString Settings::lastImportDirectory() const { return value(Key::LastImportDirectory).toString(); }
void Settings::setLastImportDirectory(const QString &d) { setValue(Key::LastImportDirectory, d); }

void Settings::sync() { m_settings->sync(); }

} // namespace baton::ui
