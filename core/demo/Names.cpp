#include "demo/Names.h"

#include <array>

namespace baton::demo::tables {

using sv = std::string_view;

namespace {

// ---- places -------------------------------------------------------------------------

constexpr sv kUsCities[] = {"New York", "San Francisco", "Austin", "Chicago", "Boston",
                            "Seattle", "Denver", "Atlanta", "Los Angeles", "Dallas",
                            "Raleigh", "Minneapolis", "Miami", "Salt Lake City", "Portland",
                            "Phoenix", "Pittsburgh", "San Diego"};
constexpr sv kGbCities[] = {"London", "Manchester", "Edinburgh", "Bristol", "Leeds",
                            "Birmingham", "Cambridge", "Glasgow", "Reading"};
constexpr sv kDeCities[] = {"Berlin", "München", "Hamburg", "Frankfurt am Main", "Köln",
                            "Stuttgart", "Düsseldorf", "Leipzig", "Nürnberg"};
constexpr sv kFrCities[] = {"Paris", "Lyon", "Toulouse", "Marseille", "Nantes", "Lille",
                            "Bordeaux", "Montpellier"};
constexpr sv kNlCities[] = {"Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag",
                            "Groningen"};
constexpr sv kCaCities[] = {"Toronto", "Vancouver", "Montréal", "Ottawa", "Calgary",
                            "Waterloo"};
constexpr sv kAuCities[] = {"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"};
constexpr sv kSeCities[] = {"Stockholm", "Göteborg", "Malmö", "Uppsala", "Linköping"};
constexpr sv kEsCities[] = {"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga"};
constexpr sv kInCities[] = {"Bengaluru", "Mumbai", "Pune", "Hyderabad", "Chennai",
                            "New Delhi", "Gurugram"};
constexpr sv kBrCities[] = {"São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba",
                            "Porto Alegre", "Florianópolis"};
constexpr sv kJpCities[] = {"Tokyo", "Osaka", "Yokohama", "Nagoya", "Fukuoka", "Kyoto"};
constexpr sv kPlCities[] = {"Warszawa", "Kraków", "Wrocław", "Gdańsk", "Poznań"};
constexpr sv kIeCities[] = {"Dublin", "Cork", "Galway", "Limerick"};
constexpr sv kChCities[] = {"Zürich", "Genève", "Basel", "Bern", "Lausanne"};
constexpr sv kDkCities[] = {"København", "Aarhus", "Odense"};
constexpr sv kSgCities[] = {"Singapore"};
constexpr sv kMxCities[] = {"Ciudad de México", "Monterrey", "Guadalajara", "Querétaro"};

constexpr sv kUsLegal[] = {"Inc.", "LLC", "Corp.", "Inc."};
constexpr sv kGbLegal[] = {"Ltd", "Ltd", "plc"};
constexpr sv kDeLegal[] = {"GmbH", "GmbH", "AG", "SE"};
constexpr sv kFrLegal[] = {"SAS", "SA"};
constexpr sv kNlLegal[] = {"B.V.", "B.V.", "N.V."};
constexpr sv kCaLegal[] = {"Inc.", "Ltd."};
constexpr sv kAuLegal[] = {"Pty Ltd"};
constexpr sv kSeLegal[] = {"AB"};
constexpr sv kEsLegal[] = {"S.L.", "S.A."};
constexpr sv kInLegal[] = {"Pvt Ltd", "Ltd"};
constexpr sv kBrLegal[] = {"Ltda.", "S.A."};
constexpr sv kJpLegal[] = {"K.K.", "Co., Ltd."};
constexpr sv kPlLegal[] = {"Sp. z o.o.", "S.A."};
constexpr sv kIeLegal[] = {"Ltd", "DAC"};
constexpr sv kChLegal[] = {"AG", "GmbH", "SA"};
constexpr sv kDkLegal[] = {"A/S", "ApS"};
constexpr sv kSgLegal[] = {"Pte. Ltd."};
constexpr sv kMxLegal[] = {"S.A. de C.V."};

constexpr Country kCountries[] = {
    {"US", "United States", "USA", 34, -300, "+1", ".com", En, NorthAmerica, kUsCities, kUsLegal},
    {"GB", "United Kingdom", "UK", 10, 0, "+44", ".co.uk", En, Emea, kGbCities, kGbLegal},
    {"DE", "Germany", "Deutschland", 9, 60, "+49", ".de", De, Emea, kDeCities, kDeLegal},
    {"FR", "France", "France", 6, 60, "+33", ".fr", Fr, Emea, kFrCities, kFrLegal},
    {"NL", "Netherlands", "The Netherlands", 4, 60, "+31", ".nl", Nl, Emea, kNlCities, kNlLegal},
    {"CA", "Canada", "Canada", 5, -300, "+1", ".ca", En, NorthAmerica, kCaCities, kCaLegal},
    {"AU", "Australia", "Australia", 4, 600, "+61", ".com.au", En, Apac, kAuCities, kAuLegal},
    {"SE", "Sweden", "Sverige", 2.5, 60, "+46", ".se", Sv, Emea, kSeCities, kSeLegal},
    {"ES", "Spain", "España", 3, 60, "+34", ".es", Es, Emea, kEsCities, kEsLegal},
    {"IN", "India", "India", 5, 330, "+91", ".in", In, Apac, kInCities, kInLegal},
    {"BR", "Brazil", "Brasil", 3, -180, "+55", ".com.br", Pt, Latam, kBrCities, kBrLegal},
    {"JP", "Japan", "Japan", 3, 540, "+81", ".co.jp", Ja, Apac, kJpCities, kJpLegal},
    {"PL", "Poland", "Polska", 1.5, 60, "+48", ".pl", Pl, Emea, kPlCities, kPlLegal},
    {"IE", "Ireland", "Ireland", 1.5, 0, "+353", ".ie", En, Emea, kIeCities, kIeLegal},
    {"CH", "Switzerland", "Schweiz", 1.5, 60, "+41", ".ch", De, Emea, kChCities, kChLegal},
    {"DK", "Denmark", "Danmark", 1, 60, "+45", ".dk", Sv, Emea, kDkCities, kDkLegal},
    {"SG", "Singapore", "Singapore", 1, 480, "+65", ".sg", En, Apac, kSgCities, kSgLegal},
    {"MX", "Mexico", "México", 1.5, -360, "+52", ".com.mx", Es, Latam, kMxCities, kMxLegal},
};

// ---- people -------------------------------------------------------------------------

constexpr sv kEnFirst[] = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
                           "Linda", "David", "Elizabeth", "William", "Barbara", "Richard",
                           "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
                           "Chris", "Emily", "Daniel", "Olivia", "Matthew", "Emma", "Anthony",
                           "Sophia", "Mark", "Chloe", "Zoë", "Liam", "Noah", "Ava", "Ethan",
                           "Grace", "Ryan", "Hannah", "Jack", "Amelia", "Nathan", "Megan",
                           "Kevin", "Rachel", "Brian", "Laura", "Siobhán", "Aoife", "Renée"};
constexpr sv kEnLast[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
                          "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin",
                          "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis",
                          "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
                          "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell",
                          "Roberts", "Carter", "Phillips", "Evans", "Turner", "O'Brien",
                          "McDonald", "Murphy", "Kelly", "Chen", "Nguyen", "Patel", "Kim"};
constexpr sv kDeFirst[] = {"Lukas", "Jonas", "Leon", "Finn", "Felix", "Maximilian", "Paul",
                           "Anna", "Lea", "Lena", "Hannah", "Sophie", "Marie", "Katharina",
                           "Jürgen", "Jörg", "Björn", "Sören", "Günter", "Stefan", "Andreas",
                           "Sabine", "Claudia", "Tobias", "Julia", "Matthias", "Käthe"};
constexpr sv kDeLast[] = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
                          "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer",
                          "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
                          "Zimmermann", "Krüger", "Hartmann", "Groß", "Lange", "Werner",
                          "Krause", "Köhler"};
