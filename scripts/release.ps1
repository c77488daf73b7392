# Builds the release isolint.exe on Windows and packs it with the Swift runtime DLLs it loads, so it
# runs on a machine without a Swift toolchain: dist\isolint-windows\ (isolint.exe and the DLLs) and
# dist\isolint-windows-<arch>.zip.
#
#   pwsh scripts/release.ps1                          build with the Swift toolchain on the search path
#   pwsh scripts/release.ps1 --scratch-path C:\b      extra arguments go to `swift build`
#
# The DLLs are found by reading the import tables (llvm-objdump, which ships with the toolchain) of
# isolint.exe and, in turn, of every DLL it loads from the toolchain's runtime folder; the system's
# own DLLs (KERNEL32, ucrtbase, VCRUNTIME140, ...) are left out: Windows and the Visual C++
# redistributable provide them.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

$build = @('build', '-c', 'release', '--product', 'isolint') + $args
& swift @build
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$bin = (& swift @build --show-bin-path).Trim()

$out = Join-Path 'dist' 'isolint-windows'
Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $out | Out-Null
Copy-Item (Join-Path $bin 'isolint.exe') $out

# The runtime folder: where swiftCore.dll is found on the search path.
$core = (& where.exe swiftCore.dll | Select-Object -First 1)
if (-not $core) { throw 'swiftCore.dll is not on the search path: is the Swift runtime installed?' }
$runtime = Split-Path $core

$pending = [System.Collections.Generic.Queue[string]]::new()
$pending.Enqueue((Join-Path $out 'isolint.exe'))
$copied = @{}
while ($pending.Count -gt 0) {
    $file = $pending.Dequeue()
    $imports = & llvm-objdump -p $file | Select-String -Pattern 'DLL Name:\s*(\S+)' | ForEach-Object { $_.Matches[0].Groups[1].Value }
    foreach ($dll in $imports) {
        $key = $dll.ToLowerInvariant()
        if ($copied.ContainsKey($key)) { continue }
        $candidate = Join-Path $runtime $dll
        if (-not (Test-Path $candidate)) { continue }   # a system DLL
        Copy-Item $candidate $out
        $copied[$key] = $true
        $pending.Enqueue((Join-Path $out $dll))
    }
}

$arch = if ($env:PROCESSOR_ARCHITECTURE -eq 'ARM64') { 'arm64' } else { 'x64' }
$zip = Join-Path 'dist' "isolint-windows-$arch.zip"
Remove-Item -Force $zip -ErrorAction SilentlyContinue
Compress-Archive -Path (Join-Path $out '*') -DestinationPath $zip
$size = (Get-Item $zip).Length
Write-Output ("{0}: {1:N1} MiB, isolint.exe and {2} runtime DLLs: {3}" -f $zip, ($size / 1MB), $copied.Count, (($copied.Keys | Sort-Object) -join ', '))
& (Join-Path $out 'isolint.exe') --version
