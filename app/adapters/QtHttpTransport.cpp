#include "adapters/QtHttpTransport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace baton::app {

HttpResponse QtHttpTransport::send(const HttpRequest &request)
{
    QNetworkAccessManager manager;
    QNetworkRequest qrequest(QUrl(QString::fromStdString(request.url)));
    for (const auto &[name, value] : request.headers)
        qrequest.setRawHeader(QByteArray::fromStdString(name), QByteArray::fromStdString(value));
    qrequest.setTransferTimeout(request.timeoutMs);
    qrequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                          QNetworkRequest::NoLessSafeRedirectPolicy);

    QNetworkReply *reply =
        manager.sendCustomRequest(qrequest, QByteArray::fromStdString(request.method),
                                  QByteArray::fromStdString(request.body));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    HttpResponse out;
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
