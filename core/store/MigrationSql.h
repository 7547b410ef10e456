#pragma once

// The SQL of migration steps kept outside Migrations.cpp, one file per group of steps.
#include <string>

namespace baton::store::sql {

extern const char *const kV12; // consent per channel on leads
extern const char *const kV13; // profiles bound to OS accounts; what kind of store this is

const std::string &reviewActionsV14(); // retract and rerun as actions; CHECK from review's words

} // namespace baton::store::sql
