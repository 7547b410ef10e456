#include "cli/CliSupport.h"

#include "OsAccount.h"
#include "contracts/ContractRegistry.h"
#include "governance/Identity.h"
#include "store/OpenStore.h"

#include <QLocale>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace baton::app {

std::optional<store::Database> openStoreFor(CommandContext &context)
{
    try {
        return store::openStore(context.storePath.toStdString());
    } catch (const std::exception &e) {
        context.err << "baton: " << e.what() << "\n";
        return std::nullopt;
    }
}

QString describeResult(const ingest::ImportResult &r)
{
    auto n = [](qint64 v) { return QLocale(QLocale::English).toString(v); };
    const QString file = QString::fromStdString(r.fileName);
    if (r.sameAsBatch)
        return QStringLiteral("%1: already imported as batch %2 (same content); nothing to do")
            .arg(file)
            .arg(*r.sameAsBatch);
    if (r.failed && r.counts.read == 0)
        return QStringLiteral("%1: FAILED: %2").arg(file, QString::fromStdString(r.error));
    QString text = QStringLiteral("%1 [%2, batch %3]: %4 read, %5 accepted (%6 new, %7 updated, "
                                  "%8 unchanged), %9 quarantined")
                       .arg(file, QString::fromStdString(r.format))
                       .arg(r.batchId)
                       .arg(n(r.counts.read), n(r.counts.accepted), n(r.counts.inserted),
                            n(r.counts.updated), n(r.counts.unchanged), n(r.counts.quarantined));
    if (r.counts.deprecated)
        text += QStringLiteral(", %1 on a deprecated contract version").arg(n(r.counts.deprecated));
    text += QStringLiteral(" in %1 s").arg(r.seconds, 0, 'f', 2);
    if (r.cancelled)
        text += QStringLiteral(" (cancelled)");
    return text;
}

std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name,
                                    qint64 min, qint64 max, CommandContext &context)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        context.err << "baton: --" << name << " must be a whole number from " << min << " to "
                    << max << ", got '" << parser.value(name) << "'\n";
        return std::nullopt;
    }
    return value;
}

TerminalProgress::TerminalProgress(QString label)
    : m_label(std::move(label)), m_enabled(::isatty(STDERR_FILENO) == 1)
{
}

void TerminalProgress::update(double fraction)
{
    if (!m_enabled)
        return;
    const int percent = static_cast<int>(fraction * 100);
    if (percent == m_lastPercent)
        return;
    m_lastPercent = percent;
    const int filled = percent * 30 / 100;
    std::fprintf(stderr, "\r%-28.28s [%-30.*s] %3d%%", qPrintable(m_label), filled,
                 "##############################", percent);
    std::fflush(stderr);
}

void TerminalProgress::finish()
{
    if (m_enabled && m_lastPercent >= 0)
        std::fprintf(stderr, "\r%80s\r", "");
}

double peakMegabytes()
{
    struct rusage usage
    {
    };
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

void addReaderOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("as"),
                      QStringLiteral("Who reads (email or name; default: the profile bound to "
                                     "your OS account). A rep reads only their own briefs."),
                      QStringLiteral("NAME")});
}

std::optional<Acting> acting(const QCommandLineParser &parser, CommandContext &context,
                             store::Database &db, const QString &command, int &exitCode)
{
    governance::Identity identity(db, context.clock);
    const auto login = identity.databaseLogin();
    if (!login)
        return Acting{parser.value(QStringLiteral("as")).toStdString(), osAccount()};
    if (parser.isSet(QStringLiteral("as"))) {
        context.err << "baton " << command
                    << ": --as is for a local store; on a team database you act as the login "
                       "you connected with ("
                    << QString::fromStdString(*login) << ")\n";
        exitCode = 2;
        return std::nullopt;
    }
    const auto bound = identity.boundTo(*login);
    if (!bound) {
        context.err << "baton " << command << ": the database login "
                    << QString::fromStdString(*login)
                    << " has no Baton profile: the team's admin adds it with `baton team "
                       "add-user EMAIL --role ROLE --login "
                    << QString::fromStdString(*login) << "`\n";
        exitCode = 3;
        return std::nullopt;
    }
    return Acting{bound->email, *login};
}

std::optional<review::Actor> whoReads(const QCommandLineParser &parser, CommandContext &context,
                                      review::ReviewService &service, const QString &command,
                                      int &exitCode)
{
    const auto who = acting(parser, context, service.database(), command, exitCode);
    if (!who)
        return std::nullopt;
    const std::string account = who->account;
    std::string name = who->name;
    if (name.empty()) {
        governance::Identity identity(service.database(), context.clock);
        if (const auto bound = identity.boundTo(account); bound && !identity.isDemoStore())
            name = bound->email;
    }
    if (name.empty()) {
        context.err << "baton " << command
                    << ": say who reads with --as NAME (what a profile may read depends on its "
                       "role)\n";
        exitCode = 2;
        return std::nullopt;
    }
    try {
        return service.actAs(name, account);
    } catch (const review::ReviewError &e) {
        context.err << "baton " << command << ": " << e.what() << "\n";
        exitCode = e.kind() == review::ReviewError::Kind::Forbidden ? 3 : 2;
        return std::nullopt;
    }
}

bool mayReadBrief(review::ReviewService &service, const review::Actor &reader, std::int64_t briefId,
                  const QString &command, CommandContext &context)
{
    try {
        service.requireMayRead(reader, briefId);
        return true;
    } catch (const review::ReviewError &e) {
        context.err << "baton " << command << ": " << e.what() << "\n";
        return false;
    }
}

std::optional<review::Actor> readerGranted(const QCommandLineParser &parser,
                                           CommandContext &context, store::Database &db,
                                           const QString &command, governance::Action action,
                                           const QString &what, int &exitCode)
{
    const auto registry = contracts::ContractRegistry::builtIn();
    review::ReviewService service(db, registry, context.clock);
    auto reader = whoReads(parser, context, service, command, exitCode);
    if (!reader || governance::grant(reader->role, action) != governance::Grant::No)
        return reader;
    QStringList roles; // from the matrix, so the message never disagrees with it
    for (const auto role : {governance::Role::Rep, governance::Role::Manager,
                            governance::Role::MarketingOps, governance::Role::Admin})
        if (governance::grant(role, action) != governance::Grant::No)
            roles << QString::fromStdString(std::string(governance::roleName(role)));
    context.err << "baton " << command << ": " << what << " is for "
                << roles.join(QStringLiteral(", ")) << "; " << QString::fromStdString(reader->user)
                << " is a "
                << QString::fromStdString(std::string(governance::roleName(reader->role))) << "\n";
    exitCode = 3;
    return std::nullopt;
}

} // namespace baton::app