constexpr sv kFrFirst[] = {"Jean", "Pierre", "Louis", "Lucas", "Hugo", "Théo", "Léa",
                           "Chloé", "Camille", "Manon", "Inès", "Zoé", "Élodie", "François",
                           "Hélène", "Amélie", "Mathéo", "Gaëlle", "Nicolas", "Julien",
                           "Sophie", "Céline", "Antoine", "Margaux"};
constexpr sv kFrLast[] = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
                          "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre",
                          "Michel", "Garcia", "David", "Bertrand", "Roux", "Fournier",
                          "Girard", "Bonnet", "Lambert", "Faure", "Rousseau", "Chevalier"};
constexpr sv kEsFirst[] = {"José", "María", "Antonio", "Manuel", "Javier", "Lucía", "Sofía",
                           "Martina", "Pablo", "Alejandro", "Carmen", "Álvaro", "Íñigo",
                           "Begoña", "Raúl", "Sergio", "Elena", "Nuria", "Diego", "Valentina",
                           "Andrés", "Ximena"};
constexpr sv kEsLast[] = {"García", "Rodríguez", "González", "Fernández", "López",
                          "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz",
                          "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero",
                          "Navarro", "Torres", "Castillo", "Ortega"};
constexpr sv kPtFirst[] = {"João", "Pedro", "Lucas", "Gabriel", "Rafael", "Ana", "Beatriz",
                           "Júlia", "Mariana", "Larissa", "Thiago", "Matheus", "Letícia",
                           "Camila", "Fernanda", "Luís", "Vitória", "Caio"};
