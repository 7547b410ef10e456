#include "sandbox/ChatCompletionsSandbox.h"

#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <future>
#include <thread>

namespace baton::app {

struct ChatCompletionsSandbox::Answer
{
    int status = 200;
    QByteArray body;
    int retryAfterSeconds = -1;
};

namespace {

QByteArray errorBody(const QString &message, const QString &type)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                      QJsonObject{{QStringLiteral("message"), message},
                                                  {QStringLiteral("type"), type}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject sentence(const QString &text, const QStringList &evidence)
{
    return {{QStringLiteral("text"), text},
            {QStringLiteral("evidence"), QJsonArray::fromStringList(evidence)}};
}

using Wording = ChatSandboxBehaviour::Wording;

// The sentences of a grounded answer in each wording: %1 an event type, %2 a count; %1 a
// title, %2 a company; then the opt-out risk.
struct Phrases
{
    const char *intent, *talking, *optedOut;
};

Phrases phrases(Wording wording)
{
    switch (wording) {
    case Wording::Paraphrased:
        return {"Shows interest through %1 (%2 cited).",
                "Lead with how things look for a %1 at %2.", "Prefers not to hear from us."};
    case Wording::German:
        return {"Kürzlich: %1 (%2 gezeigt).", "Als %1 bei %2 ansprechen.",
                "Hat der Kontaktaufnahme widersprochen."};
    case Wording::English:
        break;
    }
    return {"Recent %1 activity (%2 shown).", "Open with their role as %1 at %2.",
            "They opted out of contact."};
}

// A modest, honest summary of the facts in the request: what a well-behaved model answers.
QJsonObject groundedSummary(const QJsonObject &facts, Wording wording)
{
    const Phrases say = phrases(wording);
    const QJsonObject lead = facts.value(QStringLiteral("lead")).toObject();
    const QString leadRef = lead.value(QStringLiteral("id")).toString();
    QJsonArray intent;
    QStringList seenTypes;
    for (const auto &value : facts.value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = value.toObject();
        const QString type = e.value(QStringLiteral("type")).toString();
        if (seenTypes.contains(type) || seenTypes.size() >= 3)
            continue;
        seenTypes << type;
        QStringList ids;
        for (const auto &other : facts.value(QStringLiteral("events")).toArray())
            if (other.toObject().value(QStringLiteral("type")).toString() == type && ids.size() < 3)
                ids << other.toObject().value(QStringLiteral("id")).toString();
        intent.append(sentence(QString::fromUtf8(say.intent)
                                   .arg(QString(type).replace(QLatin1Char('_'), QLatin1Char(' ')))
                                   .arg(ids.size()),
                               ids));
    }
    QJsonArray talking;
    const QString title = lead.value(QStringLiteral("job_title")).toString();
    const QString company = lead.value(QStringLiteral("company")).toString();
    if (!title.isEmpty() || !company.isEmpty())
        talking.append(
            sentence(QString::fromUtf8(say.talking)
                         .arg(title.isEmpty() ? QStringLiteral("a contact") : title,
                              company.isEmpty() ? QStringLiteral("their company") : company),
                     {leadRef}));
    QJsonArray risks;
    if (lead.value(QStringLiteral("opted_out_of_contact")).toBool())
        risks.append(sentence(QString::fromUtf8(say.optedOut), {leadRef}));
    return {{QStringLiteral("intent_signals"), intent},
            {QStringLiteral("talking_points"), talking},
            {QStringLiteral("risks"), risks}};
}

} // namespace

ChatCompletionsSandbox::ChatCompletionsSandbox() = default;

ChatCompletionsSandbox::~ChatCompletionsSandbox()
{
    if (m_thread) {
        m_thread->quit(); // ends the thread's local event loop, even one not yet entered
        m_thread->wait();
    }
}

quint16 ChatCompletionsSandbox::start(quint16 port)
{
    std::promise<quint16> ready;
    auto listening = ready.get_future();
    m_thread.reset(QThread::create([this, port, &ready] {
        QHttpServer server;
        server.route(QStringLiteral("/v1/chat/completions"), QHttpServerRequest::Method::Post,
                     [this](const QHttpServerRequest &request) {
                         const Answer a = answer(request.value("Authorization"), request.body());
                         QHttpServerResponse response(
                             QByteArrayLiteral("application/json"), a.body,
                             static_cast<QHttpServerResponse::StatusCode>(a.status));
                         if (a.retryAfterSeconds >= 0)
                             response.addHeader(QByteArrayLiteral("Retry-After"),
                                                QByteArray::number(a.retryAfterSeconds));
                         return response;
                     });
        ready.set_value(server.listen(QHostAddress::LocalHost, port));
        QEventLoop loop;
        loop.exec();
    }));
    m_thread->setObjectName(QStringLiteral("chat-sandbox"));
    m_thread->start();
    m_port = listening.get();
    return m_port;
}

QString ChatCompletionsSandbox::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_port);
}

