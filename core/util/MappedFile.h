#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace baton::util {

// A read-only memory map of a whole file: imports parse it in place without copying.
class MappedFile
{
public:
    // Throws std::runtime_error naming the file if it cannot be opened or mapped.
    explicit MappedFile(const std::filesystem::path &path);
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    std::string_view data() const { return {static_cast<const char *>(m_data), m_size}; }
    std::size_t size() const { return m_size; }

private:
    void *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace baton::util
