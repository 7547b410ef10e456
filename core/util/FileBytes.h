#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace baton::util {

// A whole file read into memory, checked to be the same file from first byte to last.
// Imports used to memory-map their file: a file truncated while mapped ended the process
// with SIGBUS. A copy cannot change underneath; a file that shrinks, grows or is rewritten
// while it is being read is an error naming the file, and the caller's batch fails cleanly.
class FileBytes
{
public:
    struct Options
    {
        // Drop folders: a symbolic link (even one swapped in after listing) is refused, and
        // opening never blocks on a fifo.
        bool noFollow = false;
    };

    // Throws std::runtime_error naming the file if it cannot be opened, is not a regular
    // file, or changes while being read.
    explicit FileBytes(const std::filesystem::path &path) : FileBytes(path, Options{}) {}
    FileBytes(const std::filesystem::path &path, Options options);

    std::string_view data() const { return {m_data.get(), m_size}; }
    std::size_t size() const { return m_size; }
    // The file's modification time when read, in nanoseconds since the epoch.
    long long modifiedNs() const { return m_modifiedNs; }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0;
    long long m_modifiedNs = 0;
};

} // namespace baton::util
