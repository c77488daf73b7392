#!/usr/bin/env bash
# Builds isolint in release mode and benchmarks it against `cat` over ../shared/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product isolint >/dev/null
python3 Benchmarks/bench.py "$@"
