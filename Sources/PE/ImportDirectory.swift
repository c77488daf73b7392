/// One function imported from a library: by name (with the loader's lookup hint) or by ordinal only.
public enum ImportedFunction: Sendable, Hashable, CustomStringConvertible {
    /// Imported by name; `hint` is the index into the exporting library's name table that the loader tries first.
    case name(String, hint: UInt16)
    /// Imported by ordinal only.
    case ordinal(UInt16)

    /// The function's name, or nil for an import by ordinal.
    public var name: String? {
        if case .name(let name, _) = self { return name }
        return nil
    }

    /// The name, or `#` and the ordinal.
    public var description: String {
        switch self {
        case .name(let name, _): return name
        case .ordinal(let ordinal): return "#\(ordinal)"
        }
    }
}

/// A library named in the import or delay-load import directory, with the functions taken from it.
public struct ImportedLibrary: Sendable, Hashable {
    /// The library's file name as written in the image (for example `ntoskrnl.exe`, `KERNEL32.dll`).
    public let name: String
    /// The functions, in table order.
    public let functions: [ImportedFunction]
    /// The file offset of the library's descriptor.
    public let descriptorOffset: Int

    /// Creates an entry.
    public init(name: String, functions: [ImportedFunction], descriptorOffset: Int) {
        self.name = name
        self.functions = functions
        self.descriptorOffset = descriptorOffset
    }

    /// Whether a function of this exact (case-sensitive) name is imported.
    public func imports(_ functionName: String) -> Bool {
        functions.contains { $0.name == functionName }
    }
}

/// Reads the import and delay-load import directories of one image, within the read limits.
struct ImportReader {
    var reader: ByteReader
    var log: WarningLog
    let map: AddressMap
    let is64Bit: Bool
    let imageBase: UInt64
    let limits: PEReadLimits
    private var functionBudget: Int
    private var budgetWarned = false

    init(reader: ByteReader, log: WarningLog, map: AddressMap, optional: OptionalHeader, limits: PEReadLimits) {
        self.reader = reader
        self.log = log
        self.map = map
        self.is64Bit = optional.format == .pe32Plus
        self.imageBase = optional.imageBase
        self.limits = limits
        self.functionBudget = max(0, limits.maxImportedFunctions)
    }

    private static let descriptorSize = 20

    /// The libraries of the import directory, read up to the first descriptor whose name or
    /// import address table is zero (as the loader reads it; the directory's size is not used).
    mutating func readImports(_ directory: DataDirectory) throws(PEError) -> [ImportedLibrary] {
        guard directory.virtualAddress != 0 else { return [] }
        var libraries: [ImportedLibrary] = []
        var seen = Set<UInt64>()
        for index in 0...max(0, limits.maxImportLibraries) {
            let rva = UInt64(directory.virtualAddress) + UInt64(index * Self.descriptorSize)
            guard let (entry, offset) = try descriptor(
                at: rva, size: Self.descriptorSize, first: index == 0, table: .importDirectory)
            else { break }
            let lookupTable = entry.u32(0)
            let nameRVA = entry.u32(12)
            let addressTable = entry.u32(16)
            guard nameRVA != 0, addressTable != 0, let offset else { break }
            guard index < limits.maxImportLibraries else {
                log.add(.limitReached(.importLibraries, limit: limits.maxImportLibraries), at: offset)
                break
            }
            // Images without a lookup table (old linkers) keep the names in the address table.
            let table = lookupTable != 0 ? lookupTable : addressTable
            guard seen.insert(UInt64(nameRVA) << 32 | UInt64(table)).inserted else {
                log.add(.loop(.importDescriptor), at: offset)
                break
            }
            guard let name = try name(at: UInt64(nameRVA), what: .libraryName, owner: offset) else { continue }
            let functions = try nameTable(
                at: UInt64(table), what: .importLookupTable, addressesAreVAs: false, owner: offset)
            libraries.append(ImportedLibrary(name: name, functions: functions, descriptorOffset: offset))
        }
        return libraries
    }

