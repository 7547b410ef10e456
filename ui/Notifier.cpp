#include "Notifier.h"

#include "Resources.h"

#include <QSystemTrayIcon>

namespace baton::ui {

Notifier::~Notifier() = default;

TrayNotifier::TrayNotifier() = default;

TrayNotifier::~TrayNotifier()
{
    delete m_tray;
}

void TrayNotifier::notify(const QString &title, const QString &text)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(appIcon());
        m_tray->setToolTip(QStringLiteral("Baton"));
        m_tray->show();
    }
    if (QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Information);
}

} // namespace baton::ui
