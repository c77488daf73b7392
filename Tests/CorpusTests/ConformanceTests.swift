import Foundation
import INFModel
import INFSyntax
import TestSupport
import Testing

/// Compares `isolint dump` with what SetupAPI (Wine 8.0) read from every corpus file.
///
/// Named exceptions, from the INF syntax reference: localized strings (the dump runs with locale
/// `none`), fields longer than 511 characters (Wine cuts them, Windows does not), DIRIDs (rendered
/// with the reference table, DIRID 1 relative to the corpus), and the encoding rows 2–3.
@Suite("SetupAPI conformance", .enabled(if: SharedData.hasConformance, SharedData.conformanceAbsent))
struct ConformanceTests {
    static let wineFieldLimit = 511

    @Test("isolint dump agrees with SetupAPI on every corpus file")
    func dumpMatchesSetupAPI() throws {
        let files = try SharedData.corpusFiles()
        var identical = 0
        var excepted: [String] = []
        var differing: [String] = []
        for file in files {
            let expectedURL = SharedData.conformance.appendingPathComponent(file + ".json")
            let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any] ?? [:]
            let dump = try ours(file)
            switch Self.compare(dump, expected) {
            case .identical: identical += 1
            case .exceptedLongField: excepted.append(file)
            case .differs(let why): differing.append("\(file): \(why)")
            }
        }
        let compared = files.count - excepted.count
        print("conformance: \(identical) of \(compared) files identical (\(excepted.count) excepted for fields over \(Self.wineFieldLimit) characters)")
        for line in differing.prefix(20) { Issue.record(Comment(rawValue: line)) }
        #expect(identical == compared)
    }

    private func ours(_ file: String) throws -> [String: Any] {
        var table = DirectoryTable.reference
        let folder = (file as NSString).deletingLastPathComponent
        table.sourceDirectory = "{CORPUS}\\" + folder.replacingOccurrences(of: "/", with: "\\") + "\\"
        let bytes = try SharedData.bytes(ofCorpusFile: file)
        let document = INFDocument(bytes: bytes, path: file, options: ModelOptions(locale: .none, directories: .table(table)))
        let text = InfDump.render(document)
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    enum Verdict { case identical, exceptedLongField, differs(String) }

    static func compare(_ ours: [String: Any], _ theirs: [String: Any]) -> Verdict {
        let a = ours["open"] as? [String: Any] ?? [:], b = theirs["open"] as? [String: Any] ?? [:]
        for key in ["ok", "error_name", "error_line"] where "\(a[key] ?? "nil")" != "\(b[key] ?? "nil")" {
            return .differs("open.\(key): ours \(a[key] ?? "nil"), SetupAPI \(b[key] ?? "nil")")
        }
        let sa = ours["sections"] as? [[String: Any]] ?? [], sb = theirs["sections"] as? [[String: Any]] ?? []
        let na = sa.map { $0["name"] as? String ?? "" }, nb = sb.map { $0["name"] as? String ?? "" }
        if na != nb { return .differs("section names: ours \(na.prefix(5)), SetupAPI \(nb.prefix(5))") }
        var long = false
        for (x, y) in zip(sa, sb) {
            let la = x["lines"] as? [[String: Any]] ?? [], lb = y["lines"] as? [[String: Any]] ?? []
            if la.count != lb.count { return .differs("[\(x["name"] ?? "")] \(la.count) lines vs \(lb.count)") }
            for (i, (p, q)) in zip(la, lb).enumerated() {
                for key in ["key", "key_raw", "field_count", "fields", "raw"] {
                    let pv = normalize(p[key]), qv = normalize(q[key])
                    if pv == qv { continue }
                    if isCutByWine(p[key], q[key]) { long = true; continue }
                    return .differs("[\(x["name"] ?? "")] line \(i + 1) \(key): ours \(pv), SetupAPI \(qv)")
                }
            }
        }
        return long ? .exceptedLongField : .identical
    }

    private static func normalize(_ value: Any?) -> String {
        switch value {
        case let list as [Any]: return list.map { normalize($0) }.joined(separator: "\u{1F}")
        case let string as String: return "s:" + string
        case let number as NSNumber: return "n:\(number)"
        default: return "null"
        }
    }

    /// Whether the only difference is Wine cutting a long field at 511 characters.
    private static func isCutByWine(_ ours: Any?, _ wine: Any?) -> Bool {
        func cut(_ a: String, _ b: String) -> Bool {
            a == b || (b.utf16.count == wineFieldLimit && a.utf16.count > wineFieldLimit && a.hasPrefix(b))
        }
        if let a = ours as? String, let b = wine as? String { return cut(a, b) }
        if let a = ours as? [String], let b = wine as? [String], a.count == b.count {
            return zip(a, b).allSatisfy { cut($0, $1) }
        }
        return false
    }
}
