#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>

// A deterministic generator of realistic marketing data, written as the files Baton
// imports: a Baton JSONL of accounts, a HubSpot contacts export, a Marketo bulk activity
// export, a JSONL of enrichment records from two providers and a JSONL of engagement events
// from webinar and website tools. Same options (seed, now) -> byte-identical files, on any
// platform: only std::mt19937_64 (whose sequence the standard fixes) and hand-written
// distributions and formatting are used.
//
// Behind the files is a small model: each lead has a hidden propensity made of its fit
// (industry, company size, seniority and role) and its engagement intensity; the intensity
// drives the events (quiet leads, campaign days, week-long research bursts), and leads
// created more than 60 days before `now` became an opportunity with probability
// sigmoid(propensity). The propensity itself is only written to ground_truth.csv, and only
// when asked, so scoring quality can be measured against it.
namespace baton::demo {

struct DemoOptions
{
    int leads = 2000;
    std::uint64_t seed = 42;
    // The end of the engagement window; the files are reproducible because this is given.
    std::chrono::system_clock::time_point now = defaultNow();
    int days = 90;               // engagement window
    double eventsPerLead = 25.0; // average Marketo activities per lead
    // If > 0, activities.csv holds exactly this many rows (for benchmarks); the model's
    // intensities are scaled to get close, then events are thinned or added to hit it.
    std::int64_t targetEvents = 0;
    bool malformed = true;    // ~0.5% deliberately broken records in each file
    bool groundTruth = false; // also write ground_truth.csv (each lead's hidden model)

    // 2026-11-16T12:00:00Z: a fixed default so a bare DemoOptions{} is reproducible.
    static std::chrono::system_clock::time_point defaultNow();
};

struct DemoFiles
{
    std::filesystem::path accounts;    // accounts.jsonl: account@1
    std::filesystem::path contacts;    // contacts.csv: HubSpot contacts export
    std::filesystem::path activities;  // activities.csv: Marketo bulk activity export
    std::filesystem::path enrichment;  // enrichment.jsonl: enrichment_record@1
    std::filesystem::path events;      // events.jsonl: engagement_event@2 (and some @1)
    std::filesystem::path groundTruth; // ground_truth.csv, empty unless asked for

    // Records written per file, malformed ones included.
    std::int64_t accountCount = 0;
    std::int64_t contactCount = 0;
    std::int64_t activityCount = 0;
    std::int64_t enrichmentCount = 0;
    std::int64_t eventCount = 0;
    // Records broken on purpose, per file: an import must quarantine exactly these.
    std::int64_t malformedAccounts = 0;
    std::int64_t malformedContacts = 0;
    std::int64_t malformedActivities = 0;
    std::int64_t malformedEnrichment = 0;
    std::int64_t malformedEvents = 0;
    // Well-formed events written as the deprecated engagement_event@1.
    std::int64_t deprecatedEvents = 0;
    // Outcomes: leads created more than 60 days before `now`, and how many of them (and of
    // all leads) carry a "Became an Opportunity Date". Malformed contacts included.
    std::int64_t oldLeads = 0;
    std::int64_t convertedOldLeads = 0;
    std::int64_t strategicAccounts = 0;
    // Enrichment: accounts on which the two providers disagree (industry or employee
    // count), and observations older than 180 days at `now`.
    std::int64_t conflictingAccounts = 0;
    std::int64_t staleObservations = 0;
    double scale = 1;       // the factor on every lead's rates that gives the events asked for
    std::int64_t bytes = 0; // all files together
    double seconds = 0;     // wall time of generation
};

// Writes the five files (and ground_truth.csv if asked) into `dir`, creating it if needed.
// `progress` gets a fraction in [0, 1], called from this thread. Throws std::runtime_error
// if a file cannot be written.
DemoFiles generateDemo(const std::filesystem::path &dir, const DemoOptions &options,
                       std::function<void(double fraction)> progress = {});

// Benchmark inputs: exactly `events` Marketo activities of about events/25 leads, as a
// Marketo bulk activity CSV, or the very same events as Baton JSONL (engagement_event@2,
// source_system "marketo", records shaped as the Marketo importer maps the CSV rows, so
// both files import to identical rows). No malformed records.
void writeMarketoActivities(const std::filesystem::path &path, std::int64_t events,
                            std::uint64_t seed, std::chrono::system_clock::time_point now);
void writeEventsJsonl(const std::filesystem::path &path, std::int64_t events, std::uint64_t seed,
                      std::chrono::system_clock::time_point now);

} // namespace baton::demo
