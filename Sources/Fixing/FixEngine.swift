import DriverPackage
import Findings
import INFModel
import INFSyntax
import IsolationEngine

/// Which fixes a run applies.
public struct FixOptions: Sendable {
    /// Apply unsafe fixes as well as safe ones.
    public var unsafe: Bool
    /// How many check-and-fix rounds a file may take.
    public var maximumRounds: Int

    public init(unsafe: Bool = false, maximumRounds: Int = 10) {
        self.unsafe = unsafe
        self.maximumRounds = maximumRounds
    }
}

/// A fix that was applied.
public struct AppliedFix: Sendable, Hashable {
    public let rule: String
    public let title: String
    public let safety: FixSafety
    /// What the developer must still do by hand.
    public let followUp: String?
    /// The 1-based line of the finding, in the file as it was in the round that fixed it.
    public let line: Int
}

/// Why a file was not (fully) fixed.
public struct FixRefusal: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let message: String

    public var description: String { "\(file): \(message)" }
}

/// Fixes of one rule that were not applied because they would have left the package worse.
public struct RefusedFix: Sendable, Hashable, CustomStringConvertible {
    public let rule: String
    /// The error rules the fixes would have added (or reported more often), on some architecture or
    /// Windows range the INF installs on.
    public let introduces: [String]
    /// Whether no one rule's fixes were to blame, so it was refused with the file's other unsafe fixes
    /// (or with every fix, when the safe ones alone added errors too).
    public let withOthers: Bool

    public init(rule: String, introduces: [String], withOthers: Bool = false) {
        self.rule = rule
        self.introduces = introduces
        self.withOthers = withOthers
    }

    public var description: String {
        let added = introduces.joined(separator: ", ")
        if withOthers {
            return "\(rule): fix refused: with the file's other fixes it would add errors of \(added) on an architecture or Windows range the INF installs on, and no one rule's fixes are to blame"
        }
        return "\(rule): fix refused: it would add errors of \(added) on an architecture or Windows range the INF installs on"
    }
}

/// The outcome of fixing one file in memory.
public struct FileFixResult: Sendable {
    public let path: String
    public let original: [UInt8]
    public let fixed: [UInt8]
    public let applied: [AppliedFix]
    public let rounds: Int
    /// Set when the file could not be fixed, or a round was refused.
    public let refusal: FixRefusal?
    /// The rules whose fixes were held back because they would add errors.
    public let refused: [RefusedFix]
    /// The check of the fixed bytes: the last round's, which found nothing more to fix.
    public let check: FileCheck
    /// How many times the file was parsed: once per round (and once per round of each trial that
    /// leaves out a refused rule).
    public let parses: Int

    /// Whether the fixed bytes differ from the original.
    public var changed: Bool { original != fixed }
}

/// Applies the fixes that findings carry, round after round, verifying every round, and proves the
/// result on every architecture and Windows range the INF installs on.
///
/// Each round takes the fixes of the last check that do not overlap (the others wait for the next
/// round), writes their edits in the file's own encoding and line-ending style, and parses the result
/// once: that tree is verified and checked, and its check is the next round's. A round whose result
/// SetupAPI could not open, or that changes any line the edits did not touch, is refused and the file
/// keeps the last good state. Rounds stop when nothing more applies; the last check is the report.
/// When the fixed file shows more error findings of some rule than the original did (on the
/// architectures and ranges the INF installs on, whatever `--arch`/`--os` narrowed the view to), the
/// fixes of the rule responsible are left out and the rounds run again without them.
public struct FixEngine: Sendable {
    public let checker: Checker
    public let options: FixOptions
    /// The checker that proves fixes: every architecture and range, whatever the view.
    let proofChecker: Checker?
    /// The checkers that prove fixes of a template (`$ARCH$` in its text): one per architecture the
    /// template is stamped for, each reading the text as stamped for it.
    let templateProofCheckers: [(architecture: Architecture, checker: Checker)]

    /// The architectures a template is proven stamped for: those stampinf is run for.
    public static let stampArchitectures: [Architecture] = [.amd64, .x86, .arm64]