constexpr sv kPtLast[] = {"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira",
                          "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins",
                          "Carvalho", "Araújo", "Conceição", "Barbosa", "Rocha"};
constexpr sv kNlFirst[] = {"Daan", "Sem", "Lucas", "Levi", "Bram", "Emma", "Julia", "Sanne",
                           "Fleur", "Anouk", "Thijs", "Ruben", "Femke", "Joris", "Maartje",
                           "Sven", "Lotte", "Jeroen"};
constexpr sv kNlLast[] = {"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk",
                          "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
                          "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
                          "Dekker", "Brouwer"};
constexpr sv kSvFirst[] = {"Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Björn",
                           "Åsa", "Astrid", "Ingrid", "Maja", "Elsa", "Linnéa", "Sofia",
                           "Oskar", "Märta", "Freja", "Søren", "Mette"};
constexpr sv kSvLast[] = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
                          "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
                          "Pettersson", "Jonsson", "Lindström", "Lindqvist", "Åberg",
                          "Sjöberg", "Berg", "Ström", "Jørgensen", "Hansen", "Møller"};
constexpr sv kInFirst[] = {"Aarav", "Vivaan", "Aditya", "Arjun", "Rohan", "Priya", "Ananya",
                           "Diya", "Kavya", "Neha", "Rahul", "Vikram", "Sanjay", "Deepa",
                           "Pooja", "Karthik", "Lakshmi", "Sneha", "Amit", "Divya"};
constexpr sv kInLast[] = {"Sharma", "Verma", "Patel", "Gupta", "Singh", "Kumar", "Reddy",
                          "Iyer", "Nair", "Mehta", "Shah", "Joshi", "Rao", "Das",
                          "Chatterjee", "Banerjee", "Krishnan", "Menon"};
constexpr sv kJaFirst[] = {"Haruto", "Yuto", "Sota", "Ren", "Hiroshi", "Takeshi", "Kenji",
                           "Yui", "Aoi", "Sakura", "Hina", "Yuki", "Akiko", "Naoko", "Daiki",
                           "Shota", "Kōki", "Yūko"};
constexpr sv kJaLast[] = {"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito",
                          "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada",
                          "Sasaki", "Matsumoto", "Inoue", "Kimura", "Saitō", "Ōno"};
constexpr sv kPlFirst[] = {"Łukasz", "Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał",
                           "Agnieszka", "Małgorzata", "Katarzyna", "Joanna", "Magdalena",
                           "Wojciech", "Zofia", "Jakub"};
