#!/usr/bin/env bash
# Builds the test fixtures from scripts/pe-fixtures/: the PE reader's into Tests/PETests/Fixtures/,
# the isolation rules' into Tests/IsolationTests/Fixtures/ (which also get the PE reader's x64
# driver and DLL, used by the rules' examples too).
# Needs Debian's mingw-w64 cross compilers:
#   apt-get install -y gcc-mingw-w64-x86-64 gcc-mingw-w64-i686
# The binaries are committed, so the tests never need these compilers.
set -euo pipefail
cd "$(dirname "$0")/.."

src=scripts/pe-fixtures
out=Tests/PETests/Fixtures
rules=Tests/IsolationTests/Fixtures
ddk=/usr/share/mingw-w64/include/ddk

for tool in x86_64-w64-mingw32-gcc x86_64-w64-mingw32-dlltool i686-w64-mingw32-gcc i686-w64-mingw32-dlltool; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "error: $tool not found; install gcc-mingw-w64-x86-64 and gcc-mingw-w64-i686" >&2
        exit 1
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$rules"

# Reproducible output: no link timestamp, no compiler identification string, symbols stripped.
common=(-O2 -Wall -Werror -fno-ident -nostdlib -s -Wl,--no-insert-timestamp)

# Reads a little-endian unsigned 32-bit value at a byte offset.
read_u32() {
    od -An -t u4 --endian=little -j "$2" -N 4 "$1" | tr -d ' '
}

# Writes a little-endian unsigned 32-bit value at a byte offset, in place.
write_u32() {
    local v=$3
    printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $((v & 255)) $((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255)))" |
        dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# The image checksum: 16-bit words summed with end-around carry, the checksum field left out,
# plus the file size. Needed again after an image is patched.
pe_checksum() {
    local image=$1 field=$2
    od -An -v -t u2 --endian=little "$image" |
        awk -v skip=$((field / 2)) -v size="$(stat -c %s "$image")" '
            { for (i = 1; i <= NF; i++) { if (n != skip && n != skip + 1) { sum += $i; sum = sum % 65536 + int(sum / 65536) } n++ } }
            END { sum = sum % 65536 + int(sum / 65536); print sum + size }'
}

# GNU ld links delay imports but leaves the delay-import data directory (entry 13) empty.
# Point it at the descriptor table (the descriptor and its all-zero terminator, 64 bytes),
# found through the link map, as the Microsoft linker would.
fill_delay_import_directory() {
    local image=$1 map=$2 base=$3
    local va
    va=$(awk '/_DELAY_IMPORT_DESCRIPTOR_/ { print $1; exit }' "$map")
    if [ -z "$va" ]; then
        echo "error: no delay-import descriptor in $map" >&2
        exit 1
    fi
    local rva=$((va - base))
    local pe optional magic directories
    pe=$(read_u32 "$image" 60)
    optional=$((pe + 24))
    magic=$(od -An -t u2 --endian=little -j "$optional" -N 2 "$image" | tr -d ' ')
    case "$magic" in
        267) directories=$((optional + 96)) ;;   # 0x10B, PE32
        523) directories=$((optional + 112)) ;;  # 0x20B, PE32+
        *) echo "error: $image: unexpected optional header magic $magic" >&2; exit 1 ;;
    esac
    write_u32 "$image" $((directories + 13 * 8)) "$rva"
    write_u32 "$image" $((directories + 13 * 8 + 4)) 64
    local checksum=$((optional + 64))
    write_u32 "$image" "$checksum" "$(pe_checksum "$image" "$checksum")"
}

# Kernel driver, x64: ntoskrnl.exe imports, one of them from an import library made from a .def file.
x86_64-w64-mingw32-dlltool -d "$src/ntoskrnl-extra.def" -l "$work/libntoskrnl-extra.a"
x86_64-w64-mingw32-gcc "${common[@]}" -I"$ddk" \
    -shared -Wl,--subsystem,native -Wl,--entry,DriverEntry -Wl,--image-base,0x140000000 \
    -o "$out/isodrv-x64.sys" "$src/isodrv.c" -L"$work" -lntoskrnl -lntoskrnl-extra

# User-mode DLL, x64 (PE32+) and x86 (PE32): imports by name and by ordinal, one delay-loaded DLL.
build_dll() {
    local arch=$1 triplet=$2 base=$3 entry=$4 kill_at=$5
    local lib="$work/$arch"
    mkdir -p "$lib"
    if [ "$kill_at" = yes ]; then
        # x86 stdcall: the symbols keep their @N decoration, the imported names drop it.
        "$triplet-dlltool" -k -d "$src/cfgmgr32-delay.def" -y "$lib/libcfgmgr32-delay.a"
    else
        sed 's/@[0-9]*$//' "$src/cfgmgr32-delay.def" >"$lib/cfgmgr32-delay.def"
        "$triplet-dlltool" -d "$lib/cfgmgr32-delay.def" -y "$lib/libcfgmgr32-delay.a"
    fi
    "$triplet-dlltool" -d "$src/isohelper.def" -l "$lib/libisohelper.a"
    "$triplet-gcc" "${common[@]}" \
        -shared -Wl,--subsystem,windows -Wl,--entry,"$entry" -Wl,--image-base,"$base" \
        -Wl,-Map,"$lib/isodll.map" \
        -o "$out/isodll-$arch.dll" "$src/isodll.c" "$src/delay-import-end.c" \
        -L"$lib" -lcfgmgr32-delay -lisohelper -lmingwex -lkernel32
    fill_delay_import_directory "$out/isodll-$arch.dll" "$lib/isodll.map" "$base"
}
build_dll x64 x86_64-w64-mingw32 $((0x180000000)) DllMain no
build_dll x86 i686-w64-mingw32 $((0x10000000)) _DllMain@12 yes

# The isolation rules' fixtures, x64: an isolated kernel driver and two user-mode DLLs that open
# their driver by a fixed name, one of them enumerating device interfaces once.
x86_64-w64-mingw32-dlltool -d "$src/ntoskrnl-isolation.def" -l "$work/libntoskrnl-isolation.a"
x86_64-w64-mingw32-dlltool -d "$src/advapi32-state.def" -l "$work/libadvapi32-state.a"
x86_64-w64-mingw32-gcc "${common[@]}" -I"$ddk" \
    -shared -Wl,--subsystem,native -Wl,--entry,DriverEntry -Wl,--image-base,0x140000000 \
    -o "$rules/isoclean-x64.sys" "$src/isoclean.c" -L"$work" -lntoskrnl -lntoskrnl-isolation
for dll in isoopen isoenum; do
    x86_64-w64-mingw32-gcc "${common[@]}" \
        -shared -Wl,--subsystem,windows -Wl,--entry,DllMain -Wl,--image-base,0x180000000 \
        -o "$rules/$dll-x64.dll" "$src/$dll.c" -L"$work" -ladvapi32-state -lcfgmgr32 -lkernel32
done
cp "$out/isodrv-x64.sys" "$out/isodll-x64.dll" "$rules/"
# The driver cut off inside its optional header, and inside its section data.
head -c 200 "$out/isodrv-x64.sys" >"$rules/isodrv-cut-in-headers.sys"
head -c 2048 "$out/isodrv-x64.sys" >"$rules/isodrv-cut-in-sections.sys"

ls -l "$out" "$rules"
