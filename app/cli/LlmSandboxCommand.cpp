#include "cli/Commands.h"
#include "sandbox/ChatCompletionsSandbox.h"

#include <QCoreApplication>
namespace baton::app {

QString LlmSandboxCommand::name() const
{
    return QStringLiteral("llm-sandbox");
}

QString LlmSandboxCommand::summary() const
{
    return QStringLiteral("Serve a local OpenAI-compatible chat endpoint that gives grounded "
                          "summaries, to try the LLM backend without a real one");
}

void LlmSandboxCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default 8089)."),
                      QStringLiteral("N"), QStringLiteral("8089")});
    parser.addOption({QStringLiteral("fail-first"),
                      QStringLiteral("Answer the first N requests with 503, to see retries."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("wording"),
                      QStringLiteral("english, paraphrased or german: the words of its summaries "
                                     "(what Baton recommends must not change with them)."),
                      QStringLiteral("W"), QStringLiteral("english")});
}

int LlmSandboxCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    bool ok = false;
    const int port = parser.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || port <= 0 || port > 65535) {
        context.err << "baton llm-sandbox: --port takes 1..65535\n";
        return 2;
    }
    ChatSandboxBehaviour behaviour;
    behaviour.failFirst = parser.value(QStringLiteral("fail-first")).toInt();
    const QString wording = parser.value(QStringLiteral("wording"));
    if (wording == QLatin1String("paraphrased")) {
        behaviour.wording = ChatSandboxBehaviour::Wording::Paraphrased;
    } else if (wording == QLatin1String("german")) {
        behaviour.wording = ChatSandboxBehaviour::Wording::German;
    } else if (wording != QLatin1String("english")) {
        context.err << "baton llm-sandbox: --wording is english, paraphrased or german\n";
        return 2;
    }
    ChatCompletionsSandbox sandbox;
    sandbox.setBehaviour(behaviour);
    if (!sandbox.start(static_cast<quint16>(port))) {
        context.err << "baton llm-sandbox: cannot listen on 127.0.0.1:" << port << "\n";
        return 1;
    }
    context.out << "serving " << sandbox.url() << " (Ctrl+C stops)\n"
                << "try: baton run --llm-url " << sandbox.url() << "\n";
    context.out.flush();
    // main() runs commands inside a QCoreApplication; its loop waits while the sandbox's own
    // thread serves, until Ctrl+C ends the process (the sandbox keeps no state worth saving).
    return QCoreApplication::exec();
}

} // namespace baton::app
