#!/usr/bin/env bash
# Ports a copy of every INF of ../shared/corpus with every fix (safe and unsafe) and prints the
# findings per rule before and after. The corpus itself is never written.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product isolint >/dev/null
isolint="$PWD/.build/release/isolint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r ../shared/corpus "$work/corpus"
"$isolint" check --exit-zero --no-binaries --output-format json "$work/corpus" > "$work/before.json"
"$isolint" fix --unsafe-fixes --exit-zero --no-binaries --output-format json "$work/corpus" > "$work/after.json" 2> "$work/fix.log"
tail -1 "$work/fix.log"
python3 - "$work/before.json" "$work/after.json" <<'PY'
import collections, json, sys
before = collections.Counter(f["rule"] for f in json.load(open(sys.argv[1]))["findings"])
after = collections.Counter(f["rule"] for f in json.load(open(sys.argv[2]))["findings"])
print(f"{'rule':36} {'before':>7} {'after':>7}")
for rule in sorted(set(before) | set(after), key=lambda r: -before[r]):
    print(f"{rule:36} {before[rule]:7} {after[rule]:7}")
print(f"{'total':36} {sum(before.values()):7} {sum(after.values()):7}")
PY
if [ -n "${1:-}" ]; then
  for file in "$@"; do diff -u "../shared/corpus/$file" "$work/corpus/$file" || true; done
fi
