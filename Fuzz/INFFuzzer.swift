import DriverPackage
import Findings
import Fixing
import INFModel
import INFSyntax
import IsolationEngine
import IsolationRules

/// The checkers the INF target runs: every rule of the catalog exactly once, each in the first mode
/// that has it, with binaries off (the target reads nothing from disk).
let fuzzCheckers: [Checker] = Mode.allCases.compactMap { mode in
    let rules = RuleCatalog.all.filter { rule in
        Mode.allCases.first { rule.description.levels[$0] != nil } == mode
    }
    return rules.isEmpty ? nil : Checker(options: CheckOptions(mode: mode, scansBinaries: false, expectedProvider: "Fuzz"), rules: rules)
}

/// The fix engine the INF target runs, with unsafe fixes and few rounds.
let fuzzFixEngine = FixEngine(checker: Checker(options: CheckOptions(scansBinaries: false)),
                              options: FixOptions(unsafe: true, maximumRounds: 2))

/// A package listing beside the fuzzed INF, so that the rules about package files have something to
/// compare with.
let fuzzPackage = PackageContents(root: "/nonexistent-fuzz-package",
                                  relativePaths: ["fuzz.inf", "fuzz.sys", "fuzz.dll", "fuzz.cat", "sub/fuzz.exe"])

/// libFuzzer entry: parse any bytes as an INF, print the tree back, build the model, the section
/// graph and the install plan of every architecture, render the infdump document, and run every rule
/// of the catalog over the tree, then the fix engine.
@_cdecl("LLVMFuzzerTestOneInput")
public func infFuzzTest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let tree = INFParser.parse(bytes: bytes, path: "fuzz.inf")
    // The tree is lossless: printing it must give back the input.
    if tree.print() != bytes { fatalError("print(tree) differs from the input") }
    let document = INFDocument(tree: tree, options: ModelOptions(stampArchitecture: "amd64"))
    _ = document.openError()
    _ = InfDump.render(document)
    let graph = SectionGraph(document: document)
    _ = graph.installSectionNames
    for architecture in Architecture.allCases {
        _ = InstallPlan(document: document, target: TargetPlatform(architecture: architecture, version: .newest), infName: "fuzz.inf",
                        graph: graph)
        _ = document.deviceInstalls(architectures: [architecture])
    }
    if fuzzCheckers.reduce(0, { $0 + $1.rules.count }) != RuleCatalog.all.count { fatalError("a rule is not fuzzed") }
    for checker in fuzzCheckers {
        let findings = checker.check(tree: tree, displayPath: "fuzz.inf", package: fuzzPackage)
        // Every finding points inside the file.
        for finding in findings {
            if finding.location.line < 0 { fatalError("finding before the first line") }
            for edit in finding.fix?.edits ?? [] where edit.byteRange.lowerBound < 0 || edit.byteRange.upperBound > size {
                fatalError("fix edit outside the file")
            }
        }
    }
    // The fix engine, safe and unsafe fixes: whatever it writes must parse back losslessly.
    let result = fuzzFixEngine.fix(bytes: bytes, displayPath: "fuzz.inf", package: fuzzPackage)
    if result.changed && INFParser.parse(bytes: result.fixed, path: "fuzz.inf").print() != result.fixed {
        fatalError("a fixed file does not print back")
    }
    return 0
}
