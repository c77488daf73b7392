import INFModel
import PE

/// A string found in a binary.
public struct BinaryString: Sendable, Hashable {
    /// The file offset of the first byte.
    public let offset: Int
    /// The characters.
    public let value: String
    /// Whether the string is UTF-16LE (two bytes a character) rather than ASCII.
    public let isUTF16: Bool

    public init(offset: Int, value: String, isUTF16: Bool) {
        self.offset = offset
        self.value = value
        self.isUTF16 = isUTF16
    }

    /// `ASCII` or `UTF-16LE`, for messages.
    public var encodingName: String { isUTF16 ? "UTF-16LE" : "ASCII" }
}

/// A function a binary imports by name.
public struct BinaryImport: Sendable, Hashable {
    /// The library, as the image names it (`ntoskrnl.exe`, `KERNEL32.dll`).
    public let library: String
    /// The function's name.
    public let function: String
    /// Whether it comes from the delay-load import directory, resolved only at the first call.
    public let isDelayLoaded: Bool
    /// The file offset of the function's name in the image's hint/name table, or of the library's
    /// import descriptor when the name was not found as a string.
    public let offset: Int
}

/// Why a binary could not be read, or was read only in part.
public struct BinaryDamage: Sendable, Hashable {
    /// What is wrong, in one sentence.
    public let message: String
    /// The file offset of the structure concerned.
    public let offset: Int
    /// Whether the file could not be read as a PE image at all (rather than read past damage).
    public let isFatal: Bool
}

/// What one read of a package binary found: the kind of image, its imports, the strings kept, and
/// any damage. A file that is not a readable PE image has no imports and no strings.
public struct BinaryImage: Sendable {
    /// The binary.
    public let binary: PackageBinary
    /// The file's size in bytes.
    public let fileSize: Int
    /// Whether the image is a kernel-mode driver (native subsystem).
    public let isKernelDriver: Bool
    /// The Windows version the image's subsystem version field names (the oldest Windows the
    /// linker was told the image runs on), or nil for an unreadable file.
    public let subsystemVersion: WindowsVersion?
    /// Every function imported by name, from the import and the delay-load import directories.
    public let imports: [BinaryImport]
    /// The strings the scan kept, ordered by offset.
    public let strings: [BinaryString]
    /// Whether more strings matched than the scan keeps, so that some were dropped.
    public let stringsLimitReached: Bool
    /// Why the file could not be read, or what was read past; nil for a sound image.
    public let damage: BinaryDamage?

    /// The first import of function `name` (exact, case-sensitive), preferring the import directory.
    public func importedFunction(_ name: String) -> BinaryImport? {
        imports.first { $0.function == name && !$0.isDelayLoaded } ?? imports.first { $0.function == name }
    }

    /// Whether the image imports a function of one of these names.
    public func importsAny(of names: [String]) -> Bool {
        names.contains { importedFunction($0) != nil }
    }

    /// The first import, in `names` order, of one of these functions.
    public func firstImport(of names: [String]) -> BinaryImport? {
        for name in names {
            if let found = importedFunction(name) { return found }
        }
        return nil
    }
}

/// What a scan of a binary keeps, so that memory stays bounded whatever the file's size.
public struct BinaryScanOptions: Sendable {
    /// Whether a string is worth keeping.
    public var keepsString: @Sendable (BinaryString) -> Bool
    /// The most strings kept from one file.
    public var maximumKeptStrings: Int
    /// The fewest characters a string needs to be seen at all.
    public var minimumStringLength: Int
    /// The bytes read at a time.
    public var chunkSize: Int

    public init(keepsString: @escaping @Sendable (BinaryString) -> Bool, maximumKeptStrings: Int = 10_000,
                minimumStringLength: Int = 4, chunkSize: Int = 1 << 20) {
        self.keepsString = keepsString
        self.maximumKeptStrings = maximumKeptStrings
        self.minimumStringLength = minimumStringLength
        self.chunkSize = chunkSize
    }
}

