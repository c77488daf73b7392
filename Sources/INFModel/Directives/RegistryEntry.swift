/// The registry root of an AddReg, DelReg or BitReg line.
public enum RegistryRoot: Sendable, Hashable {
    /// `HKR`: the key the section's context gives (device, service, interface…).
    case relative
    case localMachine
    case currentUser
    case classesRoot
    case users
    case currentConfig
    /// Anything else, as written.
    case unknown(String)

    /// Parses a root; long `HKEY_…` spellings map to their root with `isLongForm` set.
    public init(parsing text: String) {
        switch text.uppercased() {
        case "HKR": self = .relative
        case "HKLM", "HKEY_LOCAL_MACHINE": self = .localMachine
        case "HKCU", "HKEY_CURRENT_USER": self = .currentUser
        case "HKCR", "HKEY_CLASSES_ROOT": self = .classesRoot
        case "HKU", "HKEY_USERS": self = .users
        case "HKCC", "HKEY_CURRENT_CONFIG": self = .currentConfig
        default: self = .unknown(text)
        }
    }

    /// The short spelling (`HKLM`), or the text as written for an unknown root.
    public var shortName: String {
        switch self {
        case .relative: return "HKR"
        case .localMachine: return "HKLM"
        case .currentUser: return "HKCU"
        case .classesRoot: return "HKCR"
        case .users: return "HKU"
        case .currentConfig: return "HKCC"
        case .unknown(let text): return text
        }
    }

    /// The full name (`HKEY_LOCAL_MACHINE`); `HKR` stays `HKR`.
    public var longName: String {
        switch self {
        case .localMachine: return "HKEY_LOCAL_MACHINE"
        case .currentUser: return "HKEY_CURRENT_USER"
        case .classesRoot: return "HKEY_CLASSES_ROOT"
        case .users: return "HKEY_USERS"
        case .currentConfig: return "HKEY_CURRENT_CONFIG"
        default: return shortName
        }
    }
}

/// The registry value type an AddReg line writes, from `flags & 0xFFFF0001`.
public enum RegistryValueType: Sendable, Hashable, CustomStringConvertible {
    case string, multiString, expandString, binary, dword, none, qword
    /// A binary-class type with a custom type number (`0xNNNN0001`).
    case custom(UInt32)
    /// A character-class type with an unusual type number (`0xNNNN0000`).
    case unusualString(UInt32)

    init(flags: UInt32) {
        switch flags & 0xFFFF_0001 {
        case 0x0000_0000: self = .string
        case 0x0001_0000: self = .multiString
        case 0x0002_0000: self = .expandString
        case 0x0000_0001: self = .binary
        case 0x0001_0001: self = .dword
        case 0x0002_0001: self = .none
        case 0x000B_0001: self = .qword
        case let t where t & 1 == 1: self = .custom(t >> 16)
        case let t: self = .unusualString(t >> 16)
        }
    }

    public var description: String {
        switch self {
        case .string: return "REG_SZ"
        case .multiString: return "REG_MULTI_SZ"
        case .expandString: return "REG_EXPAND_SZ"
        case .binary: return "REG_BINARY"
        case .dword: return "REG_DWORD"
        case .none: return "REG_NONE"
        case .qword: return "REG_QWORD"
        case .custom(let n): return "type 0x\(String(n, radix: 16))"
        case .unusualString(let n): return "string type 0x\(String(n, radix: 16))"
        }
    }
}

/// Which registry directive a line belongs to.
public enum RegistryOperation: String, Sendable, Hashable {
    case addReg = "AddReg"
    case delReg = "DelReg"
    case bitReg = "BitReg"
}

/// A line of an add-registry (or del-/bit-registry) section:
/// `reg-root, [subkey], [value-name], [flags], [value, …]`.
public final class RegistryEntry: Sendable {
    public let line: INFLine
    public let operation: RegistryOperation
    public let root: RegistryRoot
    /// Field 1 as written (after substitution).
    public let rootText: String
    /// The subkey (field 2), empty for the root key itself.
    public let subkey: String
    /// The subkey as Windows compares key paths (``normalizedKey(_:)``), computed once.
    public let normalizedSubkey: String
    /// The value name (field 3); `nil` when the field is absent, empty for the default value.
    public let valueName: String?
    /// The flags (field 4): `0` when absent or empty, `nil` when not a number.
    public let flags: UInt32?
    /// Field 4 as written.
    public let flagsText: String?
    /// Fields 5…n after substitution.
    public let data: [String]
    /// Fields 5…n before substitution.
    public let rawData: [String]
    /// The name of the section the line is in.
    public let sectionName: String