void ChatCompletionsSandbox::setBehaviour(const ChatSandboxBehaviour &behaviour)
{
    std::lock_guard lock(m_mutex);
    m_behaviour = behaviour;
}

QByteArray ChatCompletionsSandbox::lastRequestBody() const
{
    std::lock_guard lock(m_mutex);
    return m_lastBody;
}

ChatCompletionsSandbox::Answer ChatCompletionsSandbox::answer(const QByteArray &authorization,
                                                              const QByteArray &body)
{
    ChatSandboxBehaviour b;
    bool fail = false;
    {
        std::lock_guard lock(m_mutex);
        m_lastBody = body;
        b = m_behaviour;
        fail = m_behaviour.failFirst > 0;
        if (fail)
            --m_behaviour.failFirst;
    }
    ++m_requests;
    if (b.delayMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(b.delayMs));
    if (!b.requiredKey.isEmpty() && authorization != "Bearer " + b.requiredKey.toUtf8())
        return {401,
                errorBody(QStringLiteral("Incorrect API key provided."),
                          QStringLiteral("invalid_request_error")),
                -1};
    if (fail)
        return {b.failStatus,
                errorBody(b.failStatus == 429 ? QStringLiteral("Rate limit reached.")
                                              : QStringLiteral("The server had an error."),
                          b.failStatus == 429 ? QStringLiteral("rate_limit_error")
                                              : QStringLiteral("server_error")),
                b.retryAfterSeconds};

    const QJsonObject request = QJsonDocument::fromJson(body).object();
    const QJsonArray messages = request.value(QStringLiteral("messages")).toArray();
    if (messages.isEmpty() || request.value(QStringLiteral("model")).toString().isEmpty())
        return {400,
                errorBody(QStringLiteral("'model' and 'messages' are required."),
                          QStringLiteral("invalid_request_error")),
                -1};
    // The facts are a JSON object inside a delimited block: from the first '{' to the last '}'.
    const QString userText = messages.last().toObject().value(QStringLiteral("content")).toString();
    const auto open = userText.indexOf(QLatin1Char('{'));
    const auto close = userText.lastIndexOf(QLatin1Char('}'));
    const QJsonObject facts =
        open < 0 || close < open
            ? QJsonObject()
            : QJsonDocument::fromJson(userText.mid(open, close - open + 1).toUtf8()).object();
    QJsonObject summary = groundedSummary(facts, b.wording);
    QString content;
    switch (b.answer) {
    case ChatSandboxBehaviour::Answer::Grounded:
        break;
    case ChatSandboxBehaviour::Answer::CitesUnknownId: {
        QJsonArray talking = summary.value(QStringLiteral("talking_points")).toArray();
        talking.append(sentence(QStringLiteral("They asked for a quote last week."),
                                {QStringLiteral("event#999999999")}));
        summary.insert(QStringLiteral("talking_points"), talking);
        break;
    }
    case ChatSandboxBehaviour::Answer::NotJson:
        content = QStringLiteral("Sure! This lead looks very promising; call them soon.");
        break;
    case ChatSandboxBehaviour::Answer::ViolatesContract: {
        QJsonArray risks;
        risks.append(QJsonObject{{QStringLiteral("text"), QStringLiteral("Budget unknown.")}});
        summary.insert(QStringLiteral("risks"), risks);
        break;
    }
    }
    if (content.isEmpty()) {
        content = QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact));
        if (b.fenced)
            content = QStringLiteral("```json\n%1\n```").arg(content);
    }
    const QJsonObject response{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-sandbox-%1").arg(m_requests.load())},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("model"), request.value(QStringLiteral("model"))},
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("message"),
                                 QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                             {QStringLiteral("content"), content}}},
                                {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}};
    return {200, QJsonDocument(response).toJson(QJsonDocument::Compact), -1};
}

} // namespace baton::app