extension BinaryImage {
    /// Reads the headers and import tables of `binary`, then streams the whole file once in chunks
    /// for strings, keeping those `options` asks for and finding where imported names are spelled.
    /// A file that cannot be read as a PE image gives an image with fatal damage.
    public static func scan(_ binary: PackageBinary, options: BinaryScanOptions) -> BinaryImage {
        let source: FileByteSource
        let pe: PEFile
        do {
            source = try FileByteSource(path: binary.path)
            pe = try PEFile(source: source)
        } catch {
            return BinaryImage(binary: binary, fileSize: 0, isKernelDriver: false, subsystemVersion: nil, imports: [],
                               strings: [], stringsLimitReached: false,
                               damage: BinaryDamage(message: error.message, offset: error.offset, isFatal: true))
        }
        let names = Set((pe.imports + pe.delayImports).flatMap { $0.functions.compactMap(\.name) })
        var kept: [BinaryString] = []
        var limitReached = false
        var spellings: [String: [Int]] = [:]
        let scanOptions = StringScanOptions(minimumLength: options.minimumStringLength, chunkSize: options.chunkSize)
        var damage: BinaryDamage?
        do {
            try PEStrings.scan(source, options: scanOptions) { found in
                if found.encoding == .ascii, let (name, offset) = Self.importName(in: found, names: names) {
                    spellings[name, default: []].append(offset)
                }
                let string = BinaryString(offset: found.offset, value: found.value, isUTF16: found.encoding == .utf16LE)
                guard options.keepsString(string) else { return }
                if kept.count < options.maximumKeptStrings { kept.append(string) } else { limitReached = true }
            }
        } catch {
            damage = BinaryDamage(message: error.message, offset: error.offset, isFatal: false)
        }
        if damage == nil, let first = pe.warnings.first(where: Self.isDamage) {
            damage = BinaryDamage(message: first.message, offset: first.offset ?? 0, isFatal: false)
        }
        let ranges = pe.sections.map { Int($0.pointerToRawData)..<(Int($0.pointerToRawData) + Int($0.sizeOfRawData)) }
        func imports(_ libraries: [ImportedLibrary], delayLoaded: Bool) -> [BinaryImport] {
            libraries.flatMap { library in
                let home = ranges.first { $0.contains(library.descriptorOffset) }
                return library.functions.compactMap { function -> BinaryImport? in
                    guard let name = function.name else { return nil }
                    let offsets = spellings[name] ?? []
                    let offset = offsets.first { home?.contains($0) ?? false } ?? offsets.first ?? library.descriptorOffset
                    return BinaryImport(library: library.name, function: name, isDelayLoaded: delayLoaded, offset: offset)
                }
            }
        }
        let version = pe.headers.optional.subsystemVersion
        return BinaryImage(
            binary: binary, fileSize: pe.fileSize, isKernelDriver: pe.isKernelDriver,
            subsystemVersion: WindowsVersion(major: Int(version.major), minor: Int(version.minor)),
            imports: imports(pe.imports, delayLoaded: false) + imports(pe.delayImports, delayLoaded: true),
            strings: kept.sorted { $0.offset < $1.offset }, stringsLimitReached: limitReached, damage: damage)
    }

    /// The imported name an ASCII run spells and where, when the run is that name, possibly after the
    /// one or two printable bytes of its hint.
    private static func importName(in found: ExtractedString, names: Set<String>) -> (String, Int)? {
        guard !names.isEmpty else { return nil }
        if names.contains(found.value) { return (found.value, found.offset) }
        for skipped in 1...2 where found.length > skipped {
            let tail = String(decoding: found.value.utf8.dropFirst(skipped), as: UTF8.self)
            if names.contains(tail) { return (tail, found.offset + skipped) }
        }
        return nil
    }

    /// Whether a reader warning means that part of the file is missing or cut off.
    private static func isDamage(_ warning: PEWarning) -> Bool {
        switch warning.kind {
        case .sectionBeyondEndOfFile, .truncated, .unterminatedName: return true
        default: return false
        }
    }
}
