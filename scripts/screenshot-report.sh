#!/usr/bin/env bash
# Renders the HTML check report of Examples/legacy-filter and the HTML install plan of
# Examples/isolated-kmdf, takes a PNG of each with headless Chromium, and prints the PNG paths.
# Output goes to dist/ (git-ignored). Installs Debian's chromium with apt-get when it is missing.
#   ISOLINT=path/to/isolint  use that binary instead of building one
#   SCRATCH=.build           the scratch folder for `swift build` (default .build)
set -euo pipefail
cd "$(dirname "$0")/.."

out=dist
mkdir -p "$out"

browser=""
for candidate in chromium chromium-browser chromium-headless-shell; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    browser=chromium
fi

isolint=${ISOLINT:-}
if [ -z "$isolint" ]; then
    scratch=${SCRATCH:-.build}
    swift build --scratch-path "$scratch" --product isolint >&2
    isolint="$(swift build --scratch-path "$scratch" --show-bin-path)/isolint"
fi

# `check` exits 1 when the package has errors, which is what the example shows.
"$isolint" check Examples/legacy-filter --output-format html > "$out/legacy-filter-report.html" || [ $? -eq 1 ]
"$isolint" explain --output-format html Examples/isolated-kmdf > "$out/isolated-kmdf-plan.html"

for page in legacy-filter-report isolated-kmdf-plan; do
    # The browser prints harmless D-Bus and GPU messages on stderr.
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --screenshot="$PWD/$out/$page.png" --window-size=1280,900 "file://$PWD/$out/$page.html" 2>/dev/null
    echo "$PWD/$out/$page.png"
done
