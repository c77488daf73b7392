/// How a string found in a binary is encoded.
public enum StringEncoding: String, Sendable, Hashable, CaseIterable {
    /// One byte per character.
    case ascii
    /// Two bytes per character, little-endian.
    case utf16LE
}

/// A run of printable characters found in a file.
public struct ExtractedString: Sendable, Hashable {
    /// The file offset of the first byte.
    public let offset: Int
    /// How the characters are encoded.
    public let encoding: StringEncoding
    /// The characters.
    public let value: String
    /// The number of characters.
    public let length: Int

    /// Creates a found string.
    public init(offset: Int, encoding: StringEncoding, value: String, length: Int) {
        self.offset = offset
        self.encoding = encoding
        self.value = value
        self.length = length
    }

    /// The number of bytes the string takes in the file.
    public var byteCount: Int { encoding == .ascii ? length : length * 2 }
}

/// What the string extractor looks for.
public struct StringScanOptions: Sendable, Hashable {
    /// The fewest characters a run needs to be reported.
    public var minimumLength: Int
    /// The most characters in one reported string: a longer run is reported as consecutive pieces
    /// of this length, and its last piece however short it is.
    public var maximumLength: Int
    /// The encodings to look for.
    public var encodings: Set<StringEncoding>
    /// Whether UTF-16LE runs may also hold the printable Latin-1 characters U+00A0 to U+00FF.
    public var utf16IncludesLatin1: Bool
    /// The number of bytes read from the source at a time.
    public var chunkSize: Int

    /// Options for printable ASCII (and tab) as single bytes and as UTF-16LE, read in 1 MiB chunks.
    public init(
        minimumLength: Int = 4,
        maximumLength: Int = 4096,
        encodings: Set<StringEncoding> = [.ascii, .utf16LE],
        utf16IncludesLatin1: Bool = false,
        chunkSize: Int = 1 << 20
    ) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.encodings = encodings
        self.utf16IncludesLatin1 = utf16IncludesLatin1
        self.chunkSize = chunkSize
    }
}

/// Finds runs of printable characters, ASCII and UTF-16LE, anywhere in a file (not only in PE
/// sections), reading it in chunks so that memory does not grow with the file.
public enum PEStrings {
    /// The strings of at least `minimumLength` characters in the source, ordered by offset.
    public static func extract(from source: some ByteSource, minimumLength: Int = 4) throws(PEError) -> [ExtractedString] {
        try extract(from: source, options: StringScanOptions(minimumLength: minimumLength))
    }

    /// The strings in the source, ordered by offset.
    public static func extract(from source: some ByteSource, options: StringScanOptions) throws(PEError) -> [ExtractedString] {
        var found: [ExtractedString] = []
        try scan(source, options: options) { found.append($0) }
        return found.sorted { ($0.offset, $0.encoding == .ascii ? 0 : 1) < ($1.offset, $1.encoding == .ascii ? 0 : 1) }
    }

    /// The strings in the file at `path`, ordered by offset.
    public static func extract(path: String, options: StringScanOptions = StringScanOptions()) throws(PEError) -> [ExtractedString] {
        try extract(from: FileByteSource(path: path), options: options)
    }

    /// Streams the source in chunks and hands each string to `visit` as soon as its run ends,
    /// so in order of where runs end rather than where they start.
    public static func scan(
        _ source: some ByteSource, options: StringScanOptions, _ visit: (ExtractedString) -> Void
    ) throws(PEError) {
        var scanner = StringScanner(options: options)
        let chunkSize = max(1, options.chunkSize)
        var offset = 0
        while offset < source.size {
            let chunk = try source.read(offset: offset, count: chunkSize)
            if chunk.isEmpty { break }
            scanner.feed(chunk, visit)
            offset += chunk.count
        }
        scanner.finish(visit)
    }
}

