#!/usr/bin/env python3
"""Parse benchmark: reading the corpus with `cat` against `isolint dump` on the same files.

usage: Benchmarks/parse.py [--runs N] [--corpus DIR] [--isolint PATH]
Builds nothing: run `swift build -c release` first (Benchmarks/run.sh does).
Prints median wall time, MB/s and files/s per command, and the ratio to `cat`.
"""
import argparse, os, statistics, subprocess, sys, time

def corpus_files(root):
    files = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            if name.lower().endswith((".inf", ".inx")):
                files.append(os.path.join(dirpath, name))
    return sorted(files)

def median_time(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    parser.add_argument("--isolint", default=os.path.join(here, "..", ".build", "release", "isolint"))
    args = parser.parse_args()
    files = corpus_files(args.corpus)
    if not files:
        sys.exit(f"no INF files under {args.corpus}")
    size = sum(os.path.getsize(f) for f in files)
    mb = size / 1e6
    print(f"corpus: {len(files)} files, {mb:.2f} MB; {os.cpu_count()} cores; median of {args.runs} runs")
    rows = [
        ("cat (read the bytes)", ["cat"] + files),
        ("isolint dump --stats (parse + model)", [args.isolint, "dump", "--stats"] + files),
        ("isolint dump (parse + model + JSON)", [args.isolint, "dump"] + files),
    ]
    baseline = None
    print(f"{'command':40} {'median s':>9} {'MB/s':>9} {'files/s':>9} {'x cat':>7}")
    for label, cmd in rows:
        t = median_time(cmd, args.runs)
        baseline = baseline or t
        print(f"{label:40} {t:9.3f} {mb / t:9.1f} {len(files) / t:9.0f} {t / baseline:7.1f}")

if __name__ == "__main__":
    main()
