#!/usr/bin/env python3
"""Fails when Swift code outside the platform layer (Sources/Platform, and for the tests'
POSIX-only fixtures Tests/TestSupport/POSIXFixtures.swift) calls the operating system
directly: imports Glibc, Darwin, WinSDK or another C library module, tests for one with canImport,
or uses STDOUT_FILENO, isatty, geteuid, replaceItemAt, /usr/bin/env or hasPrefix("/").

A line that uses hasPrefix("/") on text that is not a path on this machine (an InfVerif switch, a
path inside an INF, a URI) says so with the comment `// platform: not a host path`.

scripts/portability-allowlist.txt lists, as `file: check`, the places not yet moved into the platform
layer. The list may only shrink: an entry that no longer matches anything fails the check too, so it
is removed when the code is.

usage: scripts/check-portability.py [repository root]
"""
import os, re, sys

CHECKS = [
    ("os-module", re.compile(r"^\s*(@testable\s+)?import\s+(Glibc|Darwin|WinSDK|Musl|ucrt|CRT|Bionic|Android|WASILibc)\b")),
    ("os-module", re.compile(r"canImport\((Glibc|Darwin|WinSDK|Musl|ucrt|CRT|Bionic|Android|WASILibc)\)")),
    ("standard-descriptor", re.compile(r"\b(STDIN|STDOUT|STDERR)_FILENO\b")),
    ("isatty", re.compile(r"\bisatty\b")),
    ("geteuid", re.compile(r"\bgeteuid\b")),
    ("replaceItemAt", re.compile(r"\breplaceItemAt\b")),
    ("usr-bin-env", re.compile(r"/usr/bin/env")),
    ("slash-prefix", re.compile(r"hasPrefix\(\"/\"\)")),
]
EXEMPT = "// platform: not a host path"
SCANNED = ("Sources", "Tests", "Fuzz", "Benchmarks")
# The platform layer, and the one test file that builds POSIX-only fixtures (FIFOs, file names
# that are not UTF-8) for tests compiled on Linux and macOS only.
LAYER = ("Sources/Platform/", "Tests/TestSupport/POSIXFixtures.swift")


def violations(root):
    found = {}
    for top in SCANNED:
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if not name.endswith(".swift"):
                    continue
                path = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                if path.startswith(LAYER):
                    continue
                with open(os.path.join(folder, name), encoding="utf-8") as file:
                    for number, line in enumerate(file, 1):
                        if EXEMPT in line:
                            continue
                        for check, pattern in CHECKS:
                            if pattern.search(line):
                                found.setdefault((path, check), []).append(number)
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    allow_path = os.path.join(root, "scripts", "portability-allowlist.txt")
    allowed = set()
    with open(allow_path, encoding="utf-8") as file:
        for line in file:
            line = line.split("#", 1)[0].strip()
            if line:
                path, _, check = line.partition(":")
                allowed.add((path.strip(), check.strip()))
    found = violations(root)
    failed = False
    for (path, check), lines in sorted(found.items()):
        if (path, check) not in allowed:
            failed = True
            print(f"{path}:{lines[0]}: {check}: an operating-system call outside Sources/Platform "
                  f"(lines {', '.join(map(str, lines))})")
    for path, check in sorted(allowed - set(found)):
        failed = True
        print(f"scripts/portability-allowlist.txt: '{path}: {check}' no longer occurs; remove the entry")
    moved = len(allowed & set(found))
    print(f"portability: {len(found)} places outside the platform layer, {moved} listed as not yet moved")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