    public init(checker: Checker, options: FixOptions) {
        self.checker = checker
        self.options = options
        var wide = checker.options
        wide.architectures = nil
        wide.targetVersion = nil
        if checker.options.architectures == nil && checker.options.targetVersion == nil {
            proofChecker = nil
        } else {
            proofChecker = Checker(options: wide, rules: checker.rules)
        }
        templateProofCheckers = Self.stampArchitectures.map { architecture in
            var stamped = wide
            stamped.architectures = [architecture]
            return (architecture, Checker(options: stamped, rules: checker.rules))
        }
    }

    /// Fixes `bytes`, the content of the file shown as `displayPath`. `keep` drops the findings the
    /// settings hide (per-path ignores, a baseline): those are neither fixed nor counted as fixed.
    public func fix(bytes: [UInt8], displayPath: String, package: PackageContents? = nil,
                    keep: (@Sendable ([Finding]) -> [Finding])? = nil) -> FileFixResult {
        let tree = INFParser.parse(bytes: bytes, path: displayPath)
        let check = checker.checkFile(tree: tree, displayPath: displayPath, package: package)
        if let error = INFDocument(tree: tree).openError() {
            return FileFixResult(path: displayPath, original: bytes, fixed: bytes, applied: [], rounds: 0,
                                 refusal: FixRefusal(file: displayPath, message: "not fixed: \(error.code.name) at line \(error.line ?? 0) — SetupAPI cannot open the file"),
                                 refused: [], check: check, parses: 1)
        }
        let start = Rounds(bytes: bytes, tree: tree, check: check)
        let before = errorCounts(start, displayPath: displayPath, package: package)
        var outcome = rounds(from: start, excluding: [], displayPath: displayPath, package: package, keep: keep)
        var parses = 1 + outcome.parses
        var excluded = Set<String>()
        var refused: [RefusedFix] = []
        while outcome.bytes != bytes {
            let excess = Self.excess(before, errorCounts(outcome, displayPath: displayPath, package: package))
            if excess.isEmpty { break }
            // Leave out one rule's fixes at a time, unsafe ones first, keeping the exclusion that
            // removes the most of the added errors; repeat until none is added.
            var candidates: [String] = []
            for fix in outcome.applied.sorted(by: { ($0.safety == .unsafe ? 0 : 1) < ($1.safety == .unsafe ? 0 : 1) })
            where !excluded.contains(fix.rule) && !candidates.contains(fix.rule) {
                candidates.append(fix.rule)
            }
            var best: (rule: String, outcome: Rounds, excess: [String: Int])?
            for rule in candidates {
                let trial = rounds(from: start, excluding: excluded.union([rule]), displayPath: displayPath, package: package, keep: keep)
                parses += trial.parses
                let left = trial.bytes == bytes ? [:] : Self.excess(before, errorCounts(trial, displayPath: displayPath, package: package))
                if Self.total(left) < Self.total(best?.excess ?? excess) {
                    best = (rule, trial, left)
                    if left.isEmpty { break }
                }
            }
            if let best {
                excluded.insert(best.rule)
                let removed = excess.keys.filter { (best.excess[$0] ?? 0) < (excess[$0] ?? 0) }.sorted()
                refused.append(RefusedFix(rule: best.rule, introduces: removed))
                outcome = best.outcome
            } else {
                // No one rule's fixes are to blame: leave out every unsafe fix (the safe ones are kept
                // when that is enough), or else every fix, keeping the file as it was.
                let unsafeRules = Set(outcome.applied.filter { $0.safety == .unsafe }.map(\.rule)).subtracting(excluded)
                let safeOnly = unsafeRules.isEmpty ? nil
                    : rounds(from: start, excluding: excluded.union(unsafeRules), displayPath: displayPath, package: package, keep: keep)
                parses += safeOnly?.parses ?? 0
                if let safeOnly, safeOnly.bytes == bytes || Self.excess(before, errorCounts(safeOnly, displayPath: displayPath, package: package)).isEmpty {
                    for rule in unsafeRules.sorted() { refused.append(RefusedFix(rule: rule, introduces: excess.keys.sorted(), withOthers: true)) }
                    outcome = safeOnly
                } else {
                    for rule in candidates { refused.append(RefusedFix(rule: rule, introduces: excess.keys.sorted(), withOthers: true)) }
                    outcome = start
                }
                break
            }
        }
        return FileFixResult(path: displayPath, original: bytes, fixed: outcome.bytes, applied: outcome.applied, rounds: outcome.rounds,
                             refusal: outcome.refusal, refused: refused, check: outcome.check, parses: parses)
    }

