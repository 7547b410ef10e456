#pragma once

#include "pipeline/ItemStatus.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace baton::ui {

// What re-running the pipeline for one lead did, in the terms the ui shows.
struct LeadRerunOutcome
{
    qint64 leadId = 0;
    pipeline::ItemStatus status = pipeline::ItemStatus::Failed;
    qint64 newBrief = 0; // when briefed: it supersedes the lead's open briefs
    QString error;       // when failed, or when the run could not start
};

// Runs the pipeline off the ui thread. Declared here so the ui does not depend on app/,
// which implements it with its own store connection; `finished` arrives on the ui thread.
class PipelineRunner : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~PipelineRunner() override;

    // Ignored while a run is in progress.
    virtual void rerunLead(qint64 leadId, const QString &trigger) = 0;
    virtual bool isRunning() const = 0;

signals:
    void finished(const baton::ui::LeadRerunOutcome &outcome);
};

} // namespace baton::ui

Q_DECLARE_METATYPE(baton::ui::LeadRerunOutcome)
