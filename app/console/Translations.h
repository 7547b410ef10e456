#pragma once

#include <QLocale>

class QCoreApplication;

namespace baton::app {

// Installs Baton's translation for `locale` (compiled in as :/i18n/baton_<lang>.qm) and
// Qt's own, for standard dialogs, when the system has it. The translators are children
// of `app`. Returns whether Baton's translation was found; English needs none.
bool installTranslators(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace baton::app
