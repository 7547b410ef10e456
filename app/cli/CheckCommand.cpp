#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "store/Database.h"
#include "store/FilePrivacy.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace baton::app {

QString CheckCommand::name() const
{
    return QStringLiteral("check");
}

QString CheckCommand::summary() const
{
    return QStringLiteral("Read every page of the store and report damage (opening checks every "
                          "page only of stores up to 256 MiB)");
}

void CheckCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("thorough"),
                      QStringLiteral("integrity_check instead of quick_check: also that every "
                                     "index matches its table (slower).")});
}

int CheckCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    // A team database has no file here: opening it is what checks that it is there.
    if (!store::isPostgresLocation(context.storePath.toStdString()) &&
        !QFileInfo::exists(context.storePath)) {
        context.err << "baton check: no store at " << context.storePath << "\n";
        return 1;
    }
    const bool thorough = parser.isSet(QStringLiteral("thorough"));
    QElapsedTimer timer;
    timer.start();
    std::vector<std::string> problems;
    try {
        // Read-only and unchecked: this command is the check, and must not migrate or write
        // to a store that may be damaged.
        auto db = store::Database::open(context.storePath.toStdString(),
                                        {.readOnly = true, .create = false, .quickCheck = false});
        problems = db.checkIntegrity(thorough);
    } catch (const std::exception &e) {
        context.out << context.storePath << ": DAMAGED: " << e.what() << "\n";
        return 1;
    }
    const auto exposed = store::exposedStoreFiles(context.storePath.toStdString());
    for (const auto &e : exposed)
        context.out << "WARNING: " << QString::fromStdString(e) << "\n";
    if (!exposed.empty())
        context.out << "  others on this machine can read the leads in it; to fix: "
                    << QString::fromStdString(store::privacyFix(context.storePath.toStdString()))
                    << "\n";
    const QString what =
        thorough ? QStringLiteral("integrity_check") : QStringLiteral("quick_check");
    const QString took = QString::number(timer.nsecsElapsed() / 1e9, 'f', 1);
    if (problems.empty()) {
        context.out << context.storePath << ": ok (" << what << ", " << took << " s)\n";
        return 0;
    }
    context.out << context.storePath << ": DAMAGED (" << what << ", " << problems.size()
                << " findings, " << took << " s):\n";
    for (const auto &p : problems)
        context.out << "  " << QString::fromStdString(p) << "\n";
    return 1;
}

} // namespace baton::app
