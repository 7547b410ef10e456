#include "console/Console.h"

#include "ConsoleContext.h"
#include "FileDialogs.h"
#include "Logging.h"
#include "MainWindow.h"
#include "MessageBoxes.h"
#include "Notifier.h"
#include "OsAccount.h"
#include "Resources.h"
#include "ReviewDialogs.h"
#include "Settings.h"
#include "adapters/KeychainSecretStore.h"
#include "cli/Command.h"
#include "console/Translations.h"
#include "contracts/ContractRegistry.h"
#include "governance/Identity.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "store/FilePrivacy.h"
#include "store/OpenStore.h"
#include "workers/ThreadedCrmConnection.h"
#include "workers/ThreadedImportRunner.h"
#include "workers/ThreadedPipelineRunner.h"
#include "workers/ThreadedPushRunner.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <exception>
#include <filesystem>
#include <optional>

namespace baton::app {

// Declared in the order things are built; destroyed in reverse, so the window goes
// before the runner it talks to, and the runner before the registry and store.
struct Console::Parts
{
    ui::QtMessageBoxes qtMessageBoxes;
    ui::QtFileDialogs qtFileDialogs;
    ui::QtReviewDialogs qtReviewDialogs;
    ui::TrayNotifier trayNotifier;
    SystemClock systemClock;
    std::unique_ptr<ui::Settings> ownSettings;
    std::optional<store::Database> db;
    std::shared_ptr<const contracts::ContractRegistry> registry;
    std::unique_ptr<ThreadedImportRunner> runner;
    std::unique_ptr<ThreadedPipelineRunner> pipelineRunner;
    std::unique_ptr<ThreadedPushRunner> pushRunner;
    std::unique_ptr<ThreadedCrmConnection> crmConnection;
    std::unique_ptr<ui::ConsoleContext> context;
    std::unique_ptr<ui::MainWindow> window;
};

Console::Console() : Console(Seams{})
{
}

Console::Console(Seams seams) : m_parts(std::make_unique<Parts>()), m_seams(seams)
{
    if (!m_seams.messageBoxes)
        m_seams.messageBoxes = &m_parts->qtMessageBoxes;
    if (!m_seams.fileDialogs)
        m_seams.fileDialogs = &m_parts->qtFileDialogs;
    if (!m_seams.reviewDialogs)
        m_seams.reviewDialogs = &m_parts->qtReviewDialogs;
    if (!m_seams.clock)
        m_seams.clock = &m_parts->systemClock;
    if (!m_seams.notifier)
        m_seams.notifier = &m_parts->trayNotifier;
    if (!m_seams.settings) {
        m_parts->ownSettings = std::make_unique<ui::Settings>();
        m_seams.settings = m_parts->ownSettings.get();
    }
}

Console::~Console() = default;

ui::MainWindow *Console::window() const
{
    return m_parts->window.get();
}

void Console::warnIfExposed(const QString &storePath)
{
    const auto path = std::filesystem::path(storePath.toStdU16String());
    const auto exposed = store::exposedStoreFiles(path);
    if (exposed.empty())
        return;
    QStringList lines;
    for (const auto &e : exposed)
        lines << QString::fromStdString(e);
    m_seams.messageBoxes->warning(
        nullptr, QCoreApplication::translate("Console", "Baton"),
        QCoreApplication::translate("Console",
                                    "Others on this computer can read this store, and the leads "
                                    "in it:\n\n%1\n\nTo keep it yours alone, run:\n%2")
            .arg(lines.join(QLatin1Char('\n')), QString::fromStdString(store::privacyFix(path))));
}

bool Console::open(const QString &storePath, const QString &user)
{
    const QString title = QCoreApplication::translate("Console", "Baton");
    try {
        m_parts->db.emplace(store::openStore(std::filesystem::path(storePath.toStdU16String())));
    } catch (const std::exception &e) {
        qCWarning(lcStore) << "cannot open store" << storePath << ":" << e.what();
        m_seams.messageBoxes->critical(
            nullptr, title,
            QCoreApplication::translate("Console", "Baton cannot open the store %1.\n\n%2")
                .arg(QDir::toNativeSeparators(storePath), QString::fromUtf8(e.what())));
        return false;
    }
    warnIfExposed(storePath);
    try {
        m_parts->registry = std::make_shared<const contracts::ContractRegistry>(
            contracts::ContractRegistry::builtIn());
    } catch (const std::exception &e) {
        m_seams.messageBoxes->critical(
            nullptr, title,
            QCoreApplication::translate(
                "Console", "Baton's built-in data contracts could not be loaded.\n\n%1")
                .arg(QString::fromUtf8(e.what())));
        return false;
    }
    m_parts->runner = std::make_unique<ThreadedImportRunner>(storePath, m_parts->registry);
    m_parts->pipelineRunner =
        std::make_unique<ThreadedPipelineRunner>(storePath, m_parts->registry, m_seams.clock);
    // The push reads the CRM settings the Settings page writes, at every push.
    m_parts->pushRunner = std::make_unique<ThreadedPushRunner>(storePath, m_seams.settings);
    m_parts->crmConnection =
        std::make_unique<ThreadedCrmConnection>(std::make_unique<KeychainSecretStore>());
    // As the CLI reads it: what every actor carries. On a team database, the login.
    const auto login = governance::Identity(*m_parts->db, *m_seams.clock).databaseLogin();
    const std::string account = login ? *login : osAccount();
    m_parts->context = std::make_unique<ui::ConsoleContext>(
        *m_parts->db, storePath, *m_parts->registry, *m_seams.clock,
        QString::fromStdString(account),
        ui::ConsoleSeams{*m_seams.messageBoxes, *m_seams.reviewDialogs, *m_seams.fileDialogs,
                         *m_seams.settings, m_seams.notifier, m_parts->crmConnection.get()});
    m_parts->context->setUser(login ? teamUser(*login)
                                    : whoActs(user, account, m_parts->context->isDemoStore()));
    m_parts->window = std::make_unique<ui::MainWindow>(
        *m_parts->context, ui::MainWindow::Runners{*m_parts->runner, m_parts->pipelineRunner.get(),
                                                   m_parts->pushRunner.get()});
    return true;
}

// On a team database the login acts, as the profile bound to it; --user and Settings' choice
// do not apply (acting as anyone else is refused by identity).
QString Console::teamUser(const std::string &login) const
{
    const auto bound = governance::Identity(*m_parts->db, *m_seams.clock).boundTo(login);
    return bound ? QString::fromStdString(bound->email) : QString();
}

QString Console::whoActs(const QString &user, const std::string &account, bool demo) const
{
    // Whichever it is, the context asks identity whether this account may act as them.
    QString acting = user.isEmpty() ? m_seams.settings->reviewUser() : user;
    if (acting.isEmpty() && !demo)
        if (const auto bound = governance::Identity(*m_parts->db, *m_seams.clock).boundTo(account))
            acting = QString::fromStdString(bound->email);
    // A demo opens as the rep whose queue its history left realistic (else a manager's view
    // of the whole team); Settings switches to anyone.
    if (acting.isEmpty() && demo) {
        const auto team = pipeline::users(*m_parts->db);
        for (const auto &u : team)
            if (u.email == pipeline::kDemoDefaultRep)
                return QString::fromStdString(u.email);
        for (const auto &u : team)
            if (u.role == "manager")
                return QString::fromStdString(u.email);
    }
    return acting;
}

int runConsole(QApplication &app, const ConsoleLaunch &launch)
{
    installTranslators(app);
    QApplication::setWindowIcon(ui::appIcon());
    const std::optional<StartedClock> startedClock =
        launch.now ? std::optional<StartedClock>(*launch.now) : std::nullopt;
    Console::Seams seams;
    if (startedClock)
        seams.clock = &*startedClock;
    Console console(seams);
    if (!console.open(launch.storePath, launch.user))
        return 1;
    console.window()->show();
    return app.exec();
}

} // namespace baton::app
