#include "models/People.h"

#include "ConsoleContext.h"
#include "pipeline/Team.h"

#include <exception>

namespace baton::ui {

People::People(ConsoleContext &context) : m_context(context)
{
    reload();
}

void People::reload()
{
    m_names.clear();
    try {
        for (const auto &p : pipeline::users(m_context.db()))
            if (!p.name.empty())
                m_names[p.email] = QString::fromStdString(p.name);
    } catch (const std::exception &) {
        // Unreadable profiles: people stay named by their addresses.
    }
}

QString People::name(const std::string &email) const
{
    const auto it = m_names.find(email);
    return it != m_names.end() ? it->second : QString::fromStdString(email);
}

} // namespace baton::ui