    /// The descriptor of `size` bytes at `rva`, with its file offset; nil (after a warning) when it cannot be read.
    mutating func descriptor(
        at rva: UInt64, size: Int, first: Bool, table: PEStructure
    ) throws(PEError) -> (LittleEndianBytes, Int?)? {
        switch try reader.read(rva: rva, count: size, in: map) {
        case .bytes(let bytes, let offset):
            return (bytes, offset)
        case .unmapped:
            log.add(first ? .unmappedAddress(table, address: rva) : .truncated(table), at: nil)
        case .truncated(let offset):
            log.add(.truncated(table), at: offset)
        }
        return nil
    }

    /// A library or function name; nil (after a warning) when it cannot be read.
    mutating func name(at rva: UInt64, what: PEStructure, owner: Int?) throws(PEError) -> String? {
        switch try reader.name(rva: rva, maxLength: limits.maxNameLength, in: map) {
        case .name(let name):
            return name
        case .unmapped:
            log.add(.unmappedAddress(what, address: rva), at: owner)
        case .truncated(let offset):
            log.add(.truncated(what), at: offset ?? owner)
        case .unterminated(let offset):
            log.add(.unterminatedName(what), at: offset ?? owner)
        }
        return nil
    }

    /// The functions of an import lookup table (or delay-load import name table): thunks of 32 bits
    /// in PE32 and 64 bits in PE32+, up to a zero thunk. An entry that cannot be read ends the table.
    mutating func nameTable(
        at start: UInt64, what: PEStructure, addressesAreVAs: Bool, owner: Int?
    ) throws(PEError) -> [ImportedFunction] {
        let thunkSize = is64Bit ? 8 : 4
        let ordinalFlag: UInt64 = is64Bit ? 1 << 63 : 1 << 31
        var functions: [ImportedFunction] = []
        for index in 0...max(0, limits.maxFunctionsPerLibrary) {
            let rva = start + UInt64(index * thunkSize)
            let thunk: LittleEndianBytes
            let thunkOffset: Int?
            switch try reader.read(rva: rva, count: thunkSize, in: map) {
            case .bytes(let bytes, let offset):
                (thunk, thunkOffset) = (bytes, offset)
            case .unmapped:
                log.add(index == 0 ? .unmappedAddress(what, address: rva) : .truncated(what), at: owner)
                return functions
            case .truncated(let offset):
                log.add(.truncated(what), at: offset ?? owner)
                return functions
            }
            let value = is64Bit ? thunk.u64(0) : UInt64(thunk.u32(0))
            if value == 0 { break }
            guard index < limits.maxFunctionsPerLibrary else {
                log.add(.limitReached(.functionsPerLibrary, limit: limits.maxFunctionsPerLibrary), at: thunkOffset)
                break
            }
            guard functionBudget > 0 else {
                if !budgetWarned {
                    budgetWarned = true
                    log.add(.limitReached(.importedFunctions, limit: limits.maxImportedFunctions), at: thunkOffset)
                }
                break
            }
            if value & ordinalFlag != 0 {
                functions.append(.ordinal(UInt16(truncatingIfNeeded: value)))
                functionBudget -= 1
                continue
            }
            // A name entry: a 16-bit hint, then the NUL-terminated name. Its address is a 31-bit RVA,
            // or a VA in old delay-load tables.
            guard let entry = address(value, isVA: addressesAreVAs), entry <= 0x7FFF_FFFF else {
                log.add(.unmappedAddress(.importByName, address: value), at: thunkOffset)
                return functions
            }
            let hint: UInt16
            switch try reader.read(rva: entry, count: 2, in: map) {
            case .bytes(let bytes, _):
                hint = bytes.u16(0)
            case .unmapped:
                log.add(.unmappedAddress(.importByName, address: entry), at: thunkOffset)
                return functions
            case .truncated(let offset):
                log.add(.truncated(.importByName), at: offset ?? thunkOffset)
                return functions
            }
            guard let name = try name(at: entry + 2, what: .importByName, owner: thunkOffset) else {
                return functions
            }
            functions.append(.name(name, hint: hint))
            functionBudget -= 1
        }
        return functions
    }

    /// An RVA from a table field: the field itself, or for a virtual address the field less the image base.
    func address(_ field: UInt64, isVA: Bool) -> UInt64? {
        guard isVA else { return field }
        return field >= imageBase ? field - imageBase : nil
    }
}
