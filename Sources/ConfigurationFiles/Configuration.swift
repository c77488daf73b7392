import Findings
import Foundation
import IsolationEngine
import TOMLKit

/// Settings read from `isolint.toml` (or `.isolint.toml`) at the package or repository root.
///
/// ```toml
/// mode = "isolation"                      # or signature, universal, declarative, desktop (w, h, u, k)
/// select = ["registry", "1322"]           # names, groups, name prefixes, InfVerif codes or ranges
/// extend-select = []
/// ignore = ["hkcr-modification"]
/// baseline = "isolint-baseline.json"
/// max-file-size = "64MB"                  # larger INF files are reported, not read
/// samples = false                         # InfVerif's /samples
/// msft = false                            # InfVerif's /msft
///
/// [per-path-ignores]
/// "legacy/**" = ["registry-root-not-hkr"]
///
/// [levels]                                # rule names, prefixes or codes = error, warning or note
/// binary-hardcoded-registry-path = "error"
/// ```
public struct Configuration: Sendable, Equatable {
    /// The file the settings came from.
    public var path: String?
    public var mode: Mode?
    public var select: [String]?
    public var extendSelect: [String] = []
    public var ignore: [String] = []
    /// A baseline file, relative to the configuration file's folder.
    public var baseline: String?
    /// The provider every INF must name (`provider = "Contoso"`).
    public var provider: String?
    /// The largest INF file read, in bytes (`max-file-size = "64MB"` or a number of bytes); larger
    /// files are reported, not loaded.
    public var maximumFileSize: Int?
    /// Rules ignored for paths matching a glob (`*`, `**`, `?`), relative to the configuration file's folder.
    public var perPathIgnores: [(pattern: String, rules: [String])] = []
    /// Levels the user sets for rules (names, prefixes or InfVerif codes), in every mode.
    public var levels: [(selector: String, level: Level)] = []
    /// InfVerif's `/samples` (`samples = true`): the codes it suppresses are not reported.
    public var samples: Bool?
    /// InfVerif's `/msft` (`msft = true`): the reserved Sample class and `Provider = Microsoft` are accepted.
    public var msft: Bool?

    public init() {}

    public static func == (a: Configuration, b: Configuration) -> Bool {
        a.path == b.path && a.mode == b.mode && a.select == b.select && a.extendSelect == b.extendSelect
            && a.ignore == b.ignore && a.baseline == b.baseline && a.provider == b.provider && a.maximumFileSize == b.maximumFileSize
            && a.perPathIgnores.map(\.pattern) == b.perPathIgnores.map(\.pattern)
            && a.perPathIgnores.map(\.rules) == b.perPathIgnores.map(\.rules)
            && a.samples == b.samples && a.msft == b.msft && a.levels.map(\.selector) == b.levels.map(\.selector) && a.levels.map(\.level) == b.levels.map(\.level)
    }

    /// The names a configuration file may have, in the order they are looked for.
    public static let fileNames = ["isolint.toml", ".isolint.toml"]

    /// Finds the configuration file for `folder`: in it or the nearest folder above it, stopping at a
    /// repository root (a folder holding `.git`).
    public static func find(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        let manager = FileManager.default
        while true {
            for name in fileNames {
                let candidate = url.appendingPathComponent(name).path
                if manager.fileExists(atPath: candidate) { return candidate }
            }
            if manager.fileExists(atPath: url.appendingPathComponent(".git").path) { return nil }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads and validates a configuration file.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: "cannot be read: \(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// Parses configuration text; `path` names the file in errors.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw ConfigurationError(path: path, line: line, message: unquotedWord(onLine: line, of: text) ?? error.description)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: String(describing: error))
        }
        var configuration = Configuration()
        configuration.path = path
        for key in table.keys {
            guard let value = table[key] else { continue }
            do {
                try read(key, value, into: &configuration, path: path)
            } catch where error.line == nil {
                // TOMLKit keeps no places for values: the line is found where the key is set.
                throw ConfigurationError(path: path, line: line(ofKey: key, in: text), message: error.message)
            }
        }
        return configuration
    }