    /// The state of a file after some rounds.
    struct Rounds {
        var bytes: [UInt8]
        var tree: SyntaxTree
        var check: FileCheck
        var applied: [AppliedFix] = []
        var rounds = 0
        var refusal: FixRefusal?
        var parses = 0
    }

    /// The error findings of each rule in a state, on every architecture and range; for a template,
    /// on each architecture it is stamped for, counted apart (`rule [$ARCH$=x86]`).
    private func errorCounts(_ state: Rounds, displayPath: String, package: PackageContents?) -> [String: Int] {
        var counts: [String: Int] = [:]
        if TemplateTokens.containsArchitectureToken(state.tree.source.text.units) {
            for (architecture, checker) in templateProofCheckers {
                for finding in checker.checkFile(tree: state.tree, displayPath: displayPath, package: package).findings
                where finding.level == .error {
                    counts["\(finding.rule) [$ARCH$=\(architecture.rawValue)]", default: 0] += 1
                }
            }
            return counts
        }
        let findings = proofChecker?.checkFile(tree: state.tree, displayPath: displayPath, package: package).findings ?? state.check.findings
        for finding in findings where finding.level == .error { counts[finding.rule, default: 0] += 1 }
        return counts
    }

    /// How many more error findings of each rule there are after than before (rules with none more left out).
    static func excess(_ before: [String: Int], _ after: [String: Int]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (rule, count) in after where count > (before[rule] ?? 0) { result[rule] = count - (before[rule] ?? 0) }
        return result
    }

    /// The number of added error findings.
    static func total(_ excess: [String: Int]) -> Int { excess.values.reduce(0, +) }

    /// The fix rounds from `start`, leaving out the fixes of the rules in `excluded`.
    private func rounds(from start: Rounds, excluding excluded: Set<String>, displayPath: String, package: PackageContents?,
                        keep: (@Sendable ([Finding]) -> [Finding])?) -> Rounds {
        var state = start
        while state.rounds < options.maximumRounds {
            let fixable = (keep?(state.check.findings) ?? state.check.findings).filter { finding in
                guard let fix = finding.fix, !fix.edits.isEmpty, !excluded.contains(finding.rule) else { return false }
                return fix.safety == .safe || options.unsafe
            }
            let chosen = Self.nonOverlapping(fixable)
            guard !chosen.isEmpty else { break }
            state.rounds += 1
            let newline = state.tree.lineEndingStyle.newline
            var edits: [(range: Range<Int>, bytes: [UInt8])] = []
            var used: [Finding] = []
            for finding in chosen {
                guard let fix = finding.fix else { continue }
                let encoded = fix.edits.map { edit in
                    state.tree.source.encoding.encode(edit.replacement.replacingOccurrencesOfNewlines(with: newline)).map { (edit.byteRange, $0) }
                }
                guard encoded.allSatisfy({ $0 != nil }) else {
                    state.refusal = FixRefusal(file: displayPath, message: "\(finding.rule): the fix holds characters the file's encoding (\(state.tree.source.encoding)) cannot store")
                    continue
                }
                edits += encoded.compactMap { $0 }
                used.append(finding)
            }
            guard !used.isEmpty else { break }
            let next = Self.apply(edits, to: state.bytes)
            let applied = used.compactMap { finding in
                finding.fix.map { AppliedFix(rule: finding.rule, title: $0.title, safety: $0.safety, followUp: $0.followUp, line: finding.location.line) }
            }
            if next == state.bytes {
                state.applied += applied
                break
            }
            let nextTree = INFParser.parse(bytes: next, path: displayPath)
            state.parses += 1
            if let problem = Self.verify(old: state.tree, new: nextTree, edits: edits) {
                state.refusal = FixRefusal(file: displayPath, message: "round \(state.rounds) refused: \(problem)")
                break
            }
            state.applied += applied
            state.bytes = next
            state.tree = nextTree
            state.check = checker.checkFile(tree: nextTree, displayPath: displayPath, package: package)
        }
        return state
    }

