#pragma once

#include "crm/Target.h"

#include <QObject>
#include <QString>

namespace baton::ui {

// A CRM as the Settings page names it: which one, where, and the connected app's id.
struct CrmEndpoint
{
    crm::Target kind = crm::Target::HubSpot;
    QString url;
    QString clientId; // Salesforce's connected app
};

// The Settings page's way to a CRM's credentials and to the CRM itself. Declared here so the
// ui does not depend on app/, which implements it over the keychain and HTTP.
class CrmConnection : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~CrmConnection() override;

    // Keeps a credential ("hubspot-token", ...) where `baton secret set NAME` would. Returns
    // where it went ("the OS keychain"); empty with `error` saying why when it could not.
    virtual QString keepSecret(const QString &name, const QString &value, QString &error) = 0;
    // One read-only request to the CRM with the credentials as kept now, off the ui thread;
    // tested() says how it went. Ignored while a test runs.
    virtual void test(const CrmEndpoint &endpoint) = 0;
    virtual bool isTesting() const = 0;

signals:
    // `message` says plainly what worked, or what failed and why.
    void tested(bool ok, const QString &message);
};

} // namespace baton::ui
