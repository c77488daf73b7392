import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// Builds the fixes that turn ETW registrations written with AddReg into a DDInstall.Events section.
enum EventsSectionFix {
    /// The DDInstall section a registry section belongs to, from the directive that names it.
    static func installSection(of item: ContextualRegistryEntry) -> String? {
        switch item.context {
        case .deviceSoftwareKey:
            return item.link.from
        case .deviceHardwareKey where CaseInsensitive.fold(item.link.from).hasSuffix(".hw"):
            return String(item.link.from.dropLast(3))
        default:
            return nil
        }
    }

    /// The lines of the `.Events` section to add, inserted into an existing one or appended with the
    /// install sections, plus the deletion of every registry line the new sections replace.
    static func edits(_ context: RuleContext, install: String, eventLines: [String], sections: [(String, [String])],
                      deleting lines: [INFLine]) -> [(range: Range<Int>, replacement: String)] {
        var edits: [(range: Range<Int>, replacement: String)] = lines.map { (context.fullLineRange(of: $0), "") }
        var appended = ""
        if let existing = context.document.section(named: "\(install).Events"), let insertAt = context.insertionPoint(after: existing) {
            let prefix = context.needsNewlineBefore(insertAt) ? context.newline : ""
            edits.append((insertAt..<insertAt, prefix + eventLines.map { $0 + context.newline }.joined()))
        } else {
            appended = context.appendingSection("\(install).Events", lines: eventLines).replacement
        }
        for (name, body) in sections {
            appended += appended.isEmpty
                ? context.appendingSection(name, lines: body).replacement
                : context.newline + (["[\(name)]"] + body).map { $0 + context.newline }.joined()
        }
        edits.append((context.tree.textEnd..<context.tree.textEnd, appended))
        return edits
    }

    /// The value of an entry as written in a new INF line (quoted when it holds separators).
    static func value(_ entry: RegistryEntry) -> String? {
        guard let raw = entry.rawData.first, entry.rawData.count == 1 else { return nil }
        return raw.containsByte(0x2C) || raw.containsByte(0x3B) || raw.containsByte(0x20) ? "\"\(raw)\"" : raw
    }

    /// The path components of a subkey below the component `marker` (case-insensitive).
    static func components(of subkey: String, after marker: [String]) -> [String]? {
        let parts = subkey.split(ascii: "\\", omittingEmptySubsequences: true).map(String.init)
        let lower = parts.map { $0.lowercased() }
        guard let start = (0...max(0, lower.count - marker.count)).first(where: { Array(lower[$0..<min(lower.count, $0 + marker.count)]) == marker }) else { return nil }
        return Array(parts[(start + marker.count)...])
    }
}
