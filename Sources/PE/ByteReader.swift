/// Little-endian fields of bytes whose length the caller has already checked.
struct LittleEndianBytes {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    func u8(_ offset: Int) -> UInt8 {
        bytes[bytes.startIndex + offset]
    }

    func u16(_ offset: Int) -> UInt16 {
        UInt16(u8(offset)) | UInt16(u8(offset + 1)) << 8
    }

    func u32(_ offset: Int) -> UInt32 {
        UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16
    }

    func u64(_ offset: Int) -> UInt64 {
        UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32
    }
}

/// Bytes read through a relative virtual address.
enum MappedBytes {
    /// The bytes; `fileOffset` is where they start in the file (nil when they lie in a section's zero fill).
    case bytes(LittleEndianBytes, fileOffset: Int?)
    /// No section and not the headers hold the address.
    case unmapped
    /// The address is mapped, but the file or the section ends before all the bytes.
    case truncated(fileOffset: Int?)
}

/// A NUL-terminated name read through a relative virtual address.
enum MappedName {
    case name(String)
    case unmapped
    case truncated(fileOffset: Int?)
    case unterminated(fileOffset: Int?)
}

/// Bounds-checked reads from a byte source, through a small cache window so that the many small
/// reads of header and import parsing cost few calls to the source.
struct ByteReader {
    private let source: any ByteSource
    let size: Int
    private var window: [UInt8] = []
    private var windowStart = 0

    private static let windowSize = 64 * 1024
    private static let windowAlignment = 4096

    init(_ source: any ByteSource) {
        self.source = source
        self.size = max(0, source.size)
    }

    var path: String { source.path }

    func error(_ reason: PEError.Reason, at offset: Int) -> PEError {
        PEError(path: source.path, offset: offset, reason: reason)
    }

    /// Exactly `count` bytes at `offset`, or nil when the file ends first.
    mutating func bytes(at offset: Int, count: Int) throws(PEError) -> LittleEndianBytes? {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else { return nil }
        if offset >= windowStart, offset + count <= windowStart + window.count {
            let lower = offset - windowStart
            return LittleEndianBytes(window[lower..<lower + count])
        }
        let start = offset - offset % Self.windowAlignment
        if offset + count - start > Self.windowSize {
            let direct = try source.read(offset: offset, count: count)
            return direct.count == count ? LittleEndianBytes(direct[...]) : nil
        }
        window = try source.read(offset: start, count: Self.windowSize)
        windowStart = start
        guard offset + count <= start + window.count else { return nil }
        let lower = offset - start
        return LittleEndianBytes(window[lower..<lower + count])
    }

    /// `count` bytes at a relative virtual address, zero-filled where the section's raw data ends
    /// before its virtual size, as the loader maps them.
    mutating func read(rva: UInt64, count: Int, in map: AddressMap) throws(PEError) -> MappedBytes {
        guard let span = map.span(forRVA: rva) else { return .unmapped }
        if count <= span.fileCount, let offset = span.fileOffset {
            guard let bytes = try bytes(at: offset, count: count) else { return .truncated(fileOffset: offset) }
            return .bytes(bytes, fileOffset: offset)
        }
        guard count <= span.fileCount + span.zeroCount else { return .truncated(fileOffset: span.fileOffset) }
        var padded: [UInt8] = []
        if let offset = span.fileOffset, span.fileCount > 0 {
            guard let bytes = try bytes(at: offset, count: span.fileCount) else {
                return .truncated(fileOffset: offset)
            }
            padded.append(contentsOf: bytes.bytes)
        }
        padded.append(contentsOf: repeatElement(0, count: count - padded.count))
        return .bytes(LittleEndianBytes(padded[...]), fileOffset: span.fileOffset)
    }

    /// A NUL-terminated name of at most `maxLength` bytes at a relative virtual address.
    mutating func name(rva: UInt64, maxLength: Int, in map: AddressMap) throws(PEError) -> MappedName {
        guard let span = map.span(forRVA: rva) else { return .unmapped }
        let wanted = max(0, maxLength) + 1
        var found: ArraySlice<UInt8> = []
        if let offset = span.fileOffset, span.fileCount > 0 {
            let count = min(wanted, span.fileCount)
            guard let bytes = try bytes(at: offset, count: count) else { return .truncated(fileOffset: offset) }
            found = bytes.bytes
        }
        if let end = found.firstIndex(of: 0) {
            return .name(String(decoding: found[..<end], as: UTF8.self))
        }
        if found.count == wanted { return .unterminated(fileOffset: span.fileOffset) }
        // The bytes in the file ran out first: zero fill after them ends the name.
        if span.zeroCount > 0 { return .name(String(decoding: found, as: UTF8.self)) }
        return .truncated(fileOffset: span.fileOffset)
    }
}
