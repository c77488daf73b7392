#!/usr/bin/env bash
# Builds isolint as it ships (release, the Swift standard library linked in statically, as
# scripts/release.sh builds it) and benchmarks it against `cat` over ../shared/corpus.
# Arguments go to bench.py (--runs, --peer, --baseline-isolint, --instructions N, …).
set -euo pipefail
cd "$(dirname "$0")/.."
build=(swift build -c release --static-swift-stdlib --product isolint --scratch-path .build-static)
"${build[@]}" >/dev/null
python3 Benchmarks/bench.py --isolint "$("${build[@]}" --show-bin-path)/isolint" "$@"
