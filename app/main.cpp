#include "TeamPassword.h"
#include "cli/Command.h"
#include "console/Console.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <mimalloc.h>
#include <sys/stat.h>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Baton"));
    QCoreApplication::setApplicationName(QStringLiteral("Baton"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    // Referencing mimalloc keeps the linker from dropping it: it must be loaded for its
    // malloc to replace glibc's (see app/CMakeLists.txt).
    static_cast<void>(mi_version());
    // Everything Baton writes (the store, its -wal and -shm, demo data, exports, the JSONL
    // sink, logs) holds people's data: the owner's alone, whatever the shell's umask.
    ::umask(077);
    baton::app::installTeamPasswordSource();

    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Sub-commands run headless (no display needed); only the console creates a GUI app.
    // `bench console` times real widgets: it needs the GUI application, off screen unless
    // there is a display.
    if (arguments.contains(QLatin1String("bench")) &&
        arguments.contains(QLatin1String("console"))) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        describeApplication();
        QTextStream out(stdout), err(stderr);
        return baton::app::runCommandLine(arguments, out, err, nullptr);
    }
    baton::app::ConsoleLaunch launch;
    {
        describeApplication();
        QCoreApplication probe(argc, argv);
        QTextStream out(stdout), err(stderr);
        const int code = baton::app::runCommandLine(arguments, out, err, &launch);
        if (code != baton::app::kNoCommand)
            return code;
    }
    QApplication app(argc, argv);
    describeApplication();
    return baton::app::runConsole(app, launch);
}
