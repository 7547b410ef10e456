#pragma once

#include <QString>

namespace baton::store {
class Database;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::ui {

class FileDialogs;
class ImportRunner;
class MessageBoxes;
class PipelineRunner;
class PushRunner;
class ReviewDialogs;
class Settings;

// What the main window needs from the composition root. Everything is owned there and
// outlives the window. `db` is the ui thread's own connection: read it only on this thread.
struct UiContext
{
    store::Database &db;
    QString storePath;
    ImportRunner &importRunner;
    FileDialogs &fileDialogs;
    Settings &settings;
    MessageBoxes &messageBoxes;
    ReviewDialogs &reviewDialogs;
    const contracts::ContractRegistry &registry;
    QString user; // the profile the console acts as (email or name); empty: nobody yet
    PipelineRunner *pipelineRunner; // re-runs for escalations; null: not offered
    PushRunner *pushRunner;         // delivers the CRM outbox; null: only `baton push` does
    QString osAccount; // who is at the keyboard, as the OS knows it: what profiles bind to
    bool demoStore;    // anyone may act as any demo profile, and the window says so
};

} // namespace baton::ui
