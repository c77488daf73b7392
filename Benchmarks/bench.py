#!/usr/bin/env python3
"""Benchmarks isolint against reading the same bytes with `cat`, in one run on the same files.

usage: Benchmarks/bench.py [--runs N] [--corpus DIR] [--isolint PATH] [--baseline-isolint PATH] [--scale N]
                           [--peer PATH] [--instructions N]
Run `swift build -c release --product isolint` first (Benchmarks/run.sh does). The peer checker
(NullYing/infverif-golang, built by hand outside the repository) is --peer or $PEER; without it its
rows are skipped.

Times, as medians over --runs runs:
  start-up: cat, isolint --version and isolint check of one small INF
  (a) cat of every INF file to /dev/null                  (the baseline: reading the bytes)
  (b) isolint dump --stats                                 (parse + model)
  (c) isolint check, every rule, as JSON and as text       (parse + model + rules + report)
  (c') the same check by --baseline-isolint, an earlier build, when given (the ratio compares them)
  (c'') isolint fix --diff --unsafe-fixes over the corpus, with the fix rounds and parses it counts
  (p) the peer checker and isolint check (/w, InfVerif's output) on the corpus' .inf files, each
      given the whole list in one process, with the ratio between them
  (i) with --instructions N: the instructions isolint check /w executes on the first N .inf files,
      counted by valgrind's callgrind (the same count on a busy machine), for this build and
      --baseline-isolint, with the ratio between them
  (d) cat and isolint check on the corpus copied --scale times into a temporary tree
  (e) cat and isolint check on a package whose driver is a fixture padded to --binary-mb MB
  (f) isolint check on two adversarial INF files: one 10 MB line (a field every 64 bytes) and
      100,000 sections chained by KmdfService (times must grow linearly with these sizes)
  (g) isolint lsp: the time from a didChange to its publishDiagnostics for a 3 KB and a 1 MB INF
      (median over --runs changes), and the server's resident memory before and after 1,000 changes
and prints MB/s, files/s, the ratio to cat, and peak memory (maximum resident set size) of each
isolint command, measured by the kernel for the child process.
"""
import argparse, os, resource, shutil, statistics, subprocess, sys, tempfile, time


def inf_files(root):
    found = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            if name.lower().endswith((".inf", ".inx")):
                found.append(os.path.join(dirpath, name))
    return sorted(found)


