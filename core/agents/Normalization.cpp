#include "agents/Normalization.h"

#include <array>
#include <cctype>
#include <utility>

namespace baton::agents {

namespace {

// Lower case, punctuation to spaces, single spaces, padded with one space each side so
// rules can ask for whole words (" vp ").
std::string wordsOf(std::string_view text)
{
    std::string out = " ";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80 || c == '&')
            out += static_cast<char>(std::tolower(u));
        else if (out.back() != ' ')
            out += ' ';
    }
    if (out.back() != ' ')
        out += ' ';
    return out;
}

struct Country
{
    const char *code;
    std::array<const char *, 7> names; // compared as words, see wordsOf()
};

constexpr Country kCountries[] = {
    {"US", {"united states", "united states of america", "usa", "us", "u s", "u s a", "america"}},
    {"GB", {"united kingdom", "uk", "gb", "great britain", "england", "scotland", "wales"}},
    {"DE", {"germany", "deutschland", "de"}},
    {"FR", {"france", "fr"}},
    {"NL", {"netherlands", "the netherlands", "holland", "nl"}},
    {"CA", {"canada", "ca"}},
    {"AU", {"australia", "au"}},
    {"SE", {"sweden", "sverige", "se"}},
    {"ES", {"spain", "españa", "espana", "es"}},
    {"IN", {"india", "in"}},
    {"BR", {"brazil", "brasil", "br"}},
    {"JP", {"japan", "jp"}},
    {"IT", {"italy", "italia", "it"}},
    {"CH", {"switzerland", "schweiz", "suisse", "ch"}},
    {"AT", {"austria", "österreich", "at"}},
    {"BE", {"belgium", "belgique", "be"}},
    {"DK", {"denmark", "danmark", "dk"}},
    {"NO", {"norway", "norge", "no"}},
    {"FI", {"finland", "suomi", "fi"}},
    {"IE", {"ireland", "ie"}},
    {"PL", {"poland", "polska", "pl"}},
    {"PT", {"portugal", "pt"}},
    {"CZ", {"czech republic", "czechia", "cz"}},
    {"MX", {"mexico", "méxico", "mx"}},
    {"AR", {"argentina", "ar"}},
    {"CL", {"chile", "cl"}},
    {"CO", {"colombia", "co"}},
    {"ZA", {"south africa", "za"}},
    {"NG", {"nigeria", "ng"}},
    {"KE", {"kenya", "ke"}},
    {"AE", {"united arab emirates", "uae", "ae"}},
    {"SA", {"saudi arabia", "sa"}},
    {"IL", {"israel", "il"}},
    {"TR", {"turkey", "türkiye", "turkiye", "tr"}},
    {"SG", {"singapore", "sg"}},
    {"HK", {"hong kong", "hk"}},
    {"CN", {"china", "cn"}},
    {"KR", {"south korea", "korea republic of", "korea", "kr"}},
    {"TW", {"taiwan", "tw"}},
    {"NZ", {"new zealand", "nz"}},
    {"PH", {"philippines", "ph"}},
    {"ID", {"indonesia", "id"}},
    {"MY", {"malaysia", "my"}},
    {"TH", {"thailand", "th"}},
    {"VN", {"vietnam", "viet nam", "vn"}},
    {"EE", {"estonia", "ee"}},
    {"LU", {"luxembourg", "lu"}},
    {"GR", {"greece", "gr"}},
    {"RO", {"romania", "ro"}},
    {"HU", {"hungary", "hu"}},
};

struct Rule
{
    const char *keyword; // whole words, spaces around, e.g. " vp "
    const char *value;
};

// Order matters: the first rule whose words occur wins.
constexpr Rule kSeniority[] = {
    {" founder ", "owner"},
    {" co founder ", "owner"},
    {" owner ", "owner"},
    {" vice president ", "vp"},
    {" vp ", "vp"},
    {" svp ", "vp"},
    {" evp ", "vp"},
    {" avp ", "vp"},
    {" chief ", "cxo"},
    {" ceo ", "cxo"},
    {" cto ", "cxo"},
    {" cfo ", "cxo"},
    {" coo ", "cxo"},
    {" cmo ", "cxo"},
    {" cio ", "cxo"},
    {" ciso ", "cxo"},
    {" cro ", "cxo"},
    {" cpo ", "cxo"},
    {" president ", "cxo"},
    {" managing director ", "cxo"},
    {" director ", "director"},
    {" head of ", "director"},
    {" head ", "director"},
    {" manager ", "manager"},
    {" supervisor ", "manager"},
    {" team lead ", "manager"},
    {" lead ", "manager"},
    {" intern ", "entry"},
    {" junior ", "entry"},
    {" trainee ", "entry"},
    {" assistant ", "entry"},
    {" coordinator ", "entry"},
    {" student ", "entry"},
};