constexpr sv kPlLast[] = {"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk",
                          "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak",
                          "Dąbrowski", "Kozłowski", "Mazur"};

constexpr std::array<std::span<const sv>, LocaleCount> kFirst = {
    kEnFirst, kDeFirst, kFrFirst, kEsFirst, kPtFirst, kNlFirst, kSvFirst, kInFirst, kJaFirst, kPlFirst};
constexpr std::array<std::span<const sv>, LocaleCount> kLast = {
    kEnLast, kDeLast, kFrLast, kEsLast, kPtLast, kNlLast, kSvLast, kInLast, kJaLast, kPlLast};

// ---- companies ----------------------------------------------------------------------

constexpr sv kSoftwareWords[] = {"Software", "Systems", "Labs", "Technologies", "Analytics",
                                 "Cloud", "Digital", "AI", "Data", "Networks"};
constexpr sv kFinanceWords[] = {"Capital", "Financial", "Partners", "Bank", "Wealth",
                                "Payments", "Finance", "Investments"};
constexpr sv kHealthWords[] = {"Health", "Medical", "Care", "Clinics", "Diagnostics", "Pharma",
                               "Biotech", "Therapeutics"};
constexpr sv kMfgWords[] = {"Manufacturing", "Industries", "Engineering", "Components",
                            "Fabrication", "Precision", "Machinery", "Materials"};
constexpr sv kRetailWords[] = {"Retail", "Stores", "Outfitters", "Market", "Goods", "Brands",
                               "Supply", "Trading"};
constexpr sv kEduWords[] = {"Academy", "Learning", "University", "Institute", "Education",
                            "School", "College"};
constexpr sv kMediaWords[] = {"Media", "Studios", "Publishing", "Broadcasting",
                              "Entertainment", "Productions", "Press"};
constexpr sv kLogisticsWords[] = {"Logistics", "Freight", "Shipping", "Transport", "Express",
                                  "Cargo", "Distribution"};
constexpr sv kEnergyWords[] = {"Energy", "Power", "Renewables", "Solar", "Utilities",
                               "Resources", "Grid"};
constexpr sv kTelcoWords[] = {"Telecom", "Communications", "Networks", "Wireless", "Mobile",
                              "Connect", "Broadband"};
constexpr sv kInsuranceWords[] = {"Insurance", "Assurance", "Mutual", "Underwriters"};
constexpr sv kServicesWords[] = {"Consulting", "Advisors", "Group", "Associates", "Solutions"};
constexpr sv kRealEstateWords[] = {"Properties", "Realty", "Estates", "Developments"};

constexpr Industry kIndustries[] = {
    {"Software", 22, 0.9, 250000, kSoftwareWords},
    {"Financial Services", 11, 0.6, 400000, kFinanceWords},
    {"Healthcare", 9, 0.2, 180000, kHealthWords},
    {"Manufacturing", 10, 0.0, 220000, kMfgWords},
    {"Retail", 8, -0.2, 200000, kRetailWords},
    {"Education", 5, -0.7, 90000, kEduWords},
    {"Media", 5, -0.1, 210000, kMediaWords},
    {"Logistics", 6, 0.1, 190000, kLogisticsWords},
    {"Energy", 4, 0.0, 600000, kEnergyWords},
    {"Telecommunications", 5, 0.4, 350000, kTelcoWords},
    {"Insurance", 4, 0.4, 450000, kInsuranceWords},
    {"Professional Services", 8, 0.1, 160000, kServicesWords},
    {"Real Estate", 3, -0.4, 300000, kRealEstateWords},
};

