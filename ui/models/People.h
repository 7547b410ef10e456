#pragma once

#include <QString>
#include <map>
#include <string>

namespace baton::ui {

class ConsoleContext;

// The people of the store by email, so the console names them ("Maya Chen") and keeps the
// address for a tooltip. Read from the profiles on the ui connection (a few hundred rows at
// most); reload() when they may have changed.
class People
{
public:
    explicit People(ConsoleContext &context);

    void reload();
    // The person's name; the text as given when no profile has that email (a system actor,
    // an address from an older store).
    QString name(const std::string &email) const;
    QString name(const QString &email) const { return name(email.toStdString()); }

private:
    ConsoleContext &m_context;
    std::map<std::string, QString> m_names;
};

} // namespace baton::ui
