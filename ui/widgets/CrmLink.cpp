#include "widgets/CrmLink.h"

namespace baton::ui {

QUrl crmRecordUrl(crm::Target target, const QString &baseUrl, const QString &recordId)
{
    QUrl base(baseUrl.trimmed());
    if (!base.isValid() || base.scheme().isEmpty() || base.host().isEmpty() || recordId.isEmpty())
        return {};
    const QString id = QString::fromLatin1(QUrl::toPercentEncoding(recordId));
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    switch (target) {
    case crm::Target::Salesforce:
        // Baton upserts a person in Salesforce as a Lead.
        base.setPath(path + QStringLiteral("/lightning/r/Lead/%1/view").arg(id),
                     QUrl::TolerantMode);
        return base;
    case crm::Target::HubSpot:
        if (base.host() == QLatin1String("api.hubapi.com") ||
            base.host() == QLatin1String("api.hubspot.com")) {
            base.setHost(QStringLiteral("app.hubspot.com"));
            path.clear();
        }
        base.setPath(path + QStringLiteral("/contacts/record/0-1/%1").arg(id), QUrl::TolerantMode);
        return base;
    case crm::Target::Webhook:
    case crm::Target::Jsonl:
        break;
    }
    return {};
}

} // namespace baton::ui
