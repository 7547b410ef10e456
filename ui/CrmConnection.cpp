#include "CrmConnection.h"

namespace baton::ui {

CrmConnection::~CrmConnection() = default;

} // namespace baton::ui
