#pragma once

#include <QIcon>

namespace baton::ui {

// Registers the ui's compiled-in resources (the .qrc lives in a static library, whose
// initialiser the linker would otherwise drop). Safe to call more than once.
void initResources();

// Baton's application icon at every size the .qrc carries.
QIcon appIcon();

} // namespace baton::ui
