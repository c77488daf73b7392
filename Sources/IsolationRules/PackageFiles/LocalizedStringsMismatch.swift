import Findings
import INFModel
import IsolationEngine

/// A `[Strings.LLLL]` section whose number of entries differs from `[Strings]`.
public struct LocalizedStringsMismatch: Rule {
    public static let description = RuleDescription(
        name: "localized-strings-mismatch", codes: [1295],
        title: "A localized [Strings] section has a different number of entries",
        why: "Windows reads a %strkey% from the [Strings.LLLL] section of the system's language and falls back to [Strings] only for keys that section lacks; localized sections that do not define the same strings as [Strings] show a mix of languages, or a string missing in one language goes unnoticed.",
        fix: "Define the same keys in every [Strings.LLLL] section as in [Strings], translating the values; keep strings that are not translated in every section too.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = %Company%
        [Strings]
        Company = "Contoso"
        Device = "Sensor"
        ↓[Strings.0407]
        Company = "Contoso"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = %Company%
        [Strings]
        Company = "Contoso"
        ↓[Strings.040c]
        Company = "Contoso"
        Device = "Capteur"
        Disk = "Disque"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Provider = %Company%
        [Strings]
        Company = "Contoso"
        Device = "Sensor"
        [Strings.0407]
        company = "Contoso"
        Device = "Sensor (DE)"
        """),
    ]

    public init() {}

    /// Whether `name` is `Strings.` followed by four hexadecimal digits.
    static func isLocalized(_ name: String) -> Bool {
        guard name.utf8.count == 12, CaseInsensitive.hasPrefix(name, "Strings.") else { return false }
        return name.utf8.dropFirst(8).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }
    }

    static func keys(of section: INFSection) -> [String: String] {
        var keys: [String: String] = [:]
        for line in section.lines {
            guard let key = line.rawKey?.trimmingCharacters(in: " \t"), !key.isEmpty else { continue }
            let folded = CaseInsensitive.fold(key)
            if keys[folded] == nil { keys[folded] = key }
        }
        return keys
    }

    /// How many different keys ``keys(of:)`` finds in `section`, read from the key numbers the model
    /// gave each line; `nil` when a key is not plain ASCII text as written (then only the names tell).
    static func keyCount(of section: INFSection) -> Int? {
        var numbers = Set<Int32>(minimumCapacity: section.lines.count)
        for (line, number) in zip(section.lines, section.keyIDs) {
            guard let key = line.rawKey else { continue }
            // Read from the key's contiguous bytes: plain ASCII, no `%` or `$`, no space or tab at either end.
            func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
                guard let first = bytes.first, let last = bytes.last,
                      first != 0x20, first != 0x09, last != 0x20, last != 0x09 else { return false }
                return !bytes.contains { $0 >= 0x80 || $0 == 0x25 || $0 == 0x24 }
            }
            guard key.utf8.withContiguousStorageIfAvailable(isPlain) ?? Array(key.utf8).withUnsafeBufferPointer(isPlain) else { return nil }
            numbers.insert(number)
        }
        return numbers.count
    }

    public func check(_ context: RuleContext) -> [Violation] {
        let document = context.document
        guard let plain = document.section(named: "Strings") else { return [] }
        let referenceCount = Self.keyCount(of: plain)
        var computedReference: [String: String]?
        var result: [Violation] = []
        for section in document.sections where Self.isLocalized(section.name) {
            // Counted from the key numbers first: the names are only gathered for sections that differ.
            if let count = Self.keyCount(of: section), let referenceCount, count == referenceCount { continue }
            let reference = computedReference ?? Self.keys(of: plain)
            computedReference = reference
            let localized = Self.keys(of: section)
            guard localized.count != reference.count, let range = context.headerRange(of: section) else { continue }
            let missing = reference.keys.filter { localized[$0] == nil }.compactMap { reference[$0] }.sorted()
            let extra = localized.keys.filter { reference[$0] == nil }.compactMap { localized[$0] }.sorted()
            var details: [String] = []
            if !missing.isEmpty { details.append("lacks \(Self.list(missing))") }
            if !extra.isEmpty { details.append("adds \(Self.list(extra))") }
            let detail = details.isEmpty ? "" : "; it " + details.joined(separator: " and ")
            result.append(Violation(range: range,
                                    message: "[\(section.name)] has \(Self.entries(localized.count)) and [Strings] \(reference.count)\(detail)",
                                    infVerifValues: [section.name, plain.name]))
        }
        return result
    }

    static func entries(_ count: Int) -> String { count == 1 ? "1 entry" : "\(count) entries" }

    /// At most five names, quoted, with how many more there are.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
    }
}
