#!/usr/bin/env bash
# Builds the release binary of isolint with the Swift standard library linked in statically, so the
# binary runs on a machine without a Swift toolchain (it needs only glibc, libm, libstdc++ and
# libgcc_s), and copies it to dist/isolint.
#
#   scripts/release.sh                            build into .build/ and copy to dist/isolint
#   scripts/release.sh --scratch-path /tmp/iso    extra arguments go to `swift build`
#   sudo install -m 755 dist/isolint /usr/local/bin/isolint
set -euo pipefail
cd "$(dirname "$0")/.."

build=(swift build -c release --static-swift-stdlib --product isolint "$@")
"${build[@]}"
bin=$("${build[@]}" --show-bin-path)

mkdir -p dist
cp "$bin/isolint" dist/isolint
chmod 755 dist/isolint
# Drop the debug information but keep the symbol names, which crash backtraces print.
if command -v strip >/dev/null 2>&1; then
    strip -S dist/isolint
fi

bytes=$(wc -c < dist/isolint | tr -d ' ')
echo "dist/isolint: $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }'))"
if command -v ldd >/dev/null 2>&1; then
    echo "ldd dist/isolint:"
    ldd dist/isolint
elif command -v otool >/dev/null 2>&1; then
    echo "otool -L dist/isolint:"
    otool -L dist/isolint
fi
dist/isolint --version
