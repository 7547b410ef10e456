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
    qint64 headerBytes = 0; // status line and headers read so far

    int remaining() const
    {
        return static_cast<int>(std::max<qint64>(0, deadline.remainingTime()));
    }

    // More bytes into the buffer; false at the deadline or when the peer closed. Reads at
    // most what `room` allows beyond the buffer, so a huge answer is never held whole.
    bool more(qint64 room = 1 << 20)
    {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(remaining()) &&
            socket.bytesAvailable() == 0)
            return false;
        buffer += socket.read(std::max<qint64>(1, room));
        return true;
    }

    // A header line, counted against the header cap: a line without end is no header.
    bool headerLine(QByteArray &out)
    {
        int at;
        while ((at = buffer.indexOf("\r\n")) < 0) {
            if (headerBytes + buffer.size() > qint64(kMaxResponseHeaderBytes) || !more())
                return false;
        }
        headerBytes += at + 2;
        if (headerBytes > qint64(kMaxResponseHeaderBytes))
            return false;
        out = buffer.left(at);
        buffer.remove(0, at + 2);
        return true;
    }

    bool line(QByteArray &out)
    {
        int at;
        while ((at = buffer.indexOf("\r\n")) < 0)
            if (buffer.size() > 1024 || !more())
                return false;
        out = buffer.left(at);
        buffer.remove(0, at + 2);
        return true;
    }

    bool exactly(qint64 n, QByteArray &out)
    {
        while (buffer.size() < n)
            if (!more(n - buffer.size()))
                return false;
        out = buffer.left(n);
        buffer.remove(0, n);
        return true;
    }
};

struct Head
{
    qint64 length = -1;
    bool chunked = false;
    std::string problem; // a malformed header: an error, never an exception
};

Head readHeaders(Exchange &x, HttpResponse &out)
{
    Head head;
    for (QByteArray line;;) {
        if (!x.headerLine(line)) {
            head.problem = x.headerBytes + x.buffer.size() > qint64(kMaxResponseHeaderBytes)
                               ? "the answer's headers exceed " +
                                     std::to_string(kMaxResponseHeaderBytes / 1024) + " KiB"
                               : "the answer ended inside its headers";
            return head;
        }
        if (line.isEmpty())
            return head;
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const std::string name = line.left(colon).trimmed().toStdString();
        const QByteArray value = line.mid(colon + 1).trimmed();
        out.headers.emplace_back(name, value.toStdString());
        if (util::lowercase(name) == "content-length") {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || (head.length >= 0 && head.length != n)) {
                head.problem = "a malformed Content-Length in the answer: \"" +
                               value.left(40).toStdString() + "\"";
                return head;
            }
            head.length = n;
        } else if (util::lowercase(name) == "transfer-encoding" &&
                   util::lowercase(value.toStdString()).find("chunked") != std::string::npos) {
            head.chunked = true;
        }
    }
}

std::string overCap(std::size_t cap)
{
    return "the answer's body is over the limit of " + std::to_string(cap) + " bytes";
}

// The body, or a reason it could not be read whole and within the cap.
std::string readBody(Exchange &x, const Head &head, std::size_t cap, QByteArray &body)
{
    if (head.chunked) {
        for (;;) {
            QByteArray sizeLine, chunk, crlf;
            if (!x.line(sizeLine))
                return "the answer ended inside its body";
            bool ok = false;
            const qint64 size = sizeLine.split(';').front().trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return "a malformed chunk in the answer";
            if (size == 0)
                return {};
            if (size > qint64(cap) - qint64(body.size())) // no sum to overflow
                return overCap(cap);
            if (!x.exactly(size, chunk) || !x.exactly(2, crlf))
                return "the answer ended inside its body";
            body += chunk;
        }
    }
    if (head.length >= 0) {
        if (head.length > qint64(cap)) // refused before a byte of it is read
            return overCap(cap);
        return x.exactly(head.length, body) ? std::string() : "the answer ended inside its body";
    }
    while (qint64(x.buffer.size()) <= qint64(cap) && x.more(qint64(cap) + 1 - x.buffer.size())) {
    }
    if (qint64(x.buffer.size()) > qint64(cap))
        return overCap(cap);
    body = x.buffer;
    return {};
}

QByteArray requestHead(const HttpRequest &request, const QUrl &url)
{
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
    return head + "\r\n";
}

HttpResponse readAnswer(Exchange &x, const HttpRequest &request)
{
    // From here the request may have been acted on: every failure is an unknown outcome.
    HttpResponse out;
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
    if (!x.headerLine(status))
        return noAnswer("the connection closed without an answer");
    const auto parts = status.split(' ');
    if (parts.size() < 2 || !parts[0].startsWith("HTTP/1."))
        return noAnswer("not an HTTP answer: " + status.left(80).toStdString());
    out.status = parts[1].toInt();
    const Head head = readHeaders(x, out);
    if (!head.problem.empty())
        return noAnswer(head.problem);
    QByteArray body;
    if (const auto problem = readBody(x, head, request.maxBodyBytes, body); !problem.empty())
        return noAnswer(problem);
    out.body = body.toStdString();
    return out;
}

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
    if (const auto refusal = credentialRefusal(request); !refusal.empty()) {
        out.error = refusal; // nothing was sent
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
    socket->write(requestHead(request, url) + QByteArray::fromStdString(request.body));
    while (socket->bytesToWrite() > 0)
        if (!socket->waitForBytesWritten(x.remaining()))
            break;
    return readAnswer(x, request);
}

} // namespace baton::app
