#!/usr/bin/env bash
# The check OBS applies before loading a module (28.0.2–31.x when built with Qt6; libobs'
# has_qt5_dependency dlopens the module in a child and rejects it when any libQt5 is in its link
# map): a Qt6 build must need libQt6* and no libQt5*, a Qt5 build (OBS 29) libQt5* and no libQt6*.
# Checks the module's own NEEDED entries (`readelf -d`) and everything they load (`ldd`).
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
# Transitively too, as OBS's link-map check sees it.
loaded="$(ldd "$module")" || fail "ldd failed"
! grep -q "not found" <<<"$loaded" || fail "unresolved libraries: $(grep "not found" <<<"$loaded" | tr -s ' \t\n' ' ')"
wrong="$(grep -oE "libQt${other}[A-Za-z]*\.so[.0-9]*" <<<"$loaded" | sort -u || true)"
[ -z "$wrong" ] || fail "loads $(tr '\n' ' ' <<<"$wrong")through its dependencies"
echo "OK: $(basename "$module") needs Qt${major} only (directly and through its dependencies)"
