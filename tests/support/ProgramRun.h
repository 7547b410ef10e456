#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// A program run to its end, as a person at a shell would: its exit code (-1 when it crashed
// or did not finish within `timeoutMs`) and what it printed, trimmed.
struct ProgramRun
{
    int exitCode = -1;
    QString out, err;
};

inline ProgramRun runProgram(const QString &program, const QStringList &args,
                             int timeoutMs = 300000)
{
    QProcess p;
    p.start(program, args);
    ProgramRun r;
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}
