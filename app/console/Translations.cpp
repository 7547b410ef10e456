#include "console/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace baton::app {

bool installTranslators(QCoreApplication &app, const QLocale &locale)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;

    auto *baton = new QTranslator(&app);
    if (baton->load(locale, QStringLiteral("baton"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(baton);
        return true;
    }
    delete baton;
    return false;
}

} // namespace baton::app
