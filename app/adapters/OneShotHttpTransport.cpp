#include "adapters/OneShotHttpTransport.h"

#include "util/Text.h"

#include <QDeadlineTimer>
#include <QSslSocket>
#include <QUrl>
#include <algorithm>
#include <memory>

namespace baton::app {

namespace {

struct Exchange
{
    QAbstractSocket &socket;
    QDeadlineTimer deadline;
    QByteArray buffer;

    int remaining() const
    {
        return static_cast<int>(std::max<qint64>(0, deadline.remainingTime()));
    }

    // More bytes into the buffer; false at the deadline or when the peer closed.
    bool more()
    {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(remaining()))
            return socket.bytesAvailable() > 0 ? (buffer += socket.readAll(), true) : false;
        buffer += socket.readAll();
        return true;
    }

    bool line(QByteArray &out)
    {
        int at;
        while ((at = buffer.indexOf("\r\n")) < 0)
            if (!more())
                return false;
        out = buffer.left(at);
        buffer.remove(0, at + 2);
        return true;
    }

    bool exactly(qint64 n, QByteArray &out)
    {
        while (buffer.size() < n)
            if (!more())
                return false;
        out = buffer.left(n);
        buffer.remove(0, n);
        return true;
    }
};

} // namespace

HttpResponse OneShotHttpTransport::send(const HttpRequest &request)
{
    HttpResponse out;
    const QUrl url(QString::fromStdString(request.url));
    const bool tls = url.scheme() == QLatin1String("https");
    if (!url.isValid() || (!tls && url.scheme() != QLatin1String("http"))) {
        out.error = "not an http(s) URL: " + request.url;
        return out;
    }
    std::unique_ptr<QAbstractSocket> socket;
    if (tls)
        socket = std::make_unique<QSslSocket>();
    else
        socket = std::make_unique<QTcpSocket>();
    Exchange x{*socket, QDeadlineTimer(request.timeoutMs), {}};
    const quint16 port = static_cast<quint16>(url.port(tls ? 443 : 80));
    if (tls)
        static_cast<QSslSocket &>(*socket).connectToHostEncrypted(url.host(), port);
    else
        socket->connectToHost(url.host(), port);
    const bool connected = tls ? static_cast<QSslSocket &>(*socket).waitForEncrypted(x.remaining())
                               : socket->waitForConnected(x.remaining());
    if (!connected) {
        // Nothing was sent: the caller may simply try again.
        out.timedOut = x.deadline.hasExpired();
        out.error = out.timedOut
                        ? "no connection within " + std::to_string(request.timeoutMs) + " ms"
                        : "connection refused: " + socket->errorString().toStdString();
        return out;
    }

    QByteArray head =
        QByteArray::fromStdString(request.method) + ' ' + url.path(QUrl::FullyEncoded).toUtf8();
    if (head.endsWith(' '))
        head += '/';
    if (url.hasQuery())
        head += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    head += " HTTP/1.1\r\nHost: " + url.host().toUtf8();
    if (url.port() > 0)
        head += ':' + QByteArray::number(url.port());
    head += "\r\nConnection: close\r\nAccept: application/json\r\nContent-Length: " +
            QByteArray::number(qsizetype(request.body.size())) + "\r\n";
    for (const auto &[name, value] : request.headers)
        head += QByteArray::fromStdString(name) + ": " + QByteArray::fromStdString(value) + "\r\n";
    head += "\r\n";
    socket->write(head + QByteArray::fromStdString(request.body));
    while (socket->bytesToWrite() > 0)
        if (!socket->waitForBytesWritten(x.remaining()))
            break;

    // From here the request may have been acted on: every failure is an unknown outcome.
    const auto noAnswer = [&](const std::string &why) {
        out.status = 0;
        out.headers.clear();
        out.body.clear();
        out.timedOut = x.deadline.hasExpired();
        out.error =
            out.timedOut ? "no answer within " + std::to_string(request.timeoutMs) + " ms" : why;
        return out;
    };
    QByteArray status;
    if (!x.line(status))
        return noAnswer("the connection closed without an answer");
    const auto parts = status.split(' ');
    if (parts.size() < 2 || !parts[0].startsWith("HTTP/1."))
        return noAnswer("not an HTTP answer: " + status.left(80).toStdString());
    out.status = parts[1].toInt();
    qint64 length = -1;
    bool chunked = false;
    for (QByteArray line; x.line(line) && !line.isEmpty();) {
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const std::string name = line.left(colon).trimmed().toStdString();
        const std::string value = line.mid(colon + 1).trimmed().toStdString();
        out.headers.emplace_back(name, value);
        if (util::lowercase(name) == "content-length")
            length = std::stoll(value);
        else if (util::lowercase(name) == "transfer-encoding" &&
                 util::lowercase(value).find("chunked") != std::string::npos)
            chunked = true;
    }
    QByteArray body;
    if (chunked) {
        for (;;) {
            QByteArray sizeLine;
            if (!x.line(sizeLine))
                return noAnswer("the answer ended inside its body");
            bool ok = false;
            const qint64 size = sizeLine.split(';').front().trimmed().toLongLong(&ok, 16);
            if (!ok)
                return noAnswer("a malformed chunk in the answer");
            QByteArray chunk, crlf;
            if (size == 0)
                break;
            if (!x.exactly(size, chunk) || !x.exactly(2, crlf))
                return noAnswer("the answer ended inside its body");
            body += chunk;
        }
    } else if (length >= 0) {
        if (!x.exactly(length, body))
            return noAnswer("the answer ended inside its body");
    } else {
        while (x.more()) {
        }
        body = x.buffer;
    }
    out.body = body.toStdString();
    return out;
}

} // namespace baton::app
