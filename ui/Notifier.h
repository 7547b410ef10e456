#pragma once

#include <QString>

class QObject;
class QSystemTrayIcon;

namespace baton::ui {

// Tells the person something while they may be in another window: a desktop notification.
// A seam, so tests see what would have been shown (there is no tray under offscreen).
class Notifier
{
public:
    virtual ~Notifier();
    virtual void notify(const QString &title, const QString &text) = 0;
};

// Through the system tray, when the desktop has one: its icon appears with the first
// notification. Without a tray it shows nothing (the navigation's count still says it).
class TrayNotifier final : public Notifier
{
public:
    TrayNotifier();
    ~TrayNotifier() override;
    TrayNotifier(const TrayNotifier &) = delete;
    TrayNotifier &operator=(const TrayNotifier &) = delete;

    void notify(const QString &title, const QString &text) override;

private:
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace baton::ui
