/// Which localized `[Strings.LLLL]` section `%strkey%` substitution reads first.
public enum StringsLocale: Sendable, Hashable, CustomStringConvertible {
    /// Only `[Strings]`, as Wine reads files (used to compare with the conformance data).
    case none
    /// A Windows language identifier (LANGID), e.g. 0x0409 for English (United States).
    case language(UInt16)

    /// English (United States), the default.
    public static let english = StringsLocale.language(0x0409)

    /// Parses `none` or four hexadecimal digits such as `0409`.
    public init?(parsing text: String) {
        if text.lowercased() == "none" { self = .none; return }
        var digits = Substring(text)
        if digits.lowercased().hasPrefix("0x") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, digits.count <= 4, let value = UInt16(digits, radix: 16) else { return nil }
        self = .language(value)
    }

    public var description: String {
        switch self {
        case .none: return "none"
        case .language(let id):
            let hex = String(id, radix: 16, uppercase: false)
            return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }
}

/// The `[Strings]` tables of a file, in the order a `%strkey%` look-up tries them.
///
/// Native Windows tries the localized section of the exact locale, then the primary language's
/// neutral section, then any section of the same primary language, and last the plain `[Strings]`.
/// Within a section the first line with a matching key wins; the value is its first field, raw.
public struct StringTable: Sendable {
    /// Each table's keys numbered (folded as names compare) and its values by key number.
    private var tables: [(keys: NameInterner, values: [String])] = []
    /// The names of the sections consulted, in look-up order.
    public private(set) var sectionNames: [String] = []

    /// The tables of the sections `names` a look-up in `locale` reads; `entries` gives the raw
    /// key and first raw field of each line of a section, by its position in `names`.
    init(names: [String], locale: StringsLocale, entries: (Int) -> [(key: String?, value: String?)]) {
        var ordered: [Int] = []
        if case .language(let id) = locale {
            let localized = names.indices.compactMap { slot -> (Int, UInt16)? in
                guard let lang = Self.languageID(ofStringsSection: names[slot]) else { return nil }
                return (slot, lang)
            }
            let primary = id & 0x3FF
            if let exact = localized.first(where: { $0.1 == id }) { ordered.append(exact.0) }
            if let neutral = localized.first(where: { $0.1 == primary && $0.1 != id }) { ordered.append(neutral.0) }
            if let sameLanguage = localized.first(where: { $0.1 & 0x3FF == primary && $0.1 != id && $0.1 != primary }) {
                ordered.append(sameLanguage.0)
            }
        }
        if let plain = names.firstIndex(where: { CaseInsensitive.equal($0, "Strings") }) {
            ordered.append(plain)
        }
        for slot in ordered {
            var keys = NameInterner()
            var values: [String] = []
            for (key, value) in entries(slot) {
                guard let key, let value else { continue }
                // The first line of a key wins: a key met again keeps its number and its value.
                if Int(keys.intern(key)) == values.count { values.append(value) }
            }
            tables.append((keys, values))
            sectionNames.append(names[slot])
        }
    }

    /// The LANGID of a section named `Strings.LLLL` (four hexadecimal digits), or `nil`.
    static func languageID(ofStringsSection name: String) -> UInt16? {
        guard name.utf8.count == 12, CaseInsensitive.hasPrefix(name, "Strings.") else { return nil }
        // Four hexadecimal digits and nothing else: SetupAPI looks the section up by its name, so a
        // sign (`Strings.+409`) never matches, though integer parsing would accept it.
        let isHexDigit = { (c: UInt8) in (0x30...0x39).contains(c) || (0x61...0x66).contains(c | 0x20) }
        guard name.utf8.dropFirst(8).allSatisfy(isHexDigit) else { return nil }
        return UInt16(name.dropFirst(8), radix: 16)
    }

    /// Whether the file has any strings section that look-ups read.
    public var isEmpty: Bool { tables.isEmpty }

    /// The raw value of `key`, ignoring case, from the first table that defines it.
    public func value(for key: String) -> String? {
        for table in tables {
            if let id = table.keys.id(of: key) { return table.values[Int(id)] }
        }
        return nil
    }

    /// The value of the string key whose UTF-8 is `key`, found as ``value(for:)`` finds it.
    public func value(utf8 key: UnsafeBufferPointer<UInt8>) -> String? {
        for table in tables {
            if let id = table.keys.id(utf8: key) { return table.values[Int(id)] }
        }
        return nil
    }

    /// The value of the string key `key`, found as ``value(for:)`` finds it, without copying the key.
    public func value(for key: Substring) -> String? {
        for table in tables {
            if let id = table.keys.id(of: key) { return table.values[Int(id)] }
        }
        return nil
    }
}
