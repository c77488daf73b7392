import Findings
import INFModel
import IsolationEngine

/// The name of a `[DefaultInstall…]` or `[DefaultUninstall…]` section taken apart:
/// `DefaultInstall[.decoration][.suffix]`, e.g. `DefaultInstall.NTamd64.10.0...25952.Services`.
struct PrimitiveSectionName {
    /// `DefaultInstall` or `DefaultUninstall`, as the documentation spells it.
    let base: String
    /// The platform decoration, if the name has one.
    let decoration: PlatformDecoration?
    /// What follows the decoration (`Services`, `Filters`, …), or `nil` for the entry section itself.
    let suffix: String?

    static let bases = ["DefaultInstall", "DefaultUninstall"]

    /// Parses `name`; `nil` when it is not a DefaultInstall or DefaultUninstall section.
    init?(_ name: String) {
        // Most sections are not DefaultInstall or DefaultUninstall: rule them out before splitting.
        guard name.utf8.count >= 14, CaseInsensitive.equal(String(name.prefix(7)), "Default") else { return nil }
        let parts = name.split(ascii: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, let base = Self.bases.first(where: { CaseInsensitive.equal($0, first) }) else { return nil }
        self.base = base
        let rest = Array(parts.dropFirst())
        // The longest run of parts after the base that reads as a decoration; the rest is the suffix.
        var decoration: PlatformDecoration?
        var used = 0
        if let head = rest.first, head.count >= 2, head.prefix(2).uppercased() == "NT" {
            for count in stride(from: min(6, rest.count), through: 1, by: -1) {
                if let parsed = PlatformDecoration(parsing: rest[..<count].joined(separator: ".")) {
                    decoration = parsed
                    used = count
                    break
                }
            }
        }
        self.decoration = decoration
        let suffixParts = rest.dropFirst(used)
        suffix = suffixParts.isEmpty ? nil : suffixParts.joined(separator: ".")
    }

    /// Whether this is the entry section itself (no suffix).
    var isEntry: Bool { suffix == nil }

    /// Whether the decoration names an architecture (`NTamd64`, not a bare `NT`).
    var hasArchitecture: Bool { decoration?.architecture != nil }

    /// The entry section this one belongs to: the base with its decoration.
    var entryName: String {
        decoration.map { "\(base).\($0.text)" } ?? base
    }
}

extension RuleContext {
    /// The DefaultInstall and DefaultUninstall sections of the file, with their names taken apart.
    var primitiveSections: [(section: INFSection, name: PrimitiveSectionName)] {
        shared(PrimitiveSectionsKey.self) {
            document.sections.compactMap { section in PrimitiveSectionName(section.name).map { (section, $0) } }
        }
    }
}

/// The sections whose names are primitive-driver section names, shared by the rules that read them.
private enum PrimitiveSectionsKey: RuleContextKey {
    typealias Value = [(section: INFSection, name: PrimitiveSectionName)]
}

extension RuleContext {
    /// Whether the file is a template by its name (an `.inx` file, which stampinf completes, or a
    /// `.inf.in` a build configures) whose tokens are replaced before it becomes an INF.
    var isTemplate: Bool { TemplateTokens.isTemplate(path: tree.source.path) }
}
