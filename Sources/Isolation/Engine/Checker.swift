import DriverPackage
import INFModel
import INFSyntax

/// Options of a check run that change what is reported.
public struct CheckOptions: Sendable {
    public var mode: Mode
    public var selection: RuleSelection
    /// The architectures to evaluate; `nil` evaluates those the INF declares.
    public var architectures: [Architecture]?
    /// The one Windows version to evaluate (`--os`); `nil` evaluates every Models range.
    public var targetVersion: WindowsVersion?
    public var locale: StringsLocale

    public init(mode: Mode = .isolation, selection: RuleSelection = RuleSelection(), architectures: [Architecture]? = nil,
                targetVersion: WindowsVersion? = nil, locale: StringsLocale = .english) {
        self.mode = mode
        self.selection = selection
        self.architectures = architectures
        self.targetVersion = targetVersion
        self.locale = locale
    }
}

/// Runs the rules of the catalog over INF files and turns violations into findings.
public struct Checker: Sendable {
    public let options: CheckOptions
    public let rules: [any Rule.Type]

    public init(options: CheckOptions, rules: [any Rule.Type] = RuleCatalog.all) {
        self.options = options
        self.rules = rules.filter { options.selection.includes($0.description) && $0.description.levels[options.mode] != nil }
    }

    /// Checks one parsed INF. `displayPath` is the path findings name.
    public func check(tree: SyntaxTree, displayPath: String, package: PackageContents? = nil) -> [Finding] {
        // `$ARCH$` tokens (in .inx files, and in .inf files that were never stamped) take the evaluated architecture.
        let stamp = tree.source.text.units.containsARCHToken ? (options.architectures?.first ?? .amd64).rawValue : nil
        let document = INFDocument(tree: tree, options: ModelOptions(locale: options.locale, directories: .keep, stampArchitecture: stamp))
        let context = RuleContext(document: document, package: package, architectures: options.architectures,
                                  targetVersion: options.targetVersion)
        let suppressions = Suppressions(tree: tree)
        var findings: [Finding] = []
        for rule in rules {
            let description = rule.description
            guard let level = description.levels[options.mode] else { continue }
            var seen = Set<String>()
            for violation in rule.init().check(context) {
                if violation.allowedInSignatureMode && options.mode == .signature { continue }
                let location = Self.location(of: violation.range, in: tree, path: displayPath)
                if suppressions.suppresses(description, onLine: location.line) { continue }
                let key = "\(location.line):\(location.column):\(violation.message)"
                guard seen.insert(key).inserted else { continue }
                let related = violation.related.map {
                    RelatedLocation(location: Self.location(of: $0.range, in: tree, path: displayPath), message: $0.message)
                }
                let fix = violation.fix.map { unitFix in
                    Fix(title: unitFix.title, safety: unitFix.safety,
                        edits: unitFix.edits.map { TextEdit(byteRange: tree.byteRange(of: $0.range), replacement: $0.replacement) },
                        followUp: unitFix.followUp)
                }
                let cappedLevel = violation.maximumLevel.map { min($0, level) } ?? level
                findings.append(Finding(rule: description.name, codes: description.codes, level: cappedLevel,
                                        message: violation.message, location: location, related: related, fix: fix))
            }
        }
        return findings.sorted { ($0.location.line, $0.location.column, $0.rule) < ($1.location.line, $1.location.column, $1.rule) }
    }

    /// The location of a code-unit range (the whole file for `nil`).
    static func location(of range: Range<Int>?, in tree: SyntaxTree, path: String) -> Location {
        guard let range else { return .wholeFile(path) }
        let start = tree.position(of: range.lowerBound)
        let end = tree.position(of: max(range.lowerBound, range.upperBound))
        let lineStart = tree.lineStarts[start.line - 1]
        var lineEnd = start.line < tree.lineStarts.count ? tree.lineStarts[start.line] : tree.textEnd
        let units = tree.source.text.units
        while lineEnd > lineStart, lineEnd - 1 < units.count, units[lineEnd - 1] == 0x0A || units[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return Location(file: path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                        byteRange: tree.byteRange(of: range), lineText: tree.text(of: lineStart..<min(lineEnd, tree.textEnd)))
    }
}

extension Array where Element == UInt16 {
    /// Whether the text holds a `$ARCH$` token (any case).
    var containsARCHToken: Bool {
        let pattern: [UInt16] = Array("$arch$".utf16)
        guard count >= pattern.count else { return false }
        var i = 0
        while i + pattern.count <= count {
            if self[i] == 0x24 {
                var matched = true
                for k in 1..<pattern.count {
                    var c = self[i + k]
                    if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                    if c != pattern[k] { matched = false; break }
                }
                if matched { return true }
            }
            i += 1
        }
        return false
    }
}