    /// The findings whose edits overlap no edit of an earlier finding; the rest wait for a later round.
    static func nonOverlapping(_ findings: [Finding]) -> [Finding] {
        var taken: [Range<Int>] = []
        var result: [Finding] = []
        let ordered = findings.sorted { ($0.fix?.edits.map(\.byteRange.lowerBound).min() ?? 0) < ($1.fix?.edits.map(\.byteRange.lowerBound).min() ?? 0) }
        for finding in ordered {
            guard let edits = finding.fix?.edits else { continue }
            let ranges = edits.map(\.byteRange)
            let clashes = ranges.contains { range in taken.contains { conflict($0, range) } }
                || ranges.enumerated().contains { i, a in ranges.enumerated().contains { j, b in i < j && conflict(a, b) } }
            guard !clashes else { continue }
            taken += ranges
            result.append(finding)
        }
        return result
    }

    /// Two edits conflict when their ranges overlap, or both insert at the same place.
    static func conflict(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty && b.isEmpty { return a.lowerBound == b.lowerBound }
        if a.isEmpty { return a.lowerBound > b.lowerBound && a.lowerBound < b.upperBound }
        if b.isEmpty { return b.lowerBound > a.lowerBound && b.lowerBound < a.upperBound }
        return a.overlaps(b)
    }

    /// `bytes` with the edits applied (the edits do not overlap).
    static func apply(_ edits: [(range: Range<Int>, bytes: [UInt8])], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.bytes.count })
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let start = min(max(edit.range.lowerBound, position), bytes.count)
            result.append(contentsOf: bytes[position..<start])
            result.append(contentsOf: edit.bytes)
            position = min(max(edit.range.upperBound, start), bytes.count)
        }
        result.append(contentsOf: bytes[position...])
        return result
    }

    /// Why the edited bytes are not acceptable, or `nil`: they must parse as SetupAPI opens them, and
    /// every line the edits did not touch must read exactly as before.
    static func verify(old: SyntaxTree, new tree: SyntaxTree, edits: [(range: Range<Int>, bytes: [UInt8])]) -> String? {
        if let error = INFDocument(tree: tree).openError() {
            return "the result would not open (\(error.code.name) at line \(error.line ?? 0))"
        }
        let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var newRanges: [Range<Int>] = []
        var delta = 0
        for edit in sorted {
            let start = edit.range.lowerBound + delta
            newRanges.append(start..<(start + edit.bytes.count))
            delta += edit.bytes.count - edit.range.count
        }
        let before = untouchedLines(old, edited: sorted.map(\.range))
        let after = untouchedLines(tree, edited: newRanges)
        guard before == after else {
            let index = zip(before, after).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(before.count, after.count)
            let shown = index < before.count ? before[index] : (index < after.count ? after[index] : "")
            return "a line the fix did not edit would read differently (\(shown))"
        }
        return nil
    }

    /// What SetupAPI reads from each logical line that no edit touches: header names, keys and fields.
    static func untouchedLines(_ tree: SyntaxTree, edited: [Range<Int>]) -> [String] {
        var result: [String] = []
        let units = tree.source.text.units
        for line in tree.lines {
            let bytes = tree.byteRange(of: line.range)
            // An insertion right after a line that has no line end of its own joins that line.
            let open = line.range.upperBound == 0 || line.range.upperBound > units.count || units[line.range.upperBound - 1] != 0x0A
            let touched = edited.contains { edit in
                if edit.isEmpty {
                    return (edit.lowerBound > bytes.lowerBound && edit.lowerBound < bytes.upperBound)
                        || (open && edit.lowerBound == bytes.upperBound)
                }
                return edit.overlaps(bytes) || (open && edit.lowerBound == bytes.upperBound)
            }
            if touched { continue }
            if let header = line.header { result.append("[\(header.name)]") }
            if line.isEntry {
                result.append(([line.key?.value ?? "∅"] + line.fields.map(\.value)).joined(separator: "\u{1F}"))
            }
        }
        return result
    }
}

extension String {
    /// The text with every CR LF or lone LF written as `newline`.
    public func replacingOccurrencesOfNewlines(with newline: String) -> String {
        guard contains("\n") else { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" {
                if previousWasCR { result.unicodeScalars.removeLast() }
                result += newline
                previousWasCR = false
                continue
            }
            result.unicodeScalars.append(scalar)
            previousWasCR = scalar == "\r"
        }
        return result
    }
}