constexpr sv kPrefixes[] = {
    "Blue", "North", "Silver", "Iron", "Bright", "Clear", "Red", "Green", "Stone", "Summit",
    "Cedar", "Oak", "Pine", "River", "Lake", "Harbor", "Apex", "Vertex", "Nova", "Quantum",
    "Atlas", "Orion", "Polar", "Solar", "Terra", "Aero", "Hyper", "Omni", "Pioneer",
    "Frontier", "Pacific", "Atlantic", "Alpine", "Nordic", "Crescent", "Falcon", "Eagle",
    "Lion", "Fox", "Wolf", "Bear", "Sky", "Star", "Sun", "Moon", "Cloud", "Signal", "Bridge",
    "Key", "Core", "Prime", "Bold", "True", "Vivid", "Lumen", "Helix", "Zen", "Arc", "Beacon",
    "Cobalt", "Crimson", "Indigo", "Ember", "Granite", "Maple", "Willow", "Aspen", "Birch",
    "Copper", "Golden", "Sterling", "West", "East", "South", "High", "Deep", "Swift", "Keen",
    "Open", "Fair"};
constexpr sv kRoots[] = {"wind", "peak", "field", "stone", "gate", "bridge", "point", "line",
                         "wave", "works", "forge", "path", "stream", "light", "view", "ridge",
                         "shore", "vale", "crest", "mark", "spring", "haven", "port", "rock",
                         "wood", "ford", "bay", "hill", "star", "leaf"};
constexpr sv kAccountTypes[] = {"Prospect", "Prospect", "Prospect", "Customer", "Partner",
                                "Other"};

// ---- roles --------------------------------------------------------------------------

constexpr Title kTitles[] = {
    {"CTO", "Chief Technology Officer", "cxo", "Engineering", 2, 0.5},
    {"CEO", "Chief Executive Officer", "cxo", "Executive", 1.5, 0.3},
    {"CFO", "Chief Financial Officer", "cxo", "Finance", 1, 0.0},
    {"CMO", "Chief Marketing Officer", "cxo", "Marketing", 1.2, 0.6},
    {"CIO", "Chief Information Officer", "cxo", "IT", 1, 0.4},
    {"Chief Revenue Officer", "Chief Revenue Officer", "cxo", "Sales", 0.8, 0.8},
    {"Founder & CEO", "Founder and Chief Executive Officer", "owner", "Executive", 0.8, 0.2},
    {"Owner", "Owner", "owner", "Executive", 0.6, -0.2},
    {"VP Engineering", "Vice President of Engineering", "vp", "Engineering", 2, 0.6},
    {"VP, Sales", "Vice President, Sales", "vp", "Sales", 2, 0.7},
    {"VP Marketing", "Vice President of Marketing", "vp", "Marketing", 2, 0.9},
    {"VP of Revenue Operations", "Vice President, Revenue Operations", "vp", "Operations", 1, 1.1},
    {"Head of Revenue Operations", "Head of RevOps", "director", "Operations", 2, 1.1},
    {"Director of IT", "IT Director", "director", "IT", 2.5, 0.5},
    {"Director of Demand Generation", "Demand Generation Director", "director", "Marketing", 2, 0.9},
    {"Director, Sales Operations", "Sales Operations Director", "director", "Sales", 2, 0.9},
    {"Head of Data", "Head of Data & Analytics", "director", "Engineering", 1.2, 0.6},
    {"Marketing Manager", "Marketing Manager", "manager", "Marketing", 5, 0.5},
    {"Marketing Operations Manager", "Marketing Ops Manager", "manager", "Marketing", 3, 0.9},
    {"Growth Marketing Lead", "Growth Marketing Manager", "manager", "Marketing", 1.5, 0.6},
    {"Sales Manager", "Sales Manager", "manager", "Sales", 3, 0.4},
    {"Engineering Manager", "Software Engineering Manager", "manager", "Engineering", 3, 0.3},
    {"IT Manager", "IT Manager", "manager", "IT", 3, 0.3},
    {"Product Manager", "Product Manager", "manager", "Product", 3, 0.2},
    {"Operations Manager", "Operations Manager", "manager", "Operations", 2, 0.2},
    {"Customer Success Manager", "Customer Success Manager", "manager", "Customer Success", 2, 0.1},
    {"Procurement Manager", "Procurement Manager", "manager", "Procurement", 1.2, 0.0},
    {"Account Executive", "Account Executive", "entry", "Sales", 4, 0.0},
    {"Sales Development Representative", "SDR", "entry", "Sales", 3, -0.1},
    {"Software Engineer", "Software Developer", "entry", "Engineering", 6, -0.4},
    {"Senior Software Engineer", "Sr. Software Engineer", "entry", "Engineering", 4, -0.3},
    {"Solutions Architect", "Solutions Architect", "entry", "Engineering", 2, 0.0},
    {"Data Analyst", "Data Analyst", "entry", "Analytics", 3, -0.1},
    {"Business Analyst", "Business Analyst", "entry", "Operations", 2, 0.0},
    {"Marketing Coordinator", "Marketing Coordinator", "entry", "Marketing", 3, 0.0},
    {"Marketing Specialist", "Marketing Specialist", "entry", "Marketing", 3, 0.0},
    {"Procurement Specialist", "Procurement Specialist", "entry", "Procurement", 2, -0.3},
    {"Financial Analyst", "Financial Analyst", "entry", "Finance", 2, -0.5},
    {"HR Business Partner", "HR Business Partner", "manager", "Human Resources", 1.5, -0.8},
    {"Office Manager", "Office Manager", "manager", "Administration", 1, -0.8},
    {"Consultant", "Consultant", "entry", "Consulting", 2, -0.2},
    {"Student", "Student", "entry", "Education", 0.8, -1.5},
};