constexpr Rule kDepartment[] = {
    {" revenue operations ", "revenue_operations"},
    {" revops ", "revenue_operations"},
    {" sales operations ", "revenue_operations"},
    {" marketing operations ", "revenue_operations"},
    {" chief executive ", "executive"},
    {" ceo ", "executive"},
    {" founder ", "executive"},
    {" co founder ", "executive"},
    {" owner ", "executive"},
    {" cto ", "engineering"},
    {" cio ", "it"},
    {" ciso ", "it"},
    {" cfo ", "finance"},
    {" cmo ", "marketing"},
    {" cro ", "sales"},
    {" coo ", "operations"},
    {" cpo ", "product"},
    {" product manager ", "product"},
    {" product owner ", "product"},
    {" product ", "product"},
    {" data ", "data"},
    {" analytics ", "data"},
    {" bi ", "data"},
    {" machine learning ", "data"},
    {" security ", "it"},
    {" it ", "it"},
    {" information technology ", "it"},
    {" infrastructure ", "it"},
    {" systems ", "it"},
    {" network ", "it"},
    {" engineer ", "engineering"},
    {" engineering ", "engineering"},
    {" developer ", "engineering"},
    {" software ", "engineering"},
    {" devops ", "engineering"},
    {" architect ", "engineering"},
    {" sre ", "engineering"},
    {" platform ", "engineering"},
    {" technology ", "engineering"},
    {" customer success ", "customer_success"},
    {" support ", "customer_success"},
    {" marketing ", "marketing"},
    {" demand ", "marketing"},
    {" growth ", "marketing"},
    {" brand ", "marketing"},
    {" content ", "marketing"},
    {" communications ", "marketing"},
    {" sales ", "sales"},
    {" account executive ", "sales"},
    {" business development ", "sales"},
    {" sdr ", "sales"},
    {" bdr ", "sales"},
    {" revenue ", "sales"},
    {" finance ", "finance"},
    {" financial ", "finance"},
    {" accounting ", "finance"},
    {" controller ", "finance"},
    {" fp&a ", "finance"},
    {" treasury ", "finance"},
    {" procurement ", "procurement"},
    {" purchasing ", "procurement"},
    {" sourcing ", "procurement"},
    {" buyer ", "procurement"},
    {" hr ", "hr"},
    {" human resources ", "hr"},
    {" people ", "hr"},
    {" talent ", "hr"},
    {" recruiter ", "hr"},
    {" recruiting ", "hr"},
    {" legal ", "legal"},
    {" counsel ", "legal"},
    {" compliance ", "legal"},
    {" operations ", "operations"},
    {" logistics ", "operations"},
    {" supply chain ", "operations"},
    // Last: "Vice President, Marketing" is marketing, a bare "President" the executive.
    {" president ", "executive"},
    {" managing director ", "executive"},
};

template <std::size_t N> const Rule *firstMatch(const Rule (&rules)[N], const std::string &words)
{
    for (const Rule &rule : rules)
        if (words.find(rule.keyword) != std::string::npos)
            return &rule;
    return nullptr;
}

std::string trimmedRule(const char *keyword)
{
    std::string k = keyword;
    return k.substr(1, k.size() - 2);
}

std::string personaFor(const std::string &seniority, const std::string &department)
{
    const bool technical =
        department == "engineering" || department == "it" || department == "data";
    const bool businessLine = department == "marketing" || department == "sales" ||
                              department == "revenue_operations" || department == "operations" ||
                              department == "customer_success" || department == "product";
    if (seniority == "owner" || seniority == "cxo")
        return "economic_buyer";
    if (seniority == "vp")
        return technical ? "technical_buyer" : "economic_buyer";
    if (seniority == "director")
        return technical
                   ? "technical_buyer"
                   : (department == "finance" || department == "procurement" ? "economic_buyer"
                                                                             : "champion");
    if (seniority == "manager")
        return businessLine || technical ? "champion" : "influencer";
    if (seniority == "individual" || seniority == "entry")
        return "end_user";
    return "influencer";
}

} // namespace

std::optional<std::string> countryCode(std::string_view country)
{
    const std::string words = wordsOf(country);
    if (words.size() <= 2)
        return std::nullopt;
    for (const Country &c : kCountries)
        for (const char *name : c.names)
            if (name && words == " " + std::string(name) + " ")
                return std::string(c.code);
    return std::nullopt;
}

TitleReading readTitle(std::string_view title)
{
    const std::string words = wordsOf(title);
    TitleReading reading;
    if (const Rule *s = firstMatch(kSeniority, words)) {
        reading.seniority = s->value;
        reading.seniorityRule = "'" + trimmedRule(s->keyword) + "' in the title";
    } else {
        reading.seniority = words.size() > 2 ? "individual" : "";
        reading.seniorityRule = words.size() > 2 ? "no seniority word in the title" : "no title";
    }
    if (const Rule *d = firstMatch(kDepartment, words)) {
        reading.department = d->value;
        reading.departmentRule = "'" + trimmedRule(d->keyword) + "' in the title";
    } else {
        reading.department = words.size() > 2 ? "other" : "";
        reading.departmentRule = words.size() > 2 ? "no department word in the title" : "no title";
    }
    if (!reading.seniority.empty())
        reading.persona = personaFor(reading.seniority, reading.department);
    return reading;
}

std::string effectiveEventType(std::string_view type, std::string_view asset)
{
    if (type != "web_visit" && type != "form_submit") // the only types an asset can refine
        return std::string(type);
    const std::string words = wordsOf(asset);
    if (type == "web_visit" && words.find(" pricing ") != std::string::npos)
        return "pricing_page_view";
    if (type == "form_submit" && (words.find(" demo ") != std::string::npos ||
                                  words.find(" contact sales ") != std::string::npos))
        return "demo_request";
    if (type == "form_submit" && (words.find(" webinar ") != std::string::npos))
        return "webinar_registered";
    if (type == "form_submit" && (words.find(" whitepaper ") != std::string::npos ||
                                  words.find(" ebook ") != std::string::npos ||
                                  words.find(" download ") != std::string::npos))
        return "content_download";
    return std::string(type);
}

std::string sizeBand(std::int64_t employees)
{
    if (employees <= 10)
        return "1-10";
    if (employees <= 50)
        return "11-50";
    if (employees <= 200)
        return "51-200";
    if (employees <= 1000)
        return "201-1000";
    if (employees <= 5000)
        return "1001-5000";
    return "5001+";
}

} // namespace baton::agents
