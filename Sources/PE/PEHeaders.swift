/// A major.minor version pair from the optional header.
public struct PEVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version.
    public let major: UInt16
    /// The minor version.
    public let minor: UInt16

    /// Creates a version.
    public init(major: UInt16, minor: UInt16) {
        self.major = major
        self.minor = minor
    }

    public static func < (lhs: PEVersion, rhs: PEVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }
}

/// The COFF file header that follows the PE signature.
public struct COFFHeader: Sendable, Hashable {
    /// The target machine.
    public let machine: PEMachine
    /// The number of entries in the section table.
    public let numberOfSections: Int
    /// The link time, in seconds since 1970 (often zero or a hash in reproducible builds).
    public let timeDateStamp: UInt32
    /// The file offset of the COFF symbol table, or zero.
    public let pointerToSymbolTable: UInt32
    /// The number of COFF symbols.
    public let numberOfSymbols: UInt32
    /// The size of the optional header in bytes, which places the section table.
    public let sizeOfOptionalHeader: Int
    /// What kind of image this is.
    public let characteristics: FileCharacteristics

    /// The size of the header in the file.
    static let size = 20
}

/// Which layout the optional header has.
public enum OptionalHeaderFormat: UInt16, Sendable, Hashable {
    /// PE32: 32-bit images, 32-bit import thunks.
    case pe32 = 0x10B
    /// PE32+: 64-bit images, 64-bit import thunks.
    case pe32Plus = 0x20B

    /// The size of the fixed fields before the data directories.
    var fixedSize: Int { self == .pe32 ? 96 : 112 }
}

/// One entry of the optional header's data directory table: an address and a size.
public struct DataDirectory: Sendable, Hashable {
    /// The relative virtual address of the table (for the certificate table: a file offset).
    public let virtualAddress: UInt32
    /// The size of the table in bytes.
    public let size: UInt32

    /// Creates an entry.
    public init(virtualAddress: UInt32, size: UInt32) {
        self.virtualAddress = virtualAddress
        self.size = size
    }

    /// Whether the entry names no table.
    public var isEmpty: Bool { virtualAddress == 0 && size == 0 }

    /// The positions of the data directories.
    public enum Index: Int, Sendable, Hashable, CaseIterable {
        case export = 0
        case `import` = 1
        case resource = 2
        case exception = 3
        /// The Authenticode certificate table; its address is a file offset.
        case certificate = 4
        case baseRelocation = 5
        case debug = 6
        case architecture = 7
        case globalPointer = 8
        case threadLocalStorage = 9
        case loadConfiguration = 10
        case boundImport = 11
        case importAddressTable = 12
        case delayImport = 13
        case clrRuntime = 14
    }
}

/// The optional header: image layout, subsystem and data directories.
public struct OptionalHeader: Sendable, Hashable {
    /// PE32 or PE32+.
    public let format: OptionalHeaderFormat
    /// The linker's version.
    public let linkerVersion: PEVersion
    /// The relative virtual address of the entry point, or zero.
    public let addressOfEntryPoint: UInt32
    /// The preferred load address.
    public let imageBase: UInt64
    /// The alignment of sections in memory.
    public let sectionAlignment: UInt32
    /// The alignment of section raw data in the file.
    public let fileAlignment: UInt32
    /// The required operating system version.
    public let operatingSystemVersion: PEVersion
    /// The image's own version.
    public let imageVersion: PEVersion
    /// The required subsystem version.
    public let subsystemVersion: PEVersion
    /// The size of the image in memory.
    public let sizeOfImage: UInt32
    /// The size of the headers, rounded up to the file alignment.
    public let sizeOfHeaders: UInt32
    /// The image checksum (checked by the loader for drivers).
    public let checkSum: UInt32
    /// The subsystem.
    public let subsystem: PESubsystem
    /// How the loader may treat the image.
    public let dllCharacteristics: DLLCharacteristics
    /// The number of data directories the header declares.
    public let numberOfRvaAndSizes: UInt32
    /// The data directories read: at most 16, and no more than declared or than the header holds.
    public let dataDirectories: [DataDirectory]

    /// The data directory at `index`, or nil when the header has fewer entries.
    public func dataDirectory(_ index: DataDirectory.Index) -> DataDirectory? {
        index.rawValue < dataDirectories.count ? dataDirectories[index.rawValue] : nil
    }

    /// The most data directories the format defines.
    static let maximumDataDirectories = 16
}

/// The headers of a PE image: where they start, the COFF file header and the optional header.
public struct PEHeaders: Sendable, Hashable {
    /// The file offset of the PE signature (the DOS header's `e_lfanew`).
    public let peHeaderOffset: Int
    /// The COFF file header.
    public let coff: COFFHeader
    /// The optional header.
    public let optional: OptionalHeader

    /// The file offset of the optional header.
    public var optionalHeaderOffset: Int { peHeaderOffset + 4 + COFFHeader.size }
    /// The file offset of the section table.
    public var sectionTableOffset: Int { optionalHeaderOffset + coff.sizeOfOptionalHeader }

    private static let dosHeaderSize = 64
    private static let dosSignature: UInt16 = 0x5A4D  // "MZ"
    private static let peSignature: UInt32 = 0x0000_4550  // "PE\0\0"

