#pragma once

// The SQL of migration steps kept outside Migrations.cpp, one file per group of steps.
namespace baton::store::sql {

extern const char *const kV12; // consent per channel on leads
extern const char *const kV13; // profiles bound to OS accounts; what kind of store this is

} // namespace baton::store::sql
