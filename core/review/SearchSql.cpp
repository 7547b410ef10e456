#include "review/SearchSql.h"

#include <vector>

namespace baton::review::search {

namespace {

std::vector<std::string> wordsOf(const std::string &typed)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : typed) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

// A word in quotes with the quote character doubled: FTS5's string, tsquery's lexeme.
std::string quoted(const std::string &word, char quote)
{
    std::string out(1, quote);
    for (const char c : word) {
        if (c == quote || (quote == '\'' && c == '\\'))
            out += c;
        out += c;
    }
    return out + quote;
}

} // namespace

std::string queryOf(store::Engine engine, const std::string &typed)
{
    std::string out;
    for (const auto &word : wordsOf(typed)) {
        if (engine == store::Engine::Sqlite)
            out += (out.empty() ? "" : " ") + quoted(word, '"') + "*";
        else
            out += (out.empty() ? "" : " & ") + quoted(word, '\'') + ":*";
    }
    return out;
}

std::string_view matchClause(store::Engine engine)
{
    return engine == store::Engine::Sqlite
               ? "id IN (SELECT rowid FROM briefs_fts WHERE briefs_fts MATCH ?)"
               : "id IN (SELECT id FROM briefs_fts WHERE doc @@ to_tsquery('simple', ?))";
}

std::string_view dropDocument(store::Engine engine)
{
    return engine == store::Engine::Sqlite
               ? "DELETE FROM briefs_fts WHERE rowid = ?1 AND ?1 <= (SELECT indexed_through "
                 "FROM search_index_state)"
               : "DELETE FROM briefs_fts WHERE id = ?1 AND ?1 <= (SELECT indexed_through "
                 "FROM search_index_state)";
}

std::string_view addDocument(store::Engine engine)
{
    return engine == store::Engine::Sqlite
               ? "INSERT INTO briefs_fts (rowid, lead, company, body) SELECT id, lead, company, "
                 "body FROM brief_search_text WHERE id = ?1"
               : "INSERT INTO briefs_fts (id, doc) SELECT id, to_tsvector('simple', lead || ' ' "
                 "|| company || ' ' || body) FROM brief_search_text WHERE id = ?1";
}

std::string_view addDocuments(store::Engine engine)
{
    return engine == store::Engine::Sqlite
               ? "INSERT INTO briefs_fts (rowid, lead, company, body) SELECT id, lead, company, "
                 "body FROM brief_search_text WHERE id > ?1 AND id <= ?2"
               : "INSERT INTO briefs_fts (id, doc) SELECT id, to_tsvector('simple', lead || ' ' "
                 "|| company || ' ' || body) FROM brief_search_text WHERE id > ?1 AND id <= ?2";
}

std::string_view searchSource(store::Engine engine)
{
    return engine == store::Engine::Sqlite ? "briefs INDEXED BY briefs_inbox" : "briefs";
}

} // namespace baton::review::search
