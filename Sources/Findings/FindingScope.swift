import INFModel

/// Where a finding holds when that is narrower than the whole file: the architectures, and the
/// Windows versions on each, whose installs reach the finding's line.
///
/// A finding without a scope holds wherever the file installs (or is not tied to an install, such
/// as a `[Version]` line).
public struct FindingScope: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One architecture and the versions on it, oldest first, adjacent ranges merged.
    public struct Range: Sendable, Hashable, Codable {
        public var architecture: Architecture
        /// The oldest version, or `nil` from the oldest Windows the file installs on.
        public var lowest: WindowsVersion?
        /// The first version no longer covered, or `nil` for every later version.
        public var upperBound: WindowsVersion?

        public init(architecture: Architecture, lowest: WindowsVersion?, upperBound: WindowsVersion?) {
            self.architecture = architecture
            self.lowest = lowest
            self.upperBound = upperBound
        }

        /// `amd64`, `amd64 from 10.0.16299`, `x86 below 10.0.22000`, `arm64 from 10.0.17763 below 10.0.22000`.
        public var description: String {
            var text = architecture.rawValue
            if let lowest { text += " from \(lowest)" }
            if let upperBound { text += " below \(upperBound)" }
            return text
        }
    }

    public var ranges: [Range]

    public init(ranges: [Range]) { self.ranges = ranges }

    /// The architectures, in order.
    public var architectures: [Architecture] {
        var seen = Set<Architecture>()
        return ranges.map(\.architecture).filter { seen.insert($0).inserted }
    }

    /// Whether the finding holds on one of `architectures` (every one when `nil`) and on `version`
    /// (any when `nil`).
    public func includes(architectures: [Architecture]?, version: WindowsVersion?) -> Bool {
        ranges.contains { range in
            guard architectures?.contains(range.architecture) ?? true else { return false }
            guard let version else { return true }
            return version >= (range.lowest ?? WindowsVersion(major: 0, minor: 0)) && range.upperBound.map { version < $0 } ?? true
        }
    }

    /// Whether the finding holds on some Windows version up to and including `version`, on any
    /// architecture: false only for a finding that holds only on later versions.
    public func holds(atOrBelow version: WindowsVersion) -> Bool {
        ranges.contains { ($0.lowest ?? WindowsVersion(major: 0, minor: 0)) <= version }
    }

    /// The ranges joined with commas: `amd64 from 10.0.16299, x86`.
    public var description: String { ranges.map(\.description).joined(separator: ", ") }
}