/// The state of the search across chunks: one run for ASCII and one for each byte alignment of UTF-16LE.
private struct StringScanner {
    private let minimumLength: Int
    private let maximumLength: Int
    private let findsASCII: Bool
    private let findsUTF16: Bool
    private let latin1: Bool
    private var ascii = Run(encoding: .ascii)
    private var utf16Even = Run(encoding: .utf16LE)
    private var utf16Odd = Run(encoding: .utf16LE)
    /// The file offset of the next byte.
    private var position = 0
    /// The byte before `position`, the low half of a UTF-16 code unit that the next byte completes.
    private var previous: UInt8 = 0

    init(options: StringScanOptions) {
        minimumLength = max(1, options.minimumLength)
        maximumLength = max(minimumLength, options.maximumLength)
        findsASCII = options.encodings.contains(.ascii)
        findsUTF16 = options.encodings.contains(.utf16LE)
        latin1 = options.utf16IncludesLatin1
    }

    mutating func feed(_ chunk: [UInt8], _ visit: (ExtractedString) -> Void) {
        chunk.withUnsafeBufferPointer { feed($0, visit) }
    }

    private mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ visit: (ExtractedString) -> Void) {
        for byte in chunk {
            if findsASCII {
                let printable = byte == 0x09 || (0x20...0x7E).contains(byte)
                ascii.step(printable, byte, at: position, minimumLength: minimumLength, maximumLength: maximumLength, visit)
            }
            if findsUTF16 && position > 0 {
                // The code unit (previous, byte) starts at position - 1.
                let start = position - 1
                let low = previous
                let printable = byte == 0
                    && (low == 0x09 || (0x20...0x7E).contains(low) || (latin1 && low >= 0xA0))
                if start & 1 == 0 {
                    utf16Even.step(printable, low, at: start, minimumLength: minimumLength, maximumLength: maximumLength, visit)
                } else {
                    utf16Odd.step(printable, low, at: start, minimumLength: minimumLength, maximumLength: maximumLength, visit)
                }
            }
            previous = byte
            position += 1
        }
    }

    mutating func finish(_ visit: (ExtractedString) -> Void) {
        ascii.end(minimumLength: minimumLength, visit)
        utf16Even.end(minimumLength: minimumLength, visit)
        utf16Odd.end(minimumLength: minimumLength, visit)
    }
}

/// A run of printable characters being collected.
private struct Run {
    let encoding: StringEncoding
    private var start = 0
    /// The characters, each a code point up to U+00FF.
    private var characters: [UInt8] = []
    /// Whether this run continues one that was reported in pieces at the maximum length.
    private var isContinuation = false

    init(encoding: StringEncoding) {
        self.encoding = encoding
    }

    mutating func step(
        _ printable: Bool, _ character: UInt8, at offset: Int, minimumLength: Int, maximumLength: Int,
        _ visit: (ExtractedString) -> Void
    ) {
        if printable {
            append(character, at: offset, maximumLength: maximumLength, visit)
        } else {
            end(minimumLength: minimumLength, visit)
        }
    }

    private mutating func append(_ character: UInt8, at offset: Int, maximumLength: Int, _ visit: (ExtractedString) -> Void) {
        if characters.isEmpty { start = offset }
        characters.append(character)
        if characters.count >= maximumLength {
            report(visit)
            isContinuation = true
        }
    }

    mutating func end(minimumLength: Int, _ visit: (ExtractedString) -> Void) {
        guard !characters.isEmpty else {
            isContinuation = false
            return
        }
        if characters.count >= minimumLength || isContinuation {
            report(visit)
        }
        characters.removeAll(keepingCapacity: true)
        isContinuation = false
    }

    private mutating func report(_ visit: (ExtractedString) -> Void) {
        let value: String
        if characters.allSatisfy({ $0 < 0x80 }) {
            value = String(decoding: characters, as: UTF8.self)
        } else {
            var latin1 = String.UnicodeScalarView()
            latin1.append(contentsOf: characters.map { Unicode.Scalar($0) })
            value = String(latin1)
        }
        visit(ExtractedString(offset: start, encoding: encoding, value: value, length: characters.count))
        characters.removeAll(keepingCapacity: true)
    }
}
