#!/usr/bin/env bash
# Builds the libFuzzer targets (INF parser + model + section graph + install plan; PE reader + strings)
# with address sanitizing, and runs each for SECONDS (default 60) seeded with the corpus and the PE
# fixtures. Crashes are written to .build-fuzz/crashes; turn each into a regression test.
# usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build-fuzz
mkdir -p "$out/modules" "$out/crashes" "$out/inf-corpus" "$out/pe-corpus"
flags=(-sanitize=fuzzer,address -parse-as-library -O -I "$out/modules")

module() { # name, sources…
    local name=$1; shift
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -wmo -emit-object -o "$out/$name.o" "$@" 2>&1 | grep -v 'warning:' || true
    [ -f "$out/$name.o" ] || { echo "error: building $name failed" >&2; exit 1; }
}

module INFSyntax Sources/INFSyntax/*.swift
module INFModel $(find Sources/INFModel -name '*.swift')
module PE Sources/PE/*.swift
module DriverPackage Sources/DriverPackage/*.swift

swiftc "${flags[@]}" -o "$out/fuzz-inf" Fuzz/INFFuzzer.swift "$out/INFSyntax.o" "$out/INFModel.o" "$out/PE.o" "$out/DriverPackage.o" 2>&1 | grep -v 'warning' || true
swiftc "${flags[@]}" -o "$out/fuzz-pe" Fuzz/PEFuzzer.swift "$out/PE.o" 2>&1 | grep -v 'warning' || true

find ../shared/corpus \( -iname '*.inf' -o -iname '*.inx' \) -exec cp {} "$out/inf-corpus/" \; 2>/dev/null || true
cp Tests/PETests/Fixtures/*.sys Tests/PETests/Fixtures/*.dll "$out/pe-corpus/"

"$out/fuzz-inf" -max_total_time="$seconds" -max_len=65536 -dict=Fuzz/inf.dict -artifact_prefix="$out/crashes/inf-" "$out/inf-corpus"
"$out/fuzz-pe" -max_total_time="$seconds" -max_len=65536 -artifact_prefix="$out/crashes/pe-" "$out/pe-corpus"
