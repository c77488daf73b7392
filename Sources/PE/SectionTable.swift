/// One entry of the section table.
public struct PESection: Sendable, Hashable {
    /// The name: the header's 8 bytes up to the first NUL. Long names of object files (`/4`) stay as written.
    public let name: String
    /// The section's relative virtual address.
    public let virtualAddress: UInt32
    /// The section's size in memory (zero in some images: then the raw size counts).
    public let virtualSize: UInt32
    /// The file offset of the section's raw data.
    public let pointerToRawData: UInt32
    /// The size of the section's raw data in the file.
    public let sizeOfRawData: UInt32
    /// What the section holds and how it is mapped.
    public let characteristics: SectionCharacteristics
    /// The file offset of this entry in the section table.
    public let headerOffset: Int

    /// Creates a section table entry.
    public init(
        name: String, virtualAddress: UInt32, virtualSize: UInt32, pointerToRawData: UInt32,
        sizeOfRawData: UInt32, characteristics: SectionCharacteristics, headerOffset: Int
    ) {
        self.name = name
        self.virtualAddress = virtualAddress
        self.virtualSize = virtualSize
        self.pointerToRawData = pointerToRawData
        self.sizeOfRawData = sizeOfRawData
        self.characteristics = characteristics
        self.headerOffset = headerOffset
    }

    /// The most sections the format allows.
    public static let maximumCount = 96

    /// The size of one section table entry.
    static let entrySize = 40

    /// The size the section takes in memory, as the loader counts it.
    var mappedSize: UInt64 { UInt64(virtualSize != 0 ? virtualSize : sizeOfRawData) }

    /// Whether the section's memory range holds `rva`.
    public func contains(rva: UInt32) -> Bool {
        rva >= virtualAddress && UInt64(rva - virtualAddress) < mappedSize
    }

    /// Reads the section table that follows the optional header.
    static func readTable(
        headers: PEHeaders, reader: inout ByteReader
    ) throws(PEError) -> [PESection] {
        let offset = headers.sectionTableOffset
        let count = headers.coff.numberOfSections
        let size = count * entrySize
        guard let table = try reader.bytes(at: offset, count: size) else {
            throw reader.error(
                .truncated(.sectionTable, needed: size, available: max(0, reader.size - offset)), at: offset)
        }
        return (0..<count).map { index in
            let base = index * entrySize
            let nameBytes = (0..<8).map { table.u8(base + $0) }
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            return PESection(
                name: name,
                virtualAddress: table.u32(base + 12),
                virtualSize: table.u32(base + 8),
                pointerToRawData: table.u32(base + 20),
                sizeOfRawData: table.u32(base + 16),
                characteristics: SectionCharacteristics(rawValue: table.u32(base + 36)),
                headerOffset: offset + base)
        }
    }
}

/// Maps relative virtual addresses to file offsets the way the loader lays out an image:
/// the headers at address zero, then each section's raw data at its virtual address,
/// zero-filled up to its virtual size.
struct AddressMap: Sendable, Hashable {
    /// Where an address lies in the file.
    struct Span {
        /// The file offset of the address; nil when it lies in a section's zero fill.
        let fileOffset: Int?
        /// The bytes from there that are in the file, within the same section (or the headers).
        let fileCount: Int
        /// The zero-filled bytes that follow them in memory, within the same section.
        let zeroCount: Int
    }

    private let sections: [PESection]
    private let headerEnd: Int
    private let fileSize: Int
    private let roundsRawPointers: Bool

    init(sections: [PESection], optional: OptionalHeader, fileSize: Int) {
        self.sections = sections
        self.fileSize = fileSize
        var headerEnd = min(Int(optional.sizeOfHeaders), fileSize)
        if let lowest = sections.map(\.virtualAddress).min() {
            headerEnd = min(headerEnd, Int(lowest))
        }
        self.headerEnd = headerEnd
        // The loader rounds raw data pointers down to 512 bytes unless the image uses a smaller file alignment.
        self.roundsRawPointers = optional.fileAlignment >= 0x200
    }

    /// The file offset where a section's raw data starts, as the loader reads it.
    private func rawStart(_ section: PESection) -> UInt64 {
        UInt64(roundsRawPointers ? section.pointerToRawData & ~0x1FF : section.pointerToRawData)
    }

    func span(forRVA rva: UInt64) -> Span? {
        for section in sections {
            let start = UInt64(section.virtualAddress)
            let mapped = section.mappedSize
            guard rva >= start, rva - start < mapped else { continue }
            let delta = rva - start
            let rawSize = min(UInt64(section.sizeOfRawData), mapped)
            guard delta < rawSize else {
                return Span(fileOffset: nil, fileCount: 0, zeroCount: Int(mapped - delta))
            }
            let offset = rawStart(section) + delta
            let rawEnd = rawStart(section) + rawSize
            let fileEnd = UInt64(fileSize)
            // Raw data cut off by the end of the file is missing, not zero.
            let inFile = offset < fileEnd ? min(rawEnd, fileEnd) - offset : 0
            let zeros = rawEnd <= fileEnd ? mapped - rawSize : 0
            return Span(fileOffset: Int(offset), fileCount: Int(inFile), zeroCount: Int(zeros))
        }
        if rva < UInt64(headerEnd) {
            return Span(fileOffset: Int(rva), fileCount: headerEnd - Int(rva), zeroCount: 0)
        }
        return nil
    }

    /// The file offset of the byte at `rva`, when that byte is in the file.
    func fileOffset(forRVA rva: UInt32) -> Int? {
        guard let span = span(forRVA: UInt64(rva)), span.fileCount > 0 else { return nil }
        return span.fileOffset
    }

    /// Warnings about sections whose raw data passes the end of the file or whose memory overlaps.
    func check(log: inout WarningLog) {
        for section in sections where section.sizeOfRawData > 0 {
            if rawStart(section) + UInt64(section.sizeOfRawData) > UInt64(fileSize) {
                log.add(.sectionBeyondEndOfFile(section: section.name), at: section.headerOffset)
            }
        }
        let ordered = sections.sorted { $0.virtualAddress < $1.virtualAddress }
        for (first, second) in zip(ordered, ordered.dropFirst())
        where UInt64(first.virtualAddress) + first.mappedSize > UInt64(second.virtualAddress) {
            log.add(.sectionsOverlap(first.name, second.name), at: second.headerOffset)
        }
    }
}
