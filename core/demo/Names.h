#pragma once

#include <span>
#include <string_view>

// Reference tables for the demo generator: names, companies, places, titles, web pages,
// forms, emails. Plain constant data; the generator draws from them.
namespace baton::demo::tables {

enum Locale { En, De, Fr, Es, Pt, Nl, Sv, In, Ja, Pl, LocaleCount };
enum Region { NorthAmerica, Emea, Apac, Latam, RegionCount };

struct Country
{
    std::string_view code;    // ISO 3166-1 alpha-2
    std::string_view name;    // as a HubSpot user types it
    std::string_view altName; // another spelling people use ("USA", "Deutschland")
    double weight;
    int utcOffsetMinutes; // a typical business-hours offset
    std::string_view dial;
    std::string_view tld; // ".de", ".co.uk"
    Locale locale;
    Region region;
    std::span<const std::string_view> cities;
    std::span<const std::string_view> legalSuffixes;
};
std::span<const Country> countries();

std::span<const std::string_view> firstNames(Locale locale);
std::span<const std::string_view> lastNames(Locale locale);

struct Industry
{
    std::string_view name;
    double weight;
    double fit; // how well the industry matches the demo's ideal customer
    double revenuePerEmployee; // USD
    std::span<const std::string_view> words; // "Analytics", "Logistics"
};
std::span<const Industry> industries();

std::span<const std::string_view> companyPrefixes(); // "North", "Silver"
std::span<const std::string_view> companyRoots();    // "wind", "gate"
std::span<const std::string_view> accountTypes();

struct Title
{
    std::string_view title;
    std::string_view longForm; // what an enrichment provider reports
    std::string_view seniority; // enrichment_record seniority enum
    std::string_view department;
    double weight;
    double fit;
};
std::span<const Title> titles();

std::span<const std::string_view> owners(Region region);

struct WeightedLabel
{
    std::string_view label;
    double weight;
};
std::span<const WeightedLabel> originalSources();

enum PageKind { Home, Blog, Product, Pricing, Docs, Resource, Customers, Demo, Company, WebinarPage };
struct Page
{
    std::string_view path;
    int id; // Marketo webpage id
    PageKind kind;
};
std::span<const Page> pages();

enum FormKind { ContactUs, DemoRequest, Whitepaper, WebinarRegistration, Newsletter, FreeTrial,
                PricingInquiry, CaseStudy, FormKindCount };
struct Form
{
    std::string_view name;
    int id;
};
const Form &form(FormKind kind);

struct Asset
{
    std::string_view title;
    std::string_view path; // landing page of the download
};
std::span<const Asset> contentAssets();

std::span<const std::string_view> emailPrograms(); // "Newsletter", "Nurture - ..."
std::span<const std::string_view> webinarTitles();
std::span<const std::string_view> userAgents();
std::span<const WeightedLabel> referrers(); // "" is direct traffic
std::span<const std::string_view> technologies();

} // namespace baton::demo::tables