    /// What to say instead of the parser's message when line `line` of `text` sets a key to a word
    /// without quotes (`mode = isolation`), the common slip: `nil` for any other line.
    static func unquotedWord(onLine line: Int, of text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count,
              let match = lines[line - 1].wholeMatch(of: #/\s*([A-Za-z0-9_.-]+)\s*=\s*([A-Za-z][A-Za-z0-9_.-]*)\s*(#.*)?\r?/#),
              !["true", "false", "inf", "nan"].contains(match.output.2) else { return nil }
        return "the value \(match.output.2) needs quotes, as TOML writes words: \(match.output.1) = \"\(match.output.2)\""
    }

    /// The first line of `text` that sets the top-level `key` (`key =` or `[key]`).
    static func line(ofKey key: String, in text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for form in [key, "\"\(key)\""] where trimmed.hasPrefix(form) {
                let rest = trimmed.dropFirst(form.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") { return index + 1 }
            }
            if trimmed.hasPrefix("[\(key)]") || trimmed.hasPrefix("[\"\(key)\"]") { return index + 1 }
        }
        return nil
    }

    /// Reads the setting `key` into `configuration`.
    private static func read(_ key: String, _ value: TOMLValueConvertible, into configuration: inout Configuration,
                             path: String) throws(ConfigurationError) {
        switch key {
        case "mode":
            guard let text = value.string, let mode = Mode(argument: text) else {
                throw ConfigurationError(path: path, line: nil, message: "'mode' must be \"isolation\", \"signature\", \"universal\", \"declarative\" or \"desktop\", e.g. mode = \"isolation\"")
            }
            configuration.mode = mode
        case "select": configuration.select = try strings(value, key: key, path: path)
        case "extend-select": configuration.extendSelect = try strings(value, key: key, path: path)
        case "ignore": configuration.ignore = try strings(value, key: key, path: path)
        case "baseline":
            guard let text = value.string else {
                throw ConfigurationError(path: path, line: nil, message: "'baseline' must be a string, e.g. baseline = \"isolint-baseline.json\"")
            }
            configuration.baseline = text
        case "provider":
            guard let text = value.string, !text.isEmpty else {
                throw ConfigurationError(path: path, line: nil, message: "'provider' must be a non-empty string, e.g. provider = \"Contoso\"")
            }
            configuration.provider = text
        case "max-file-size":
            let size = value.int.flatMap { $0 > 0 ? $0 : nil } ?? value.string.flatMap(ByteSize.parse)
            guard let size else {
                throw ConfigurationError(path: path, line: nil, message: "'max-file-size' must be a positive size such as 67108864 or \"64MB\"")
            }
            configuration.maximumFileSize = size
        case "per-path-ignores":
            guard let ignores = value.table else {
                throw ConfigurationError(path: path, line: nil, message: "'per-path-ignores' must be a table of glob = [rules]")
            }
            for pattern in ignores.keys.sorted() {
                guard let rules = ignores[pattern] else { continue }
                configuration.perPathIgnores.append((pattern, try strings(rules, key: "per-path-ignores.\"\(pattern)\"", path: path)))
            }
        case "samples", "msft":
            guard let flag = value.bool else {
                throw ConfigurationError(path: path, line: nil, message: "'\(key)' must be true or false, e.g. \(key) = true")
            }
            if key == "samples" { configuration.samples = flag } else { configuration.msft = flag }
        case "levels":
            guard let levels = value.table else {
                throw ConfigurationError(path: path, line: nil, message: "'levels' must be a table of rule = \"error\", \"warning\" or \"note\"")
            }
            for selector in levels.keys.sorted() {
                guard let text = levels[selector]?.string, let level = Level(rawValue: text.lowercased()) else {
                    throw ConfigurationError(path: path, line: nil, message: "'levels.\(selector)' must be \"error\", \"warning\" or \"note\"")
                }
                configuration.levels.append((selector, level))
            }
        default:
            throw ConfigurationError(path: path, line: nil, message: "unknown setting '\(key)' (known: mode, select, extend-select, ignore, baseline, provider, max-file-size, samples, msft, per-path-ignores, levels)")
        }
    }

    private static func strings(_ value: TOMLValueConvertible, key: String, path: String) throws(ConfigurationError) -> [String] {
        if let text = value.string { return [text] }
        guard let array = value.array else {
            throw ConfigurationError(path: path, line: nil, message: "'\(key)' must be a list of rule names or codes, e.g. \(key) = [\"registry\", \"1322\"]")
        }
        var result: [String] = []
        for element in array {
            if let text = element.string { result.append(text) } else if let number = element.int { result.append(String(number)) } else {
                throw ConfigurationError(path: path, line: nil, message: "'\(key)' must hold rule names or codes")
            }
        }
        return result
    }

    /// The rules ignored for `relativePath` by the per-path ignores.
    public func ignoredRules(forPath relativePath: String) -> [RuleSelector] {
        perPathIgnores.filter { Glob.matches($0.pattern, relativePath) }.flatMap { $0.rules.map(RuleSelector.init) }
    }
}

/// A configuration file that cannot be used.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let message: String

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}

/// Glob patterns over `/`-separated relative paths: `*` and `?` within a component, `**` across them.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.replacingOccurrences(of: "\\", with: "/")), s = Array(path.replacingOccurrences(of: "\\", with: "/"))
        return match(p, 0, s, 0)
    }

    private static func match(_ p: [Character], _ i: Int, _ s: [Character], _ j: Int) -> Bool {
        if i == p.count { return j == s.count }
        if p[i] == "*" {
            let doubleStar = i + 1 < p.count && p[i + 1] == "*"
            var next = doubleStar ? i + 2 : i + 1
            if doubleStar, next < p.count, p[next] == "/" { next += 1 }
            var k = j
            while true {
                if match(p, next, s, k) { return true }
                if k == s.count || (!doubleStar && s[k] == "/") { return false }
                k += 1
            }
        }
        guard j < s.count else { return false }
        if p[i] == "?" { return s[j] != "/" && match(p, i + 1, s, j + 1) }
        return p[i].lowercased() == s[j].lowercased() && match(p, i + 1, s, j + 1)
    }
}
