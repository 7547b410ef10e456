#pragma once

#include <QByteArray>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>

class QThread;

namespace baton::app {

// How the sandbox answers; tests change it between runs.
struct ChatSandboxBehaviour
{
    enum class Answer
    {
        Grounded,         // sentences citing only ids from the request's facts
        CitesUnknownId,   // one sentence cites an id that was never sent
        NotJson,          // prose instead of the JSON object
        ViolatesContract, // JSON, but a sentence without evidence
    };
    Answer answer = Answer::Grounded;
    // The words of a grounded answer: what a summary says must never change what Baton does.
    enum class Wording
    {
        English,
        Paraphrased, // other English words for the same facts
        German,
    };
    Wording wording = Wording::English;
    bool fenced = false; // wrap the JSON in a Markdown fence, as models often do
    int failFirst = 0;   // answer this many requests with failStatus before the rest
    int failStatus = 503;
    int retryAfterSeconds = -1; // with failStatus, a Retry-After header when >= 0
    int delayMs = 0;            // wait this long before every answer
    QString requiredKey;        // when set, anything but "Bearer <key>" gets a 401
};

// A local server speaking the subset of OpenAI's /v1/chat/completions that Baton uses, with
// its error shapes. It runs on a thread of its own, so a caller may block on it.
class ChatCompletionsSandbox
{
public:
    ChatCompletionsSandbox();
    ~ChatCompletionsSandbox();

    // Listens on 127.0.0.1 (0: any free port); returns the port, 0 on failure.
    quint16 start(quint16 port = 0);
    QString url() const; // http://127.0.0.1:PORT/v1/chat/completions

    void setBehaviour(const ChatSandboxBehaviour &behaviour);
    int requestCount() const { return m_requests.load(); }
    QByteArray lastRequestBody() const;

private:
    struct Answer;
    Answer answer(const QByteArray &authorization, const QByteArray &body);

    std::unique_ptr<QThread> m_thread; // owns the server and its event loop
    quint16 m_port = 0;
    mutable std::mutex m_mutex;
    ChatSandboxBehaviour m_behaviour;
    QByteArray m_lastBody;
    std::atomic<int> m_requests{0};
};

} // namespace baton::app
