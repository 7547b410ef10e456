#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// A bare TCP server on 127.0.0.1 for answers no real HTTP server gives: a body dripped a
// byte at a time, a malformed Content-Length, a gigabyte announced. Each connection's
// request head is read (and kept), then `script` writes whatever it likes to the socket.
class RawHttpServer
{
public:
    using Script = std::function<void(RawHttpServer &, int fd)>;

    explicit RawHttpServer(Script script) : m_script(std::move(script))
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
            ::listen(m_listen, 8) != 0 ||
            ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
            return;
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~RawHttpServer()
    {
        stopping = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        if (m_thread.joinable())
            m_thread.join();
    }
    RawHttpServer(const RawHttpServer &) = delete;
    RawHttpServer &operator=(const RawHttpServer &) = delete;

    int port() const { return m_port; }
    std::string url(const std::string &path = "/") const
    {
        return "http://127.0.0.1:" + std::to_string(m_port) + path;
    }

    // False once the client went away (or the test ends): scripts stop writing then.
    bool write(int fd, const std::string &bytes)
    {
        return !stopping && ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
                                static_cast<ssize_t>(bytes.size());
    }

    std::atomic<bool> stopping{false};
    std::atomic<int> requests{0};
    std::string lastHead; // read after the transport returned

private:
    void serve()
    {
        while (!stopping) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            std::string head;
            char c;
            while (head.find("\r\n\r\n") == std::string::npos && ::recv(fd, &c, 1, 0) == 1)
                head += c;
            lastHead = head;
            ++requests;
            m_script(*this, fd);
            ::close(fd);
        }
    }

    Script m_script;
    int m_listen = -1;
    int m_port = 0;
    std::thread m_thread;
};
