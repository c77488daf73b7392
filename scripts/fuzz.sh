#!/usr/bin/env bash
# Builds the libFuzzer targets with address sanitizing and runs each for SECONDS (default 60):
#   fuzz-inf: INF parser, print-back, model, section graph, install plans, infdump, every rule of the
#             catalog (the checker of each mode) and the fix engine;
#   fuzz-model: INF parser, print-back, model, infdump, section graph and an install plan, on inputs up
#             to 1 KB: over a thousand executions a second, for breadth (fuzz-inf keeps the depth);
#   fuzz-pe:  PE reader and string extraction;
#   fuzz-lsp: the language server's message reader (Content-Length framing), fed in chunks of any size.
# Each target is seeded with ../shared/corpus (INF) or the PE fixtures under Tests/, plus the hostile
# files and fuzz regressions under Tests/Fixtures. A crash, leak, timeout or out-of-memory input is
# written to .build-fuzz/crashes/ and makes the script exit with 1 (after running every target); copy
# it to Tests/Fixtures/fuzz-regressions/ (inf-… for fuzz-inf and fuzz-model, pe-…) and FuzzRegressionTests
# runs it from then on.
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET…]        TARGET: inf, model, pe, lsp (default: all four)
#        FUZZ_JOBS=N scripts/fuzz.sh 3600 inf        N parallel fuzzing processes for the target
#        FUZZ_NO_BUILD=1 scripts/fuzz.sh …           reuse the targets already built
#        FUZZ_MAX_SEED_BYTES=8192 scripts/fuzz.sh 60  seed with the smaller corpus files only
# libFuzzer prints `#N ... cov: C ft: F ... exec/s: E`: N executions, C covered edges, F features;
# after each target the script prints one line with its executions and executions per second.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(inf model pe lsp)
out=.build-fuzz
mkdir -p "$out/modules" "$out/crashes" "$out/inf-corpus" "$out/pe-corpus" "$out/lsp-corpus"
flags=(-sanitize=fuzzer,address -parse-as-library -O -I "$out/modules")

module() { # name, sources…
    local name=$1; shift
    rm -f "$out/$name.o"
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -wmo -emit-object -o "$out/$name.o" "$@" 2>&1 | grep -v 'warning:' || true
    [ -f "$out/$name.o" ] || { echo "error: building $name failed" >&2; exit 1; }
}

link() { # executable, sources and objects…
    local name=$1; shift
    rm -f "$out/$name"
    swiftc "${flags[@]}" -o "$out/$name" "$@" 2>&1 | grep -v 'warning' || true
    [ -x "$out/$name" ] || { echo "error: linking $name failed" >&2; exit 1; }
}

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    module Platform Sources/Platform/*.swift
    module INFSyntax Sources/INFSyntax/*.swift
    module INFModel $(find Sources/INFModel -name '*.swift')
    module PE Sources/PE/*.swift
    module DriverPackage Sources/DriverPackage/*.swift
    module IsolationKnowledge Sources/IsolationKnowledge/*.swift
    module Findings Sources/Findings/*.swift
    module IsolationEngine Sources/IsolationEngine/*.swift
    module IsolationRules $(find Sources/IsolationRules -name '*.swift')
    module Fixing Sources/Fixing/*.swift
    link fuzz-inf Fuzz/INFFuzzer.swift "$out"/{Platform,INFSyntax,INFModel,PE,DriverPackage,IsolationKnowledge,Findings,IsolationEngine,IsolationRules,Fixing}.o
    link fuzz-model Fuzz/ModelFuzzer.swift "$out"/{Platform,INFSyntax,INFModel,PE,DriverPackage}.o
    link fuzz-pe Fuzz/PEFuzzer.swift "$out/PE.o"
    module LSPFraming Sources/LanguageServer/MessageFraming.swift
    link fuzz-lsp Fuzz/LSPFramingFuzzer.swift "$out/LSPFraming.o"
fi

# Seeds: corpus files up to FUZZ_MAX_SEED_BYTES (default 65536, the longest input tried); CI uses a
# smaller bound so that loading the seeds fits in its time.
find ../shared/corpus \( -iname '*.inf' -o -iname '*.inx' \) -size -"${FUZZ_MAX_SEED_BYTES:-65536}"c \
    -exec cp {} "$out/inf-corpus/" \; 2>/dev/null || true
find Tests -path '*Fixtures*' \( -iname '*.sys' -o -iname '*.dll' -o -iname '*.exe' \) -type f -exec cp {} "$out/pe-corpus/" \;
seeds() { # prefix: the committed hostile files and regressions that seed the target
    find Tests/Fixtures/hostile Tests/Fixtures/fuzz-regressions -maxdepth 1 -type f -name "$1*" 2>/dev/null || true
}
for f in $(seeds inf-) $(find Tests/Fixtures/hostile -maxdepth 1 -type f \( -iname '*.inf' -o -iname '*.inx' \) 2>/dev/null); do
    cp "$f" "$out/inf-corpus/"
done
for f in $(seeds pe-); do cp "$f" "$out/pe-corpus/"; done
# Language server seeds: a request, two messages in one chunk, and a header without a length.
printf 'Content-Length: 52\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}' > "$out/lsp-corpus/initialize"
printf 'Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}Content-Length: 4\r\n\r\nnull' > "$out/lsp-corpus/two"
printf 'X-Length: 3\r\n\r\nabcContent-Length: -1\r\n\r\n' > "$out/lsp-corpus/bad-header"

jobs="${FUZZ_JOBS:-1}"
common=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1)
[ "$jobs" -gt 1 ] && common+=(-fork="$jobs" -ignore_crashes=0)
status=0
for target in "${targets[@]}"; do
    case "$target" in
        inf) args=(-max_len=65536 -dict=Fuzz/inf.dict "$out/inf-corpus") ;;
        model) args=(-max_len=1024 -dict=Fuzz/inf.dict "$out/inf-corpus") ;;
        pe) args=(-max_len=65536 "$out/pe-corpus") ;;
        lsp) args=(-max_len=4096 "$out/lsp-corpus") ;;
        *) echo "error: unknown target '$target' (inf, model, pe or lsp)" >&2; exit 2 ;;
    esac
    echo "== fuzz-$target for ${seconds}s" >&2
    log="$out/fuzz-$target.log"
    if ! "$out/fuzz-$target" "${common[@]}" -artifact_prefix="$out/crashes/$target-" "${args[@]}" 2>&1 | tee "$log" >&2; then
        echo "error: fuzz-$target found a failing input; see $out/crashes/" >&2
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    echo "== fuzz-$target: ${runs:-?} executions, ${rate:-?} a second" >&2
done
exit $status
