#include "ingest/JsonlSource.h"

#include "util/JsonParse.h"
#include "util/Utf8.h"

#include <cstring>

namespace baton::ingest {

JsonlSource::JsonlSource(std::string_view data, const SourceOptions &options)
    : m_data(data), m_options(options)
{
    if (m_data.substr(0, 3) == "\xEF\xBB\xBF")
        m_pos = 3;
    if (m_data.find_first_not_of(" \t\r\n", m_pos) == std::string_view::npos)
        throw FileError{1, {}, "the file is empty: expected one JSON record per line"};
}

std::string JsonlSource::labelFor(std::string_view pointer) const
{
    return pointer.empty() || pointer.front() != '/' ? std::string(pointer)
                                                     : "record" + std::string(pointer);
}

bool JsonlSource::next(ParsedItem &item)
{
    std::string_view line;
    do {
        if (m_pos >= m_data.size())
            return false;
        const void *nl = std::memchr(m_data.data() + m_pos, '\n', m_data.size() - m_pos);
        const std::size_t end = nl ? static_cast<const char *>(nl) - m_data.data() : m_data.size();
        line = m_data.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        ++m_line;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
    } while (line.find_first_not_of(" \t") == std::string_view::npos);

    item = ParsedItem{};
    item.line = m_line;
    item.index = m_index++;
    item.raw = line;
    if (line.size() > m_options.maxFieldBytes)
        item.errors.push_back({{},
                               "line is " + std::to_string(line.size()) +
                                   " bytes, over the limit of " +
                                   std::to_string(m_options.maxFieldBytes)});
    return true;
}

void JsonlSource::decode(ParsedItem &item) const
{
    if (!item.errors.empty())
        return;
    const std::string_view line = item.raw;
    std::size_t bad = 0;
    if (!util::isValidUtf8(line, &bad)) {
        item.errors.push_back(
            {{}, "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line"});
        return;
    }
    nlohmann::json envelope;
    std::string parseError;
    if (!util::parseJson(line, envelope, &parseError)) {
        const bool tooDeep = parseError.find("nested deeper") != std::string::npos;
        item.errors.push_back({{}, tooDeep ? parseError : parseError + " (a truncated line?)"});
        return;
    }
    if (!envelope.is_object()) {
        item.errors.push_back({{}, "expected a JSON object {\"contract\", \"record\"}"});
        return;
    }
    const auto contract = envelope.find("contract");
    if (contract == envelope.end() || !contract->is_string() ||
        contract->get_ref<const std::string &>().empty()) {
        item.errors.push_back({"contract", "missing \"contract\": every line names its contract"});
        return;
    }
    item.contract = contract->get<std::string>();
    if (const auto version = envelope.find("version"); version != envelope.end()) {
        if (!version->is_number_integer() || version->get<long long>() < 1) {
            item.errors.push_back({"version", "\"version\" must be a whole number from 1"});
            return;
        }
        item.version = version->get<int>();
    }
    const auto record = envelope.find("record");
    if (record == envelope.end() || !record->is_object()) {
        item.errors.push_back({"record", "missing \"record\" object"});
        return;
    }
    item.record = std::move(*record);
}

} // namespace baton::ingest
