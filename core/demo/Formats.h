#pragma once

#include "demo/Model.h"

#include <string>

// How the demo's records are written in each file format Baton imports.
namespace baton::demo {

// The site every demo page lives on (a reserved example domain).
inline constexpr std::string_view kSite = "https://www.example.com";

// A Marketo activity as a row of the bulk activity export CSV, or as the Baton JSONL
// engagement_event@2 record the Marketo importer makes of that row.
class MarketoWriter
{
public:
    enum class Format { Csv, Jsonl };
    MarketoWriter(const Calendar &calendar, Format format);

    static void header(std::string &out);
    // `broken`: the attributes JSON is cut short (CSV only), so the row must be quarantined.
    void write(std::string &out, std::uint64_t guid, const Lead &lead, const Activity &activity,
               bool broken);

private:
    const Calendar &m_calendar;
    Format m_format;
    std::string m_attrs;
    std::string m_value;
};

// How a record is broken on purpose.
enum class Break { None, Truncate, BadEmail, BadEmailDoubleAt, BadDate, BadStage, BadTime };

void writeAccount(std::string &out, const Account &account, Break how);

void writeContactsHeader(std::string &out);
void writeContact(std::string &out, const Lead &lead, Break how);

enum class Provider { Harbor, Meridian };
std::string_view providerName(Provider provider);

struct AccountObservation
{
    Provider provider;
    std::uint64_t serial; // unique per provider
    std::int64_t observedAt;
    double confidence;
    std::string_view industry;
    std::int64_t employees;
    std::uint64_t technologies; // bit set over tables::technologies()
};
void writeAccountEnrichment(std::string &out, const Account &account, const AccountObservation &o,
                            Break how);

struct LeadObservation
{
    Provider provider;
    std::uint64_t serial;
    std::int64_t observedAt;
    double confidence;
    bool longTitle;
};
void writeLeadEnrichment(std::string &out, const Lead &lead, const LeadObservation &o, Break how);

// An event from on24 or the website, as engagement_event@2 (or the deprecated @1).
void writeSideEvent(std::string &out, const Lead &lead, const SideEvent &event,
                    const Calendar &calendar, std::uint64_t serial, int version, Break how);

} // namespace baton::demo
