#pragma once

#include "store/Database.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

// The small fixed store of tests/data/telemetry/kpi_fixture.sql, loaded into an open store
// (keys off: its rows stand alone). Its values are worked out by hand in test_telemetry.
inline void loadKpiFixture(baton::store::Database &db)
{
    std::ifstream in(BATON_TEST_DATA "/telemetry/kpi_fixture.sql");
    if (!in)
        throw std::runtime_error("missing tests/data/telemetry/kpi_fixture.sql");
    std::stringstream sql;
    sql << in.rdbuf();
    if (db.engine() == baton::store::Engine::Postgres) {
        // PostgreSQL has no foreign_keys switch: replica mode skips the key triggers.
        db.exec("SET session_replication_role = replica");
        db.exec(sql.str());
        db.exec("SET session_replication_role = DEFAULT");
        return;
    }
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec(sql.str());
}
