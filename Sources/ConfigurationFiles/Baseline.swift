import Findings
import Foundation
import IsolationEngine

/// Findings accepted as they are, so that only new ones are reported. Entries match on rule, file
/// and the text of the line (not its number), so that edits elsewhere in the file keep them valid.
public struct Baseline: Sendable, Codable, Equatable {
    /// One accepted finding.
    public struct Entry: Sendable, Codable, Hashable {
        public var rule: String
        public var file: String
        /// The offending line's text, trimmed; empty for findings about a whole file.
        public var text: String
        /// How many findings of this kind the line holds.
        public var count: Int
    }

    public var schema = "isolint-baseline/1"
    public var entries: [Entry]

    /// The baseline accepting every finding of `findings`.
    public init(findings: [Finding]) {
        var counts: [Entry: Int] = [:]
        var order: [Entry] = []
        for finding in findings {
            let key = Entry(rule: finding.rule, file: finding.location.file, text: Self.text(of: finding), count: 0)
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        entries = order.map { var e = $0; e.count = counts[$0] ?? 1; return e }
            .sorted { ($0.file, $0.rule, $0.text) < ($1.file, $1.rule, $1.text) }
    }

    static func text(of finding: Finding) -> String {
        (finding.location.lineText ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// The findings the baseline does not accept.
    public func filter(_ findings: [Finding]) -> [Finding] {
        var remaining: [Entry: Int] = [:]
        for entry in entries {
            remaining[Entry(rule: entry.rule, file: entry.file, text: entry.text, count: 0), default: 0] += entry.count
        }
        return findings.filter { finding in
            let key = Entry(rule: finding.rule, file: finding.location.file, text: Self.text(of: finding), count: 0)
            guard let left = remaining[key], left > 0 else { return true }
            remaining[key] = left - 1
            return false
        }
    }

    /// Reads a baseline file.
    public static func load(path: String) throws(ConfigurationError) -> Baseline {
        do {
            return try JSONDecoder().decode(Baseline.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ConfigurationError(path: path, line: nil, message: "is not an isolint baseline: \(error.localizedDescription)")
        }
    }

    /// Writes the baseline as JSON, atomically.
    public func write(path: String) throws(ConfigurationError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try (encoder.encode(self) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: "cannot be written: \(error.localizedDescription)")
        }
    }
}