constexpr sv kOwnersNa[] = {"Dana Whitfield", "Marcus Reyes", "Priya Natarajan", "Tom Becker",
                            "Alicia Gomez"};
constexpr sv kOwnersEmea[] = {"Sophie Laurent", "Jonas Berg", "Emma Clarke", "Lukas Hoffmann",
                              "Inés Navarro"};
constexpr sv kOwnersApac[] = {"Kenji Watanabe", "Olivia Chen", "Aarav Mehta"};
constexpr sv kOwnersLatam[] = {"Camila Souza", "Diego Hernández"};
constexpr std::array<std::span<const sv>, RegionCount> kOwners = {kOwnersNa, kOwnersEmea,
                                                                   kOwnersApac, kOwnersLatam};

constexpr WeightedLabel kSources[] = {
    {"Organic Search", 25}, {"Paid Search", 12},    {"Email Marketing", 10},
    {"Social Media", 10},   {"Referrals", 8},       {"Direct Traffic", 15},
    {"Offline Sources", 12}, {"Paid Social", 5},    {"Other Campaigns", 3},
};

// ---- the vendor's website and marketing -----------------------------------------------

constexpr Page kPages[] = {
    {"/", 1001, Home},
    {"/pricing", 1002, Pricing},
    {"/product", 1003, Product},
    {"/product/integrations", 1004, Product},
    {"/product/lineage", 1005, Product},
    {"/product/scoring", 1006, Product},
    {"/product/security", 1007, Product},
    {"/customers", 1008, Customers},
    {"/customers/northwind-logistics", 1009, Customers},
    {"/customers/helix-health", 1010, Customers},
    {"/compare/spreadsheets", 1011, Product},
    {"/docs/getting-started", 1012, Docs},
    {"/docs/api", 1013, Docs},
    {"/docs/connectors/hubspot", 1014, Docs},
    {"/demo", 1015, Demo},
    {"/contact", 1016, Demo},
    {"/about", 1017, Company},
    {"/careers", 1018, Company},
    {"/partners", 1019, Company},
    {"/blog", 1020, Blog},
    {"/blog/mql-to-sql-handoff-checklist", 1021, Blog},
    {"/blog/lead-scoring-that-sales-trusts", 1022, Blog},
    {"/blog/data-contracts-for-marketing-ops", 1023, Blog},
    {"/blog/why-handoffs-fail", 1024, Blog},
    {"/blog/speed-to-lead-benchmarks", 1025, Blog},
    {"/blog/enrichment-conflicts-explained", 1026, Blog},
    {"/blog/revops-metrics-that-matter", 1027, Blog},
    {"/blog/audit-trails-for-gtm-teams", 1028, Blog},
    {"/blog/intent-signals-without-the-hype", 1029, Blog},
    {"/blog/routing-rules-for-global-teams", 1030, Blog},
    {"/resources", 1031, Resource},
    {"/resources/whitepapers/revops-handoff-playbook", 1032, Resource},
    {"/resources/reports/state-of-lead-quality-2026", 1033, Resource},
    {"/resources/guides/data-contracts-for-marketing-ops", 1034, Resource},
    {"/resources/reports/lead-scoring-benchmark", 1035, Resource},
    {"/resources/guides/handoff-automation-buyers-guide", 1036, Resource},
    {"/webinars", 1037, WebinarPage},
};

