/// A processor architecture named by a platform decoration.
public enum Architecture: String, Sendable, Hashable, CaseIterable, Codable {
    case x86, amd64, ia64, arm, arm64

    /// Parses an architecture name, ignoring case (`AMD64`, `arm64`, …).
    public init?(name: String) {
        guard let arch = Architecture(rawValue: name.lowercased()) else { return nil }
        self = arch
    }
}

/// A Windows version: major, minor and build number (`10.0.17763`).
public struct WindowsVersion: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var major: Int
    public var minor: Int
    public var build: Int

    public init(major: Int, minor: Int, build: Int = 0) {
        self.major = major
        self.minor = minor
        self.build = build
    }

    /// Parses `10.0.17763`, `10.0`, or a bare build number such as `17763` (taken as Windows 10.0).
    public init?(parsing text: String) {
        let parts = text.split(ascii: ".", omittingEmptySubsequences: false).map { Int($0) }
        if parts.count == 1, let build = parts[0], build >= 1000 {
            self.init(major: 10, minor: 0, build: build)
            return
        }
        guard (2...3).contains(parts.count), let major = parts[0], let minor = parts[1] else { return nil }
        let build = parts.count == 3 ? parts[2] : 0
        guard let build else { return nil }
        self.init(major: major, minor: minor, build: build)
    }

    public static func < (a: WindowsVersion, b: WindowsVersion) -> Bool {
        (a.major, a.minor, a.build) < (b.major, b.minor, b.build)
    }

    public var description: String { "\(major).\(minor).\(build)" }

    /// Windows 10 version 1709, the first that runs drivers from the driver store (DIRID 13).
    public static let win10_1709 = WindowsVersion(major: 10, minor: 0, build: 16299)
    /// Windows 10 version 1803.
    public static let win10_1803 = WindowsVersion(major: 10, minor: 0, build: 17134)
    /// The newest Windows build Isolint knows (Windows 11 25H2).
    public static let newest = WindowsVersion(major: 10, minor: 0, build: 26200)
}

/// A platform and OS decoration as written on section names and Manufacturer lines:
/// `NT[Architecture][.[OSMajor][.[OSMinor][.[ProductType][.[SuiteMask][.[BuildNumber]]]]]]`.
public struct PlatformDecoration: Sendable, Hashable, CustomStringConvertible {
    /// The decoration as written, e.g. `NTamd64.10.0...16299`.
    public let text: String
    /// The architecture; `nil` for a bare `NT`.
    public let architecture: Architecture?
    public let major: Int?
    public let minor: Int?
    public let productType: Int?
    public let suiteMask: Int?
    public let build: Int?

    /// Parses a decoration; `nil` when it does not start with `NT` or a part is malformed.
    public init?(parsing text: String) {
        // Most names tried are not decorations: rule them out on their first two bytes.
        var head = text.utf8.makeIterator()
        guard head.next().map({ $0 | 0x20 }) == UInt8(ascii: "n"), head.next().map({ $0 | 0x20 }) == UInt8(ascii: "t") else { return nil }
        let parts = text.split(ascii: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count >= 2, first.prefix(2).uppercased() == "NT",
              parts.count <= 6 else { return nil }
        let archName = String(first.dropFirst(2))
        if archName.isEmpty {
            architecture = nil
        } else {
            guard let arch = Architecture(name: archName) else { return nil }
            architecture = arch
        }
        func number(_ index: Int) -> Int?? {
            guard index < parts.count else { return .some(nil) }
            let part = parts[index]
            if part.isEmpty { return .some(nil) }
            if case .value(let v) = IntegerField(parsing: part), v >= 0 { return .some(Int(v)) }
            if let v = IntegerField(parsing: part).uint32 { return .some(Int(v)) }
            return nil
        }
        guard let major = number(1), let minor = number(2), let productType = number(3),
              let suiteMask = number(4), let build = number(5) else { return nil }
        self.text = text
        self.major = major
        self.minor = minor
        self.productType = productType
        self.suiteMask = suiteMask
        self.build = build
    }

    public var description: String { text }

    /// The lowest Windows version the decoration applies to (architecture aside).
    public var minimumVersion: WindowsVersion {
        WindowsVersion(major: major ?? 0, minor: minor ?? 0, build: build ?? 0)
    }

    /// Whether the decoration applies on `architecture` running `version` (product type `productType`
    /// when known): the architecture matches (a bare `NT` means x86) and the OS is at least as new.
    public func applies(to architecture: Architecture, version: WindowsVersion, productType: Int? = nil) -> Bool {
        guard (self.architecture ?? .x86) == architecture else { return false }
        if let wanted = self.productType, let actual = productType, wanted != actual { return false }
        guard let major else { return true }
        let minor = self.minor ?? 0
        if (major, minor) != (version.major, version.minor) {
            return (major, minor) < (version.major, version.minor)
        }
        // The build number is only compared when major.minor equal the running OS's.
        return (build ?? 0) <= version.build
    }
}

/// The platform an evaluation targets: an architecture and a Windows version.
public struct TargetPlatform: Sendable, Hashable, CustomStringConvertible {
    public var architecture: Architecture
    public var version: WindowsVersion
    public var productType: Int?

    public init(architecture: Architecture, version: WindowsVersion, productType: Int? = nil) {
        self.architecture = architecture
        self.version = version
        self.productType = productType
    }

    public var description: String { "\(architecture.rawValue) \(version)" }
}
