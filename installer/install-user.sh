#!/usr/bin/env bash
# Per-user install: copies the built module and its data where OBS looks for a user's plugins,
#   ~/.config/obs-studio/plugins/live-commerce-studio/{bin/64bit,data}
# Usage: installer/install-user.sh [BUILD_DIR]   (default: build_linux-release)
#        installer/install-user.sh --uninstall
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="${XDG_CONFIG_HOME:-$HOME/.config}"
target="$config/obs-studio/plugins/live-commerce-studio"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target"
  echo "removed $target"
  exit 0
fi

build="${1:-$here/build_linux-release}"
module="$build/rundir/obs-plugins/live-commerce-studio.so"
data="$build/rundir/data/live-commerce-studio"
if [ ! -f "$module" ] || [ ! -d "$data" ]; then
  echo "install-user: no built module in $build (run installer/build.sh first)" >&2
  exit 1
fi
mkdir -p "$target/bin/64bit" "$target/data"
install -m 0755 "$module" "$target/bin/64bit/live-commerce-studio.so"
rm -rf "$target/data"
cp -r "$data" "$target/data"
echo "installed into $target"
