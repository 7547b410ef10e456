#pragma once

#include "crm/Target.h"

#include <QString>
#include <QUrl>

namespace baton::ui {

// The page of a CRM record a push made, from the connector's configured base URL: Salesforce's
// Lightning record page under the instance URL, HubSpot's contact record under its app (the
// public API host api.hubapi.com stands for app.hubspot.com; another base, such as a
// sandbox, is used as it is). Invalid for a target without record pages or without a base.
QUrl crmRecordUrl(crm::Target target, const QString &baseUrl, const QString &recordId);

} // namespace baton::ui
