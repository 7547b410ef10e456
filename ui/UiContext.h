#pragma once

#include <QString>

namespace baton::store {
class Database;
}

namespace baton::ui {

class FileDialogs;
class ImportRunner;
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
};

} // namespace baton::ui
