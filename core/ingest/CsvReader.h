#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace baton::ingest {

// One record of a CSV file. Field views point into the file buffer or into the reader's
// scratch space and stay valid until the next call to CsvReader::next().
struct CsvRecord
{
    std::size_t line = 0;    // 1-based line on which the record starts
    std::size_t endLine = 0; // differs from line when a quoted field spans lines
    std::vector<std::string_view> fields;
    std::string_view raw; // the record's bytes as they are in the file
    std::string error;    // set when the record itself is malformed
};

// RFC 4180 reader over an in-memory file: quoted fields with doubled quotes, quoted line
// breaks, CRLF/LF/CR line ends, a UTF-8 byte-order mark. Lenient where real exports are
// (a stray quote inside an unquoted field stays a character); strict where data would be
// lost (an unterminated quote or text after a closing quote is an error for that record,
// and reading resumes at the next line).
class CsvReader
{
public:
    explicit CsvReader(std::string_view data, char delimiter = ',');

    bool next(CsvRecord &record);
    // Starts over on other data, keeping the scratch space (readers reused per record).
    void reset(std::string_view data);
    bool hadByteOrderMark() const { return m_hadBom; }

    // Guesses the delimiter from a header line: the most frequent of , ; \t | outside quotes.
    static char sniffDelimiter(std::string_view headerLine);

private:
    std::string_view unescape(std::string_view quotedBody);

    std::string_view m_data;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    char m_delimiter;
    bool m_hadBom = false;
    std::deque<std::string> m_scratch; // deque: element addresses survive growth
    std::size_t m_scratchUsed = 0;
};

} // namespace baton::ingest
