#include "adapters/QtHttpTransport.h"

#include "util/Url.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>
#include <algorithm>

namespace baton::app {

namespace {

QNetworkRequest toQt(const HttpRequest &request)
{
    QNetworkRequest qrequest(QUrl(QString::fromStdString(request.url)));
    for (const auto &[name, value] : request.headers)
        qrequest.setRawHeader(QByteArray::fromStdString(name), QByteArray::fromStdString(value));
    qrequest.setTransferTimeout(request.timeoutMs);
    // Each redirect is looked at below: one to another origin is refused when the request
    // carries a credential (Qt would send the Authorization header along).
    qrequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                          QNetworkRequest::UserVerifiedRedirectPolicy);
    return qrequest;
}

bool sameOrigin(const std::string &from, const QUrl &to)
{
    const auto a = util::urlOrigin(from);
    const auto b = util::urlOrigin(to.toString(QUrl::FullyEncoded).toStdString());
    return a && b && a->scheme == b->scheme && a->host == b->host && a->port == b->port;
}

// What is wrong with the answer's head, or "": headers past the cap, a Content-Length
// that is not one number (Qt would read such a body to the end), or one past the body cap.
std::string headProblem(const QNetworkReply &reply, std::size_t cap)
{
    qsizetype headerBytes = 0;
    for (const auto &[name, value] : reply.rawHeaderPairs())
        headerBytes += name.size() + value.size() + 4;
    if (headerBytes > qsizetype(kMaxResponseHeaderBytes))
        return "the answer's headers exceed " + std::to_string(kMaxResponseHeaderBytes / 1024) +
               " KiB";
    if (!reply.hasRawHeader("Content-Length"))
        return {};
    const QByteArray raw = reply.rawHeader("Content-Length").trimmed();
    bool ok = false;
    const qint64 length = raw.toLongLong(&ok);
    if (!ok || length < 0)
        return "a malformed Content-Length in the answer: \"" + raw.left(40).toStdString() + "\"";
    if (std::uint64_t(length) > cap)
        return "the answer's body is over the limit of " + std::to_string(cap) + " bytes";
    return {};
}

// Why the reply was cut short, when Baton cut it.
struct Guard
{
    std::string reason;
    bool timedOut = false;
};

void watch(QNetworkReply *reply, const HttpRequest &request, Guard &guard)
{
    const auto stop = [reply, &guard](std::string why) {
        if (guard.reason.empty())
            guard.reason = std::move(why);
        reply->abort();
    };
    const std::size_t cap = request.maxBodyBytes;
    // Qt stops reading the socket once this much waits unread: never more than the cap held.
    reply->setReadBufferSize(qint64(std::min<std::size_t>(cap, std::size_t(1) << 40)) + 1);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, cap, stop] {
        if (auto problem = headProblem(*reply, cap); !problem.empty())
            stop(std::move(problem));
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, cap, stop] {
        if (std::size_t(reply->bytesAvailable()) > cap)
            stop("the answer's body is over the limit of " + std::to_string(cap) + " bytes");
    });
    const bool credential = carriesCredential(request);
    QObject::connect(reply, &QNetworkReply::redirected, reply,
                     [reply, credential, url = request.url, stop](const QUrl &to) {
                         const auto target = to.toString(QUrl::FullyEncoded).toStdString();
                         if (credential && !sameOrigin(url, to))
                             stop("refused a redirect to another host with credentials: " + target);
                         else if (url.rfind("https:", 0) == 0 && to.scheme() != QLatin1String("https"))
                             stop("refused a redirect from https to plain http: " + target);
                         else
                             emit reply->redirectAllowed();
                     });
    // The transfer timeout above is per silence; this one is for the whole exchange.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [&guard, stop, ms = request.timeoutMs] {
        guard.timedOut = true;
        stop("no answer within " + std::to_string(ms) + " ms");
    });
    deadline->start(request.timeoutMs);
}

} // namespace

HttpResponse QtHttpTransport::send(const HttpRequest &request)
{
    HttpResponse out;
    if (const auto refusal = credentialRefusal(request); !refusal.empty()) {
        out.error = refusal; // nothing was sent
        return out;
    }
    QNetworkAccessManager manager;
    QNetworkReply *reply =
        manager.sendCustomRequest(toQt(request), QByteArray::fromStdString(request.method),
                                  QByteArray::fromStdString(request.body));
    Guard guard;
    watch(reply, request, guard);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (guard.reason.empty() && reply->error() == QNetworkReply::NoError)
        guard.reason = headProblem(*reply, request.maxBodyBytes);
    if (!guard.reason.empty()) {
        out.timedOut = guard.timedOut;
        out.error = guard.reason;
        delete reply;
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        out.headers.emplace_back(name.toStdString(), value.toStdString());
    if (reply->isOpen()) // an aborted (timed out) reply is closed
        out.body = reply->readAll().toStdString();
    if (out.status == 0) {
        out.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                       reply->error() == QNetworkReply::TimeoutError;
        out.error = out.timedOut ? std::string("no answer within ") +
                                       std::to_string(request.timeoutMs) + " ms"
                                 : reply->errorString().toStdString();
    }
    delete reply;
    return out;
}

} // namespace baton::app
