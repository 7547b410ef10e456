#pragma once

// The SQL of migration steps kept outside Migrations.cpp, one file per group of steps.
namespace baton::store::sql {

extern const char *const kV12; // consent per channel on leads

} // namespace baton::store::sql