def run_once(cmd):
    """Wall time and peak RSS (KiB) of one run of cmd."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, _, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss


def instructions(binary, arguments):
    """Instructions executed by `binary arguments`, counted by callgrind, or None without valgrind."""
    if not shutil.which("valgrind") or not shutil.which("strip"):
        return None
    with tempfile.TemporaryDirectory() as work:
        # valgrind cannot read the debug information the Swift toolchain writes: count a stripped copy.
        copy = os.path.join(work, "isolint")
        shutil.copy(binary, copy)
        subprocess.run(["strip", "-g", copy], check=True)
        out = os.path.join(work, "callgrind.out")
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", copy] + arguments,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in result.stderr.splitlines():
            if "Collected :" in line:
                return int(line.rsplit(":", 1)[1].strip())
    return None


def measure(cmd, runs):
    results = [run_once(cmd) for _ in range(runs)]
    return statistics.median(t for t, _ in results), max(m for _, m in results)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--binary-mb", type=int, default=50)
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    parser.add_argument("--isolint", default=os.path.join(here, "..", ".build", "release", "isolint"))
    parser.add_argument("--baseline-isolint", help="an earlier isolint build whose check is timed in the same run")
    parser.add_argument("--peer", default=os.environ.get("PEER"), help="another INF checker (infverif-golang) timed on the .inf files")
    parser.add_argument("--instructions", type=int, default=0, metavar="N",
                        help="count the instructions of isolint check /w on the first N .inf files (valgrind)")
    args = parser.parse_args()
    files = inf_files(args.corpus)
    if not files:
        sys.exit(f"no INF files under {args.corpus}")
    size = sum(os.path.getsize(f) for f in files)
    print(f"corpus: {len(files)} files, {size / 1e6:.2f} MB; {os.cpu_count()} cores; median of {args.runs} runs")
    print(f"{'command':44} {'median s':>9} {'MB/s':>8} {'files/s':>8} {'x cat':>6} {'peak MB':>8}")

    def row(label, cmd, count, nbytes, baseline):
        t, rss = measure(cmd, args.runs)
        ratio = t / baseline if baseline else 1.0
        print(f"{label:44} {t:9.3f} {nbytes / 1e6 / t:8.1f} {count / t:8.0f} {ratio:6.1f} {rss / 1024:8.1f}")
        return t

    # Start-up: a process that does nothing, isolint's own start, and one small INF checked.
    one = os.path.join(here, "..", "Examples", "isolated-kmdf", "contosoio.inf")
    one_size = os.path.getsize(one)
    cat_one = row("cat, one INF", ["cat", one], 1, one_size, None)
    row("isolint --version (start-up)", [args.isolint, "--version"], 1, one_size, cat_one)
    row("isolint check, one INF", [args.isolint, "check", "--no-config", "--exit-zero", one], 1, one_size, cat_one)
    cat = row("cat (read the bytes)", ["cat"] + files, len(files), size, None)
    row("isolint dump --stats (parse + model)", [args.isolint, "dump", "--stats"] + files, len(files), size, cat)
    check = row("isolint check (all rules)", [args.isolint, "check", "--exit-zero", "--output-format", "json", args.corpus], len(files), size, cat)
    row("isolint check (all rules), text", [args.isolint, "check", "--exit-zero", args.corpus], len(files), size, cat)
    if args.baseline_isolint:
        earlier = row("baseline build: isolint check (all rules)",
                      [args.baseline_isolint, "check", "--exit-zero", "--output-format", "json", args.corpus], len(files), size, cat)
        print(f"{'  this build / baseline build':44} {check / earlier:9.2f}")
    if args.peer:
        infs = [f for f in files if f.lower().endswith(".inf")]
        inf_size = sum(os.path.getsize(f) for f in infs)
        cat_infs = row(f"cat, the {len(infs)} .inf files", ["cat"] + infs, len(infs), inf_size, None)
        peer = row("peer: infverif-golang /w", [args.peer, "/w"] + infs, len(infs), inf_size, cat_infs)
        ours = row("isolint check /w (InfVerif's output)", [args.isolint, "check", "/w", "--no-config", "--exit-zero"] + infs,
                   len(infs), inf_size, cat_infs)
        print(f"{'  isolint / peer':44} {ours / peer:9.2f}")
    else:
        print(f"{'peer: infverif-golang':44} skipped (set PEER=/path/to/infverif)")
    if args.instructions:
        sample = [f for f in files if f.lower().endswith(".inf")][:args.instructions]
        arguments = ["check", "/w", "--no-config", "--exit-zero"] + sample
        ours = instructions(args.isolint, arguments)
        if ours is None:
            print(f"{'instructions':44} skipped (needs valgrind and strip)")
        else:
            print(f"{f'instructions, check /w, {len(sample)} .inf files':44} {ours:>15,}")
            if args.baseline_isolint:
                earlier = instructions(args.baseline_isolint, arguments)
                if earlier:
                    print(f"{'  baseline build':44} {earlier:>15,}")
                    print(f"{'  this build / baseline build':44} {ours / earlier:9.3f}")
    fix_cmd = [args.isolint, "check", "--diff", "--unsafe-fixes", "--exit-zero", "--stats", "--no-binaries", args.corpus]
    row("isolint fix --diff --unsafe-fixes", fix_cmd, len(files), size, cat)
    stats = [line for line in subprocess.run(fix_cmd, capture_output=True, text=True).stderr.splitlines() if "stats:" in line]
    if stats:
        print(f"{'  fix counters':44} {stats[-1].split('stats:', 1)[1].strip()}")

    with tempfile.TemporaryDirectory() as scaled:
        for copy in range(args.scale):
            shutil.copytree(args.corpus, os.path.join(scaled, f"copy{copy}"))
        scaled_files = inf_files(scaled)
        scaled_size = sum(os.path.getsize(f) for f in scaled_files)
        cat_scaled = row(f"cat, corpus x{args.scale}", ["cat"] + scaled_files, len(scaled_files), scaled_size, None)
        row(f"isolint check, corpus x{args.scale}", [args.isolint, "check", "--exit-zero", "--output-format", "json", scaled],
            len(scaled_files), scaled_size, cat_scaled)
    with tempfile.TemporaryDirectory() as package:
        # A built package: the isolated example INF with its driver made large by padding a fixture.
        root = os.path.join(here, "..")
        shutil.copy(os.path.join(root, "Examples", "isolated-kmdf", "contosoio.inf"), package)
        driver = os.path.join(package, "contosoio.sys")
        with open(os.path.join(root, "Tests", "PETests", "Fixtures", "isodrv-x64.sys"), "rb") as source, open(driver, "wb") as out:
            out.write(source.read())
            chunk = os.urandom(1 << 20)
            for _ in range(args.binary_mb):
                out.write(chunk)
        binary_size = os.path.getsize(driver)
        cat_binary = row(f"cat, {binary_size / 1e6:.0f} MB driver", ["cat", driver], 1, binary_size, None)
        row(f"isolint check, {binary_size / 1e6:.0f} MB driver", [args.isolint, "check", "--exit-zero", "--output-format", "json", package],
            1, binary_size, cat_binary)
    with tempfile.TemporaryDirectory() as hostile:
        head = '[Version]\r\nSignature="$Windows NT$"\r\nClass=System\r\nProvider=%P%\r\n[Strings]\r\nP="x"\r\n'
        long_line = os.path.join(hostile, "long-line.inf")
        with open(long_line, "w", newline="") as out:
            out.write(head + "[Big]\r\nk = " + ("a" * 63 + ",") * (10 * 1024 * 1024 // 64) + "\r\n")
        sections = os.path.join(hostile, "sections.inf")
        with open(sections, "w", newline="") as out:
            out.write(head + "[Manufacturer]\r\nM = Models\r\n[Models]\r\nDev = S0, ROOT\\DEV\r\n")
            out.write("".join(f"[S{i}]\r\nKmdfService = svc, S{i + 1}\r\n" for i in range(100_000)))
        for label, path in (("isolint check, one 10 MB line", long_line), ("isolint check, 100,000 sections", sections)):
            nbytes = os.path.getsize(path)
            row(label, [args.isolint, "check", "--no-config", "--exit-zero", "--output-format", "json", path], 1, nbytes, None)
    language_server(args.isolint, os.path.join(here, "..", "Examples", "isolated-kmdf", "contosoio.inf"), args.runs)
    print(f"peak memory is the child's maximum resident set size; corpus size {size / 1e6:.1f} MB")


def language_server(isolint, small_inf, runs):
    """Rows (g): didChange → publishDiagnostics latency of `isolint lsp`, and its memory over 1,000 changes."""
    import json
    server = subprocess.Popen([isolint, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def send(message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            header += server.stdout.read(1)
        length = int([line for line in header.decode().split("\r\n") if line.lower().startswith("content-length")][0].split(":")[1])
        return json.loads(server.stdout.read(length))

    def until_diagnostics():
        while receive().get("method") != "textDocument/publishDiagnostics":
            pass

    def resident_mb():
        try:
            with open(f"/proc/{server.pid}/status") as status:
                return int([line for line in status if line.startswith("VmRSS:")][0].split()[1]) / 1024
        except OSError:
            return None

    send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
    receive()
    small = open(small_inf, encoding="utf-8", errors="replace").read()
    # A 1 MB INF: the small one with a registry section of 1 MB appended.
    large = small + "\n[Padding]\n" + "".join(f"HKR,,Value{i},0x00010001,{i}\n" for i in range(40_000))
    large = large[:1_000_000] + "\n"
    with tempfile.TemporaryDirectory() as folder:
        for label, text in (("3 KB", small), ("1 MB", large)):
            uri = "file://" + os.path.join(folder, f"doc{len(text)}.inf")
            send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "inf", "version": 1, "text": text}}})
            until_diagnostics()
            times = []
            for version in range(2, runs + 2):
                start = time.perf_counter()
                send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version},
                                                                       "contentChanges": [{"text": text + f"; edit {version}\n"}]}})
                until_diagnostics()
                times.append(time.perf_counter() - start)
            print(f"{f'isolint lsp, didChange → diagnostics, {label}':44} {statistics.median(times) * 1000:9.1f} ms")
        uri = "file://" + os.path.join(folder, "memory.inf")
        send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "inf", "version": 1, "text": small}}})
        until_diagnostics()
        before = resident_mb()
        for version in range(2, 1002):
            send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version},
                                                                   "contentChanges": [{"text": small + f"; edit {version}\n"}]}})
            until_diagnostics()
        after = resident_mb()
        if before is not None and after is not None:
            print(f"{'isolint lsp, resident MB before/after 1,000 changes':44} {before:9.1f} {after:8.1f}")
    send({"id": 2, "method": "shutdown"})
    receive()
    send({"method": "exit"})
    server.wait()


if __name__ == "__main__":
    main()
