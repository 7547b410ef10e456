#include "util/FileBytes.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baton::util {

namespace {

class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

long long modifiedNsOf(const struct stat &st)
{
    return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

std::string kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a fifo";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISLNK(mode))
        return "a symbolic link";
    return "not a regular file";
}

} // namespace

FileBytes::FileBytes(const std::filesystem::path &path, Options options)
{
    const std::string name = path.string();
    const int flags = O_RDONLY | O_CLOEXEC | (options.noFollow ? O_NOFOLLOW | O_NONBLOCK : 0);
    Fd fd(::open(path.c_str(), flags));
    if (fd.get() < 0) {
        if (errno == ELOOP && options.noFollow)
            throw std::runtime_error(name + " is a symbolic link: not followed");
        throw std::runtime_error("cannot open " + name + ": " + std::strerror(errno));
    }
    struct stat before{};
    if (::fstat(fd.get(), &before) != 0)
        throw std::runtime_error("cannot read " + name + ": " + std::strerror(errno));
    if (!S_ISREG(before.st_mode))
        throw std::runtime_error(name + " is " + kindOf(before.st_mode) + ", not a regular file");
    m_size = static_cast<std::size_t>(before.st_size);
    m_data = std::make_unique_for_overwrite<char[]>(m_size ? m_size : 1);
    std::size_t done = 0;
    while (done < m_size) {
        const ssize_t n = ::read(fd.get(), m_data.get() + done, m_size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw std::runtime_error("cannot read " + name + ": " + std::strerror(errno));
        if (n == 0)
            throw std::runtime_error(name + " shrank while being read (" + std::to_string(done) +
                                     " of " + std::to_string(m_size) + " bytes)");
        done += static_cast<std::size_t>(n);
    }
    struct stat after{};
    char probe = 0;
    if (::fstat(fd.get(), &after) != 0 || after.st_size != before.st_size ||
        modifiedNsOf(after) != modifiedNsOf(before) || ::read(fd.get(), &probe, 1) > 0)
        throw std::runtime_error(name + " changed while being read");
    m_modifiedNs = modifiedNsOf(before);
}

} // namespace baton::util
