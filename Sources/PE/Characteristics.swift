/// COFF header `Characteristics`: what kind of image this is.
public struct FileCharacteristics: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// No base relocations: the image loads only at its preferred base.
    public static let relocationsStripped = FileCharacteristics(rawValue: 0x0001)
    /// A valid, linked image.
    public static let executableImage = FileCharacteristics(rawValue: 0x0002)
    /// Can handle addresses above 2 GB.
    public static let largeAddressAware = FileCharacteristics(rawValue: 0x0020)
    /// Built for a 32-bit word machine.
    public static let machine32Bit = FileCharacteristics(rawValue: 0x0100)
    /// Debugging information removed.
    public static let debugStripped = FileCharacteristics(rawValue: 0x0200)
    /// Copy to swap when run from removable media.
    public static let removableRunFromSwap = FileCharacteristics(rawValue: 0x0400)
    /// Copy to swap when run from the network.
    public static let netRunFromSwap = FileCharacteristics(rawValue: 0x0800)
    /// A system file.
    public static let system = FileCharacteristics(rawValue: 0x1000)
    /// A dynamic-link library.
    public static let dll = FileCharacteristics(rawValue: 0x2000)
    /// Runs only on a uniprocessor machine.
    public static let uniprocessorOnly = FileCharacteristics(rawValue: 0x4000)
}

/// Optional header `DllCharacteristics`: how the loader may treat the image.
public struct DLLCharacteristics: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// Supports a 64-bit ASLR address space.
    public static let highEntropyVA = DLLCharacteristics(rawValue: 0x0020)
    /// Can be relocated at load time (ASLR).
    public static let dynamicBase = DLLCharacteristics(rawValue: 0x0040)
    /// Code integrity checks are enforced.
    public static let forceIntegrity = DLLCharacteristics(rawValue: 0x0080)
    /// Compatible with data execution prevention.
    public static let nxCompatible = DLLCharacteristics(rawValue: 0x0100)
    /// Isolation aware, but must not be isolated.
    public static let noIsolation = DLLCharacteristics(rawValue: 0x0200)
    /// Uses no structured exception handling.
    public static let noSEH = DLLCharacteristics(rawValue: 0x0400)
    /// Must not be bound.
    public static let noBind = DLLCharacteristics(rawValue: 0x0800)
    /// Must run in an AppContainer.
    public static let appContainer = DLLCharacteristics(rawValue: 0x1000)
    /// A WDM driver (set by the Microsoft linker's `/DRIVER:WDM`).
    public static let wdmDriver = DLLCharacteristics(rawValue: 0x2000)
    /// Supports Control Flow Guard.
    public static let guardCF = DLLCharacteristics(rawValue: 0x4000)
    /// Terminal Server aware.
    public static let terminalServerAware = DLLCharacteristics(rawValue: 0x8000)
}

/// Section header `Characteristics`: what a section holds and how it is mapped.
public struct SectionCharacteristics: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Holds executable code.
    public static let containsCode = SectionCharacteristics(rawValue: 0x0000_0020)
    /// Holds initialized data.
    public static let initializedData = SectionCharacteristics(rawValue: 0x0000_0040)
    /// Holds uninitialized data.
    public static let uninitializedData = SectionCharacteristics(rawValue: 0x0000_0080)
    /// Can be discarded after loading.
    public static let discardable = SectionCharacteristics(rawValue: 0x0200_0000)
    /// Cannot be cached.
    public static let notCached = SectionCharacteristics(rawValue: 0x0400_0000)
    /// Not pageable (kernel-mode images).
    public static let notPaged = SectionCharacteristics(rawValue: 0x0800_0000)
    /// Shared in memory.
    public static let shared = SectionCharacteristics(rawValue: 0x1000_0000)
    /// Executable.
    public static let execute = SectionCharacteristics(rawValue: 0x2000_0000)
    /// Readable.
    public static let read = SectionCharacteristics(rawValue: 0x4000_0000)
    /// Writable.
    public static let write = SectionCharacteristics(rawValue: 0x8000_0000)
}
