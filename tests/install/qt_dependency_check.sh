#!/usr/bin/env bash
# The check OBS 30+ applies before loading a module (libobs' has_qt5_dependency on Linux reads the
# module's DT_NEEDED entries): a Qt6 build must need libQt6* and no libQt5*; a Qt5 build (OBS 29)
# must need libQt5* and no libQt6*. Reads `readelf -d` of the module file itself.
# Usage: qt_dependency_check.sh MODULE 5|6
set -euo pipefail
module="$1" major="$2"
fail() { echo "FAIL: $module: $*" >&2; exit 1; }
[ -f "$module" ] || fail "no such module file"
case "$major" in
  5) other=6 ;;
  6) other=5 ;;
  *) echo "usage: $0 MODULE 5|6 (got '$major')" >&2; exit 2 ;;
esac
dyn="$(readelf -d "$module")" || fail "readelf -d failed (not an ELF file?)"
needed="$(sed -n 's/.*(NEEDED).*Shared library: \[\(.*\)\]/\1/p' <<<"$dyn")"
[ -n "$needed" ] || fail "readelf -d lists no NEEDED entry"
echo "NEEDED: $(tr '\n' ' ' <<<"$needed")"
wrong="$(grep -E "^libQt${other}" <<<"$needed" || true)"
[ -z "$wrong" ] || fail "a Qt${major} build needs $(tr '\n' ' ' <<<"$wrong")"
grep -qE "^libQt${major}(Core|Widgets|Gui)" <<<"$needed" || fail "needs no libQt${major}Core/Gui/Widgets"
echo "OK: $(basename "$module") needs Qt${major} only"
