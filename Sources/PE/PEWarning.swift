/// Something wrong in a file that was read anyway: the result leaves out or clips what the warning names.
public struct PEWarning: Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Kind: Sendable, Hashable {
        /// `NumberOfRvaAndSizes` declares more data directories than were read (at most 16,
        /// and no more than the optional header holds).
        case dataDirectoriesClamped(declared: UInt32, read: Int)
        /// A section's raw data lies partly or wholly past the end of the file.
        case sectionBeyondEndOfFile(section: String)
        /// Two sections claim overlapping virtual addresses.
        case sectionsOverlap(String, String)
        /// An address (an RVA, or a VA in old delay-load tables) that neither a section nor the headers hold.
        case unmappedAddress(PEStructure, address: UInt64)
        /// A table or entry runs past the end of the file or of its section.
        case truncated(PEStructure)
        /// A name has no terminating NUL within the name length limit.
        case unterminatedName(PEStructure)
        /// A descriptor repeats an earlier one, so the table would loop; reading stopped there.
        case loop(PEStructure)
        /// A count limit was reached; what lies beyond it was not read.
        case limitReached(PEReadLimits.Limit, limit: Int)
    }

    /// What was wrong.
    public let kind: Kind
    /// The file offset of the structure concerned, when it has one in the file.
    public let offset: Int?

    /// Creates a warning about the structure at `offset`.
    public init(_ kind: Kind, offset: Int?) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String {
        let place = offset.map { "offset 0x\(String($0, radix: 16)): " } ?? ""
        return place + message
    }

    /// A sentence for people, without the offset.
    public var message: String {
        switch kind {
        case .dataDirectoriesClamped(let declared, let read):
            return "\(declared) data directories declared, \(read) read"
        case .sectionBeyondEndOfFile(let section):
            return "the raw data of section '\(section)' extends past the end of the file"
        case .sectionsOverlap(let first, let second):
            return "sections '\(first)' and '\(second)' overlap in memory"
        case .unmappedAddress(let structure, let address):
            return "the \(structure) at address 0x\(String(address, radix: 16)) is in no section"
        case .truncated(let structure):
            return "the \(structure) is cut off"
        case .unterminatedName(let structure):
            return "the \(structure) has no terminating NUL within the name length limit"
        case .loop(let structure):
            return "the \(structure) repeats an earlier one; the rest of the table was not read"
        case .limitReached(let limit, let value):
            return "more than \(value) \(limit); the rest was not read"
        }
    }
}

/// Warnings gathered while reading one file, kept to a fixed number.
struct WarningLog {
    private let limit: Int
    private(set) var warnings: [PEWarning] = []
    private var overflowed = false

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    mutating func add(_ kind: PEWarning.Kind, at offset: Int?) {
        if warnings.count < limit {
            warnings.append(PEWarning(kind, offset: offset))
        } else if !overflowed {
            overflowed = true
            warnings.append(PEWarning(.limitReached(.warnings, limit: limit), offset: nil))
        }
    }
}
