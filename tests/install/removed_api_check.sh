#!/usr/bin/env bash
# A module that imports a function the running OBS no longer exports cannot work there. Checks
# that the module imports none of the frontend calls OBS has removed (docs/obs-versions.md):
#   obs_frontend_add_dock   removed in OBS 32.0 (deprecated since 30 for obs_frontend_add_dock_by_id)
# Usage: removed_api_check.sh MODULE
set -euo pipefail
module="$1"
removed=(obs_frontend_add_dock)
[ -f "$module" ] || { echo "FAIL: $module: no such module file" >&2; exit 1; }
imports="$(nm -D --undefined-only "$module" | awk '{print $NF}' | sed 's/@.*//')"
[ -n "$imports" ] || { echo "FAIL: $module: nm lists no imported symbol" >&2; exit 1; }
grep -qx "obs_register_source_s" <<<"$imports" || { echo "FAIL: $module: does not import obs_register_source_s (not our module?)" >&2; exit 1; }
bad=()
for name in "${removed[@]}"; do
  if grep -qx "$name" <<<"$imports"; then bad+=("$name"); fi
done
if [ "${#bad[@]}" -gt 0 ]; then
  echo "FAIL: $module imports ${bad[*]}, which OBS 32 no longer exports" >&2
  exit 1
fi
echo "OK: $(basename "$module") imports none of: ${removed[*]}"