    /// Reads the DOS header, PE signature, COFF header and optional header.
    static func read(from reader: inout ByteReader, log: inout WarningLog) throws(PEError) -> PEHeaders {
        if let magic = try reader.bytes(at: 0, count: 2), magic.u16(0) != dosSignature {
            throw reader.error(.badDOSSignature(magic.u16(0)), at: 0)
        }
        guard let dos = try reader.bytes(at: 0, count: dosHeaderSize) else {
            throw reader.error(.truncated(.dosHeader, needed: dosHeaderSize, available: reader.size), at: 0)
        }

        let peOffset = Int(dos.u32(0x3C))
        guard let signature = try reader.bytes(at: peOffset, count: 4) else {
            throw reader.error(.truncated(.peSignature, needed: 4, available: available(reader, peOffset)), at: peOffset)
        }
        guard signature.u32(0) == peSignature else {
            throw reader.error(.badPESignature(signature.u32(0)), at: peOffset)
        }

        let coffOffset = peOffset + 4
        guard let c = try reader.bytes(at: coffOffset, count: COFFHeader.size) else {
            throw reader.error(
                .truncated(.coffHeader, needed: COFFHeader.size, available: available(reader, coffOffset)),
                at: coffOffset)
        }
        let coff = COFFHeader(
            machine: PEMachine(rawValue: c.u16(0)),
            numberOfSections: Int(c.u16(2)),
            timeDateStamp: c.u32(4),
            pointerToSymbolTable: c.u32(8),
            numberOfSymbols: c.u32(12),
            sizeOfOptionalHeader: Int(c.u16(16)),
            characteristics: FileCharacteristics(rawValue: c.u16(18)))
        guard coff.numberOfSections <= PESection.maximumCount else {
            throw reader.error(.tooManySections(coff.numberOfSections), at: coffOffset + 2)
        }

        let optional = try readOptionalHeader(at: coffOffset + COFFHeader.size, coff: coff, reader: &reader, log: &log)
        return PEHeaders(peHeaderOffset: peOffset, coff: coff, optional: optional)
    }

    private static func readOptionalHeader(
        at offset: Int, coff: COFFHeader, reader: inout ByteReader, log: inout WarningLog
    ) throws(PEError) -> OptionalHeader {
        let declared = coff.sizeOfOptionalHeader
        guard declared >= 2 else {
            throw reader.error(
                .optionalHeaderTooSmall(declared: declared, required: OptionalHeaderFormat.pe32.fixedSize), at: offset)
        }
        guard let magic = try reader.bytes(at: offset, count: 2) else {
            throw reader.error(.truncated(.optionalHeader, needed: 2, available: available(reader, offset)), at: offset)
        }
        guard let format = OptionalHeaderFormat(rawValue: magic.u16(0)) else {
            throw reader.error(.unknownOptionalHeaderMagic(magic.u16(0)), at: offset)
        }
        guard declared >= format.fixedSize else {
            throw reader.error(.optionalHeaderTooSmall(declared: declared, required: format.fixedSize), at: offset)
        }

        let wide = format == .pe32Plus
        // Offsets of the fields whose place depends on the format.
        let directoryCountOffset = wide ? 108 : 92
        guard let fixed = try reader.bytes(at: offset, count: format.fixedSize) else {
            throw reader.error(
                .truncated(.optionalHeader, needed: format.fixedSize, available: available(reader, offset)), at: offset)
        }
        let declaredDirectories = fixed.u32(directoryCountOffset)
        let directoryCount = min(
            Int(min(declaredDirectories, UInt32(OptionalHeader.maximumDataDirectories))),
            (declared - format.fixedSize) / 8)
        if directoryCount < declaredDirectories {
            log.add(.dataDirectoriesClamped(declared: declaredDirectories, read: directoryCount),
                    at: offset + directoryCountOffset)
        }
        let directoriesOffset = offset + format.fixedSize
        guard let table = try reader.bytes(at: directoriesOffset, count: directoryCount * 8) else {
            throw reader.error(
                .truncated(.optionalHeader, needed: format.fixedSize + directoryCount * 8,
                           available: available(reader, offset)),
                at: offset)
        }
        let directories = (0..<directoryCount).map {
            DataDirectory(virtualAddress: table.u32($0 * 8), size: table.u32($0 * 8 + 4))
        }

        return OptionalHeader(
            format: format,
            linkerVersion: PEVersion(major: UInt16(fixed.u8(2)), minor: UInt16(fixed.u8(3))),
            addressOfEntryPoint: fixed.u32(16),
            imageBase: wide ? fixed.u64(24) : UInt64(fixed.u32(28)),
            sectionAlignment: fixed.u32(32),
            fileAlignment: fixed.u32(36),
            operatingSystemVersion: PEVersion(major: fixed.u16(40), minor: fixed.u16(42)),
            imageVersion: PEVersion(major: fixed.u16(44), minor: fixed.u16(46)),
            subsystemVersion: PEVersion(major: fixed.u16(48), minor: fixed.u16(50)),
            sizeOfImage: fixed.u32(56),
            sizeOfHeaders: fixed.u32(60),
            checkSum: fixed.u32(64),
            subsystem: PESubsystem(rawValue: fixed.u16(68)),
            dllCharacteristics: DLLCharacteristics(rawValue: fixed.u16(70)),
            numberOfRvaAndSizes: declaredDirectories,
            dataDirectories: directories)
    }

    /// The bytes present from `offset` to the end of the file.
    private static func available(_ reader: ByteReader, _ offset: Int) -> Int {
        max(0, reader.size - offset)
    }
}
