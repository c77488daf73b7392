import Foundation
import INFModel
import INFSyntax
import TestSupport
import Testing

/// Reads the native-Windows parser vectors (`../shared/conformance/native`: what SetupAPI on Windows 10
/// 1709 and later does with 133 small INF files) and compares `isolint dump` with each.
///
/// Today's disagreements are listed in `KnownNativeGaps.txt`; the list may only shrink.
@Suite("Native SetupAPI vectors", .enabled(if: SharedData.hasNativeVectors, SharedData.nativeVectorsAbsent))
struct NativeVectorTests {
    static let knownGaps = SharedData.repositoryFile("Tests/CorpusTests/KnownNativeGaps.txt")

    /// The dump of one vector, as JSON.
    static func dump(_ url: URL) throws -> [String: Any] {
        let bytes = [UInt8](try Data(contentsOf: url))
        // DIRIDs as a Windows installed in C:\Windows resolves them.
        let directories = DirectoryTable.native(infName: url.lastPathComponent, architecture: "amd64")
        let document = INFDocument(bytes: bytes, path: url.lastPathComponent,
                                   options: ModelOptions(locale: .none, directories: .table(directories)))
        return try JSONSerialization.jsonObject(with: Data(InfDump.render(document).utf8)) as? [String: Any] ?? [:]
    }

    /// Why the dump disagrees with the vector, or `nil` when it agrees.
    static func disagreement(_ dump: [String: Any], _ vector: [String: Any]) -> String? {
        let open = dump["open"] as? [String: Any] ?? [:]
        let sections = dump["sections"] as? [[String: Any]] ?? []
        func section(_ name: String) -> [String: Any]? {
            sections.first { ($0["name"] as? String)?.lowercased() == name.lowercased() }
        }
        let opened = open["ok"] as? Bool ?? false
        switch vector["kind"] as? String {
        case "open":
            let expectedOK = vector["open_ok"] as? Bool ?? false
            if opened != expectedOK { return "opens: ours \(opened), Windows \(expectedOK)" }
            if let name = vector["error_name"] as? String, open["error_name"] as? String != name {
                return "error: ours \(open["error_name"] ?? "none"), Windows \(name)"
            }
            if let line = vector["error_line"] as? Int, line != 0, open["error_line"] as? Int != line {
                return "error line: ours \(open["error_line"] ?? "none"), Windows \(line)"
            }
        case "section":
            guard opened else { return "does not open: \(open["error_name"] ?? "")" }
            let name = vector["section"] as? String ?? ""
            let found = section(name) != nil
            if found != (vector["section_found"] as? Bool ?? false) { return "section [\(name)] found: ours \(found)" }
        case "line":
            guard opened else { return "does not open: \(open["error_name"] ?? "")" }
            let name = vector["section"] as? String ?? ""
            guard let lines = section(name)?["lines"] as? [[String: Any]], let first = lines.first else {
                return "section [\(name)] has no line"
            }
            if let key = vector["key"] as? String, (first["key"] as? String) != key {
                return "key: ours \(String(describing: first["key"] ?? "none")), Windows \(key)"
            }
            if let fields = vector["fields"] as? [String] {
                let ours = first["fields"] as? [String] ?? []
                let accepted = [fields] + (vector["fields_alt"] as? [[String]] ?? [])
                if !accepted.contains(ours) {
                    return "fields: ours \(ours.map { $0.count > 40 ? "\($0.prefix(20))…(\($0.count) characters)" : $0 }), Windows \(fields.map { $0.count > 40 ? "\($0.prefix(20))…(\($0.count) characters)" : $0 })"
                }
            }
        case "sections":
            guard opened else { return "does not open" }
            let allowed = Set((vector["sections_allowed"] as? [String] ?? []).map { $0.lowercased() })
            let names = sections.compactMap { ($0["name"] as? String)?.lowercased() }
            if let stray = names.first(where: { !allowed.contains($0) }) { return "section [\(stray)] is not one Windows lists" }
        default:
            return "unknown kind \(vector["kind"] ?? "")"
        }
        return nil
    }

    @Test("isolint dump reads every vector as native Windows does")
    func vectors() throws {
        let data = try Data(contentsOf: SharedData.nativeVectors.appendingPathComponent("expected.json"))
        let vectors = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        var gaps: [String] = []
        for vector in vectors {
            let name = vector["case"] as? String ?? ""
            let dump = try Self.dump(SharedData.nativeVectors.appendingPathComponent("cases").appendingPathComponent(name))
            if let why = Self.disagreement(dump, vector) { gaps.append("\(name): \(why)") }
        }
        print("native vectors: \(vectors.count - gaps.count) of \(vectors.count) agree")
        let known = Set(((try? String(contentsOf: Self.knownGaps, encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
        if ProcessInfo.processInfo.environment["ISOLINT_UPDATE_GAPS"] != nil {
            let header = "# native vector: how isolint dump disagrees with native Windows. Entries may only be removed.\n"
            try (header + gaps.sorted().map { $0 + "\n" }.joined()).write(to: Self.knownGaps, atomically: true, encoding: .utf8)
            return
        }
        for gap in gaps.sorted() {
            if known.contains(gap) {
                withKnownIssue { Issue.record(Comment(rawValue: gap)) }
            } else {
                Issue.record(Comment(rawValue: "new disagreement: \(gap)"))
            }
        }
        for fixed in known.subtracting(gaps).sorted() {
            Issue.record(Comment(rawValue: "\(fixed) no longer happens: remove it from KnownNativeGaps.txt"))
        }
    }
}