    public init(line: INFLine, operation: RegistryOperation, root: RegistryRoot, rootText: String, subkey: String,
                valueName: String?, flags: UInt32?, flagsText: String?, data: [String], rawData: [String], sectionName: String) {
        self.line = line
        self.operation = operation
        self.root = root
        self.rootText = rootText
        self.subkey = subkey
        self.normalizedSubkey = Self.normalizedKey(subkey)
        self.valueName = valueName
        self.flags = flags
        self.flagsText = flagsText
        self.data = data
        self.rawData = rawData
        self.sectionName = sectionName
    }

    /// The value type an AddReg line writes.
    public var valueType: RegistryValueType { RegistryValueType(flags: flags ?? 0) }
    /// FLG_ADDREG_DELVAL: the line deletes instead of writing.
    public var deletesValue: Bool { operation == .addReg && (flags ?? 0) & 0x4 != 0 }
    /// FLG_ADDREG_KEYONLY: the line only creates the key.
    public var isKeyOnly: Bool { operation == .addReg && (flags ?? 0) & 0x10 != 0 }
    /// FLG_ADDREG_APPEND: strings are appended to a REG_MULTI_SZ.
    public var appends: Bool { operation == .addReg && (flags ?? 0) & 0x8 != 0 }
    /// FLG_ADDREG_NOCLOBBER: an existing value is kept.
    public var keepsExistingValue: Bool { operation == .addReg && (flags ?? 0) & 0x2 != 0 }
    /// AddReg ignores lines with FLG_ADDREG_DELREG_BIT (0x8000).
    public var isIgnoredByAddReg: Bool { operation == .addReg && (flags ?? 0) & 0x8000 != 0 }

    /// A key path as Windows compares it: lowercased, without leading or trailing backslashes, doubled
    /// backslashes folded.
    public static func normalizedKey(_ key: String) -> String {
        var bytes = key
        return bytes.withUTF8 { source in
            // Most keys are already in this form: return them without building a copy.
            if isNormalized(source) { return key }
            var nonASCII = false
            let text = String(unsafeUninitializedCapacity: source.count) { target in
                var count = 0
                for byte in source {
                    if byte == 0x5C, count == 0 || target[count - 1] == 0x5C { continue }
                    if byte >= 0x80 { nonASCII = true }
                    target[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    count += 1
                }
                while count > 0, target[count - 1] == 0x5C { count -= 1 }
                return count
            }
            return nonASCII ? text.lowercased() : text
        }
    }

    /// Whether `bytes` are ASCII without capitals, leading or trailing backslashes or doubled ones.
    private static func isNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard first != 0x5C, last != 0x5C else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80 || byte &- 0x41 < 26 || (byte == 0x5C && previous == 0x5C) { return false }
            previous = byte
        }
        return true
    }

    /// The key path below the root: subkey and value name joined for messages (`Sub\Key!Value`).
    public var displayPath: String {
        let key = subkey.isEmpty ? root.shortName : "\(root.shortName)\\\(subkey)"
        guard let valueName else { return key }
        return "\(key) [\(valueName.isEmpty ? "(Default)" : valueName)]"
    }
}

extension INFDocument {
    /// The lines of registry section `name` read as entries of `operation`.
    public func registryEntries(inSection name: String, operation: RegistryOperation) -> [RegistryEntry] {
        guard let section = section(named: name) else { return [] }
        return section.lines.compactMap { line in
            guard let rootText = line.field(1) else { return nil }
            let flagsText = line.field(4)
            let flags: UInt32? = (flagsText?.isEmpty ?? true) ? 0 : flagsText.flatMap { IntegerField(parsing: $0).uint32 }
            return RegistryEntry(
                line: line, operation: operation, root: RegistryRoot(parsing: rootText), rootText: rootText,
                subkey: line.field(2) ?? "", valueName: line.field(3), flags: flags, flagsText: flagsText,
                data: Array(line.fields.dropFirst(4)), rawData: Array(line.rawFields.dropFirst(4)),
                sectionName: section.name)
        }
    }

    /// Every registry entry an install section writes through its AddReg, DelReg and BitReg directives.
    public func registryEntries(of section: INFSection) -> [RegistryEntry] {
        var result: [RegistryEntry] = []
        for operation in [RegistryOperation.addReg, .delReg, .bitReg] {
            for reference in references(operation.rawValue, in: section) {
                result.append(contentsOf: registryEntries(inSection: reference.name, operation: operation))
            }
        }
        return result
    }
}
