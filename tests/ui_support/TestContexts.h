#pragma once

#include "ConsoleContext.h"
#include "FakeSeams.h"
#include "Settings.h"
#include "ports/Clock.h"
#include "store/Database.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <vector>

// Console contexts for page tests, as the composition root fills them: the store given,
// the system clock unless a test pins one, the OS account "tester", the test's message
// boxes and review dialogs (and file dialogs, if it brings them), and settings in a file
// of their own unless a test brings its own. Each acts as the user it was made for. They
// last until clear() (a test's cleanup), past the pages and store connections that use them.
class TestContexts
{
public:
    TestContexts(baton::ui::MessageBoxes &messages, baton::ui::ReviewDialogs &dialogs,
                 baton::ui::FileDialogs *files = nullptr)
        : m_messages(messages), m_dialogs(dialogs), m_files(files ? *files : m_ownFiles),
          m_settings(m_dir.filePath(QStringLiteral("settings.ini")))
    {
    }

    baton::ui::ConsoleContext &make(baton::store::Database &db,
                                    const baton::contracts::ContractRegistry &registry,
                                    const QString &user = {}, const baton::Clock *clock = nullptr,
                                    baton::ui::Settings *settings = nullptr)
    {
        m_contexts.push_back(std::make_unique<baton::ui::ConsoleContext>(
            db, QString::fromStdU16String(db.path().u16string()), registry,
            clock ? *clock : m_clock, QStringLiteral("tester"),
            baton::ui::ConsoleSeams{m_messages, m_dialogs, m_files,
                                    settings ? *settings : m_settings, m_notifier,
                                    m_crmConnection}));
        m_contexts.back()->setUser(user);
        return *m_contexts.back();
    }

    void clear() { m_contexts.clear(); }
    // For contexts made from now on: desktop notifications and the CRM connection.
    void setNotifier(baton::ui::Notifier *notifier) { m_notifier = notifier; }
    void setCrmConnection(baton::ui::CrmConnection *crm) { m_crmConnection = crm; }

private:
    QTemporaryDir m_dir;
    baton::ui::MessageBoxes &m_messages;
    baton::ui::ReviewDialogs &m_dialogs;
    FakeFileDialogs m_ownFiles;
    baton::ui::FileDialogs &m_files;
    baton::ui::Settings m_settings;
    const baton::SystemClock m_clock;
    baton::ui::Notifier *m_notifier = nullptr;
    baton::ui::CrmConnection *m_crmConnection = nullptr;
    std::vector<std::unique_ptr<baton::ui::ConsoleContext>> m_contexts;
};
