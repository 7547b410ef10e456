#!/usr/bin/env bash
# core/ links no Qt and includes no Qt; ui/ holds no SQL. Checked on sources and on the
# built core library's link line.
set -u
root="$1"; build="$2"
fail=0
if grep -rnE '#include *<Q[A-Za-z]|#include *<Qt|Q_OBJECT' "$root/core"; then
  echo "FAIL: core/ includes Qt"; fail=1
fi
if grep -rnE 'sqlite3_|#include *<sqlite3.h>|"(SELECT|INSERT|UPDATE|DELETE|CREATE) ' "$root/ui"; then
  echo "FAIL: ui/ holds SQL"; fail=1
fi
if grep -rnE '#include *[<"]valijson' "$root/core" "$root/ui" "$root/app" --include=*.h --include=*.cpp -l |
   grep -v 'core/contracts/SchemaValidator.cpp' | grep -q .; then
  echo "FAIL: valijson is included outside core/contracts/SchemaValidator.cpp"; fail=1
fi
# Areas of core depend one way: review announces transitions that the outbox subscriber
# turns into CRM operations, so crm knows nothing of review; governance (who acts, may they,
# the audit) sits below both.
if grep -rnE '#include *"review/' "$root/core/crm" "$root/core/governance"; then
  echo "FAIL: core/crm or core/governance includes core/review"; fail=1
fi
if grep -rnE '#include *"crm/' "$root/core/governance"; then
  echo "FAIL: core/governance includes core/crm"; fail=1
fi
link="$build/core/CMakeFiles/baton_core.dir/link.txt"
if [ -f "$link" ] && grep -qi 'qt6\|Qt6' "$link"; then
  echo "FAIL: baton_core links Qt"; fail=1
fi
if [ $fail -eq 0 ]; then echo "layering: 1 passed, 0 failed"; else echo "layering: 0 passed, 1 failed"; fi
exit $fail