constexpr Form kForms[] = {
    {"Contact Us", 2101},          {"Demo Request", 2102},    {"Whitepaper Download", 2103},
    {"Webinar Registration", 2104}, {"Newsletter Signup", 2105}, {"Free Trial", 2106},
    {"Pricing Inquiry", 2107},     {"Case Study Download", 2108},
};

constexpr Asset kAssets[] = {
    {"The RevOps Handoff Playbook", "/resources/whitepapers/revops-handoff-playbook"},
    {"State of Lead Quality 2026", "/resources/reports/state-of-lead-quality-2026"},
    {"Data Contracts for Marketing Ops", "/resources/guides/data-contracts-for-marketing-ops"},
    {"Lead Scoring Benchmark Report", "/resources/reports/lead-scoring-benchmark"},
    {"Buyer's Guide: Handoff Automation", "/resources/guides/handoff-automation-buyers-guide"},
};

constexpr sv kEmailPrograms[] = {"Newsletter", "Nurture - RevOps Track", "Nurture - Data Quality Track",
                                 "Product Update", "Webinar Invite", "Case Study Spotlight",
                                 "Event Follow-up", "Re-engagement"};

constexpr sv kWebinars[] = {"Scaling RevOps Without Losing Context",
                            "Lead Scoring Your Sales Team Will Trust",
                            "From MQL to Meeting in 24 Hours",
                            "Data Contracts 101 for Marketing Ops",
                            "Building an Auditable Handoff",
                            "Benchmarking Speed-to-Lead"};

constexpr sv kUserAgents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36 Edg/129.0.2792.79",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
};

constexpr WeightedLabel kReferrers[] = {
    {"https://www.google.com/", 40},  {"", 25},
    {"https://www.linkedin.com/", 12}, {"https://www.bing.com/", 8},
    {"https://duckduckgo.com/", 4},    {"https://www.g2.com/", 4},
    {"https://t.co/", 3},              {"https://news.ycombinator.com/", 2},
    {"https://www.reddit.com/", 2},
};

constexpr sv kTechnologies[] = {"Salesforce", "HubSpot", "Marketo", "Snowflake", "AWS",
                                "Google Cloud", "Microsoft Azure", "Slack", "Zendesk",
                                "Segment", "Outreach", "Gong", "Tableau", "Looker", "dbt",
                                "Workday", "SAP", "Shopify", "Stripe", "Okta"};

} // namespace

std::span<const Country> countries() { return kCountries; }
std::span<const sv> firstNames(Locale locale) { return kFirst[locale]; }
std::span<const sv> lastNames(Locale locale) { return kLast[locale]; }
std::span<const Industry> industries() { return kIndustries; }
std::span<const sv> companyPrefixes() { return kPrefixes; }
std::span<const sv> companyRoots() { return kRoots; }
std::span<const sv> accountTypes() { return kAccountTypes; }
std::span<const Title> titles() { return kTitles; }
std::span<const sv> owners(Region region) { return kOwners[region]; }
std::span<const WeightedLabel> originalSources() { return kSources; }
std::span<const Page> pages() { return kPages; }
const Form &form(FormKind kind) { return kForms[kind]; }
std::span<const Asset> contentAssets() { return kAssets; }
std::span<const sv> emailPrograms() { return kEmailPrograms; }
std::span<const sv> webinarTitles() { return kWebinars; }
std::span<const sv> userAgents() { return kUserAgents; }
std::span<const WeightedLabel> referrers() { return kReferrers; }
std::span<const sv> technologies() { return kTechnologies; }

} // namespace baton::demo::tables
