/// A part of a Portable Executable file, named in errors and warnings.
public enum PEStructure: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case dosHeader
    case peSignature
    case coffHeader
    case optionalHeader
    case sectionTable
    case importDirectory
    case importDescriptor
    case importLookupTable
    case importByName
    case libraryName
    case delayImportDirectory
    case delayImportDescriptor
    case delayImportNameTable

    public var description: String {
        switch self {
        case .dosHeader: return "DOS header"
        case .peSignature: return "PE signature"
        case .coffHeader: return "COFF file header"
        case .optionalHeader: return "optional header"
        case .sectionTable: return "section table"
        case .importDirectory: return "import directory"
        case .importDescriptor: return "import descriptor"
        case .importLookupTable: return "import lookup table"
        case .importByName: return "hint/name entry"
        case .libraryName: return "imported library name"
        case .delayImportDirectory: return "delay-load import directory"
        case .delayImportDescriptor: return "delay-load descriptor"
        case .delayImportNameTable: return "delay-load import name table"
        }
    }
}

/// Why a file cannot be read as a Portable Executable at all.
public struct PEError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The file could not be opened or read; the text says why.
        case unreadable(String)
        /// The file ends before `needed` bytes of the structure could be read; `available` bytes were there.
        case truncated(PEStructure, needed: Int, available: Int)
        /// The file does not start with `MZ`; the first two bytes, little-endian.
        case badDOSSignature(UInt16)
        /// The DOS header's `e_lfanew` leads to something other than `PE\0\0`.
        case badPESignature(UInt32)
        /// The optional header is neither PE32 (0x10B) nor PE32+ (0x20B).
        case unknownOptionalHeaderMagic(UInt16)
        /// The COFF header declares an optional header smaller than the fixed fields of its format.
        case optionalHeaderTooSmall(declared: Int, required: Int)
        /// The COFF header declares more sections than the format allows.
        case tooManySections(Int)
    }

    /// The file, as its path was given (or the label of bytes in memory).
    public let path: String
    /// The file offset of the structure that could not be read.
    public let offset: Int
    /// What went wrong.
    public let reason: Reason

    /// Creates an error for the structure at `offset` of the file at `path`.
    public init(path: String, offset: Int, reason: Reason) {
        self.path = path
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        "\(path): offset 0x\(String(offset, radix: 16)): \(message)"
    }

    /// A sentence for people, without the path and offset.
    public var message: String {
        switch reason {
        case .unreadable(let why):
            return "cannot read the file: \(why)"
        case .truncated(let structure, let needed, let available):
            return "the file ends inside the \(structure): \(needed) bytes needed, \(available) present"
        case .badDOSSignature(let value):
            return "not a PE file: expected the DOS signature 'MZ', found 0x\(String(value, radix: 16))"
        case .badPESignature(let value):
            return "not a PE file: expected the signature 'PE\\0\\0', found 0x\(String(value, radix: 16))"
        case .unknownOptionalHeaderMagic(let value):
            return "unknown optional header magic 0x\(String(value, radix: 16)) (expected 0x10b or 0x20b)"
        case .optionalHeaderTooSmall(let declared, let required):
            return "the optional header is declared as \(declared) bytes, but its fixed fields need \(required)"
        case .tooManySections(let count):
            return "\(count) sections declared, more than the \(PESection.maximumCount) the format allows"
        }
    }
}
