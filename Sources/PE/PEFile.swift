/// A Portable Executable image (a `.sys`, `.dll` or `.exe`): its headers, sections, imports and delay-load imports.
///
/// Reading fetches only the headers and the import tables, never the whole file. A file that is not
/// a PE image, or whose headers are cut off, throws a ``PEError``; damage further in (import tables
/// that point nowhere, loop or run off the end) leaves a partial result and ``warnings``.
public struct PEFile: Sendable, Hashable {
    /// The file's path, or the label of bytes held in memory.
    public let path: String
    /// The file's size in bytes.
    public let fileSize: Int
    /// The DOS, COFF and optional headers.
    public let headers: PEHeaders
    /// The section table, in file order.
    public let sections: [PESection]
    /// The import directory's libraries, in table order.
    public let imports: [ImportedLibrary]
    /// The delay-load import directory's libraries, in table order.
    public let delayImports: [ImportedLibrary]
    /// What was wrong in the file but read past.
    public let warnings: [PEWarning]
    private let addressMap: AddressMap

    /// Reads the image from a byte source.
    public init(source: some ByteSource, limits: PEReadLimits = PEReadLimits()) throws(PEError) {
        var reader = ByteReader(source)
        var log = WarningLog(limit: limits.maxWarnings)
        let headers = try PEHeaders.read(from: &reader, log: &log)
        let sections = try PESection.readTable(headers: headers, reader: &reader)
        let map = AddressMap(sections: sections, optional: headers.optional, fileSize: reader.size)
        map.check(log: &log)

        let absent = DataDirectory(virtualAddress: 0, size: 0)
        var imports = ImportReader(reader: reader, log: log, map: map, optional: headers.optional, limits: limits)
        self.imports = try imports.readImports(headers.optional.dataDirectory(.import) ?? absent)
        self.delayImports = try imports.readDelayImports(headers.optional.dataDirectory(.delayImport) ?? absent)

        self.path = source.path
        self.fileSize = reader.size
        self.headers = headers
        self.sections = sections
        self.warnings = imports.log.warnings
        self.addressMap = map
    }

    /// Reads the image from bytes in memory; `path` only names them in errors.
    public init(bytes: [UInt8], path: String = "<memory>", limits: PEReadLimits = PEReadLimits()) throws(PEError) {
        try self.init(source: MemoryByteSource(bytes, path: path), limits: limits)
    }

    /// Reads the image from the file at `path`, fetching only what it needs.
    public static func read(path: String, limits: PEReadLimits = PEReadLimits()) throws(PEError) -> PEFile {
        try PEFile(source: FileByteSource(path: path), limits: limits)
    }

    /// The CPU the image is built for.
    public var machine: PEMachine { headers.coff.machine }

    /// Whether the image is PE32+ (64-bit addresses and import thunks).
    public var is64Bit: Bool { headers.optional.format == .pe32Plus }

    /// The subsystem the image runs in.
    public var subsystem: PESubsystem { headers.optional.subsystem }

    /// Whether the image is a kernel-mode driver: its subsystem is native.
    public var isKernelDriver: Bool { subsystem == .native }

    /// Whether the COFF header marks the image as a dynamic-link library.
    public var isDLL: Bool { headers.coff.characteristics.contains(.dll) }

    /// The file offset of the byte at a relative virtual address, or nil when the byte is not in the
    /// file (outside every section and the headers, or in a section's zero fill).
    public func fileOffset(forRVA rva: UInt32) -> Int? {
        addressMap.fileOffset(forRVA: rva)
    }

    /// The section whose memory holds a relative virtual address.
    public func section(containingRVA rva: UInt32) -> PESection? {
        sections.first { $0.contains(rva: rva) }
    }

    /// Whether the import or the delay-load import directory names a function of this exact
    /// (case-sensitive) name, from any library.
    public func importsFunction(named name: String) -> Bool {
        imports.contains { $0.imports(name) } || delayImports.contains { $0.imports(name) }
    }
}
