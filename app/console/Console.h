#pragma once

#include <QString>
#include <memory>
#include <string>

class QApplication;

namespace baton {
class Clock;
}
namespace baton::ui {
class FileDialogs;
class MainWindow;
class MessageBoxes;
class Notifier;
class ReviewDialogs;
class Settings;
} // namespace baton::ui

namespace baton::app {

// Opens the review console on a store: installs the system locale's translation, opens
// the store (a clear message box if it is corrupt or not Baton's), shows the main window
// and runs the event loop. Returns the exit code.
int runConsole(QApplication &app, const struct ConsoleLaunch &launch);

// The console's composition: store connection for the ui thread, contract registry,
// background runners, settings, the context every page gets and the main window, in the
// order they must outlive each other. Seams left null get their Qt implementations (and the
// system clock).
class Console
{
public:
    struct Seams
    {
        ui::MessageBoxes *messageBoxes = nullptr;
        ui::FileDialogs *fileDialogs = nullptr;
        ui::Settings *settings = nullptr;
        ui::ReviewDialogs *reviewDialogs = nullptr;
        const Clock *clock = nullptr;     // the moment `--now` names, running on
        ui::Notifier *notifier = nullptr; // desktop notifications: the system tray's
    };

    Console();
    explicit Console(Seams seams);
    ~Console();
    Console(const Console &) = delete;
    Console &operator=(const Console &) = delete;

    // Opens the store and builds the window (not shown). On failure shows the reason
    // through the message-box seam and returns false.
    // `user` (email or name) overrides the Settings' profile for this window.
    bool open(const QString &storePath, const QString &user = {});
    ui::MainWindow *window() const;

private:
    // Who acts: `user` if given, else Settings' choice, else (outside a demo) the profile
    // bound to `account`; a demo opens on a manager's view of the whole team.
    QString whoActs(const QString &user, const std::string &account, bool demo) const;
    QString teamUser(const std::string &login) const;
    // A store others can read: the owner hears of it once, with the command that fixes it.
    void warnIfExposed(const QString &storePath);
    struct Parts;
    std::unique_ptr<Parts> m_parts;
    Seams m_seams;
};

} // namespace baton::app
