import PE
import Testing

/// Damaged copies of the fixtures: typed errors where the headers cannot be read, warnings and
/// partial results past them, and never a crash.
@Suite("Malformed input")
struct MalformedTests {
    private func error(_ bytes: [UInt8]) -> PEError? {
        do {
            _ = try PEFile(bytes: bytes, path: "damaged.sys")
            return nil
        } catch {
            return error
        }
    }

    /// Offsets of the driver fixture's header structures.
    private struct Layout {
        let pe: Int
        let optional: Int
        let sectionTable: Int
        let sectionCount: Int

        init(_ bytes: [UInt8]) {
            pe = Int(bytes.u32(0x3C))
            optional = pe + 24
            sectionTable = optional + Int(bytes.u16(pe + 20))
            sectionCount = Int(bytes.u16(pe + 6))
        }

        var headersEnd: Int { sectionTable + sectionCount * 40 }
        var importDirectory: Int { optional + 112 + 8 }
    }

    @Test func notAPEFile() {
        #expect(error([]) == PEError(path: "damaged.sys", offset: 0, reason: .truncated(.dosHeader, needed: 64, available: 0)))
        #expect(error(Array("MZ".utf8))?.reason == .truncated(.dosHeader, needed: 64, available: 2))
        #expect(error(Array("Hello, world".utf8))?.reason == .badDOSSignature(0x6548))
    }

    @Test func truncatedAtEachHeaderBoundary() throws {
        let bytes = try Fixture.driver.bytes
        let layout = Layout(bytes)
        let cases: [(Int, PEError)] = [
            (63, PEError(path: "damaged.sys", offset: 0, reason: .truncated(.dosHeader, needed: 64, available: 63))),
            (64, PEError(path: "damaged.sys", offset: layout.pe, reason: .truncated(.peSignature, needed: 4, available: 0))),
            (layout.pe + 2, PEError(path: "damaged.sys", offset: layout.pe, reason: .truncated(.peSignature, needed: 4, available: 2))),
            (layout.pe + 14, PEError(path: "damaged.sys", offset: layout.pe + 4, reason: .truncated(.coffHeader, needed: 20, available: 10))),
            (layout.optional + 1, PEError(path: "damaged.sys", offset: layout.optional, reason: .truncated(.optionalHeader, needed: 2, available: 1))),
            (layout.optional + 50, PEError(path: "damaged.sys", offset: layout.optional, reason: .truncated(.optionalHeader, needed: 112, available: 50))),
            (layout.optional + 120, PEError(path: "damaged.sys", offset: layout.optional, reason: .truncated(.optionalHeader, needed: 240, available: 120))),
            (layout.sectionTable + 85, PEError(path: "damaged.sys", offset: layout.sectionTable, reason: .truncated(.sectionTable, needed: 240, available: 85))),
        ]
        for (length, expected) in cases {
            #expect(error(Array(bytes.prefix(length))) == expected, "length \(length)")
        }
        #expect(error(Array(bytes.prefix(layout.headersEnd))) == nil)
    }

    @Test func headerFieldsThatLie() throws {
        let bytes = try Fixture.driver.bytes
        let layout = Layout(bytes)

        var farHeader = bytes
        farHeader.put32(0xFFFF_FFF0, at: 0x3C)
        #expect(error(farHeader)?.reason == .truncated(.peSignature, needed: 4, available: 0))
        #expect(error(farHeader)?.offset == 0xFFFF_FFF0)

        var badSignature = bytes
        badSignature[layout.pe + 1] = UInt8(ascii: "X")
        #expect(error(badSignature)?.reason == .badPESignature(0x5850))

        var manySections = bytes
        manySections.put16(0xFFFF, at: layout.pe + 6)
        #expect(error(manySections) == PEError(path: "damaged.sys", offset: layout.pe + 6, reason: .tooManySections(0xFFFF)))
        manySections.put16(97, at: layout.pe + 6)
        #expect(error(manySections)?.reason == .tooManySections(97))
        // 96 entries are allowed, but this small file ends before them.
        manySections.put16(96, at: layout.pe + 6)
        #expect(error(manySections)?.reason == .truncated(.sectionTable, needed: 96 * 40, available: bytes.count - layout.sectionTable))

        var noOptionalHeader = bytes
        noOptionalHeader.put16(0, at: layout.pe + 20)
        #expect(error(noOptionalHeader)?.reason == .optionalHeaderTooSmall(declared: 0, required: 96))
        var shortOptionalHeader = bytes
        shortOptionalHeader.put16(100, at: layout.pe + 20)
        #expect(error(shortOptionalHeader)?.reason == .optionalHeaderTooSmall(declared: 100, required: 112))

        var romImage = bytes
        romImage.put16(0x107, at: layout.optional)
        #expect(error(romImage)?.reason == .unknownOptionalHeaderMagic(0x107))
        #expect(error(romImage)?.description == "damaged.sys: offset 0x98: unknown optional header magic 0x107 (expected 0x10b or 0x20b)")
    }

    @Test func dataDirectoryCount() throws {
        let bytes = try Fixture.driver.bytes
        let layout = Layout(bytes)
        var many = bytes
        many.put32(4096, at: layout.optional + 108)
        let clamped = try PEFile(bytes: many)
        #expect(clamped.headers.optional.dataDirectories.count == 16)
        #expect(clamped.warnings == [PEWarning(.dataDirectoriesClamped(declared: 4096, read: 16), offset: layout.optional + 108)])
        #expect(clamped.imports.count == 2)

        var one = bytes
        one.put32(1, at: layout.optional + 108)
        let exportOnly = try PEFile(bytes: one)
        #expect(exportOnly.headers.optional.dataDirectories.count == 1)
        #expect(exportOnly.headers.optional.dataDirectory(.import) == nil)
        #expect(exportOnly.imports.isEmpty)
        #expect(exportOnly.warnings.isEmpty)
    }

    @Test func importDirectoryOutsideEverySection() throws {
        var bytes = try Fixture.driver.bytes
        bytes.put32(0x00F0_0000, at: Layout(bytes).importDirectory)
        let pe = try PEFile(bytes: bytes)
        #expect(pe.imports.isEmpty)
        #expect(pe.warnings == [PEWarning(.unmappedAddress(.importDirectory, address: 0x00F0_0000), offset: nil)])
    }

    @Test func repeatedDescriptorIsALoop() throws {
        var bytes = try Fixture.driver.bytes
        let pe = try PEFile(bytes: bytes)
        let first = try #require(pe.imports.first?.descriptorOffset)
        bytes.replaceSubrange(first + 20..<first + 40, with: bytes[first..<first + 20])
        let looped = try PEFile(bytes: bytes)
        #expect(looped.imports == [pe.imports[0]])
        #expect(looped.warnings == [PEWarning(.loop(.importDescriptor), offset: first + 20)])
    }

    @Test func namesThatPointNowhere() throws {
        var bytes = try Fixture.dll64.bytes
        let pe = try PEFile(bytes: bytes)
        let helper = pe.imports[0].descriptorOffset
        let kernel32 = pe.imports[1].descriptorOffset
        bytes.put32(0x7000_0000, at: helper + 12)
        // The first name entry of KERNEL32.dll's lookup table.
        let lookupTable = try #require(pe.fileOffset(forRVA: bytes.u32(kernel32)))
        bytes.put32(0x7000_0000, at: lookupTable + 8)
        let damaged = try PEFile(bytes: bytes)
        #expect(damaged.imports.map(\.name) == ["KERNEL32.dll"])
        #expect(damaged.imports[0].functions == [.name("FreeLibrary", hint: 443)])
        #expect(damaged.warnings == [
            PEWarning(.unmappedAddress(.libraryName, address: 0x7000_0000), offset: helper),
            PEWarning(.unmappedAddress(.importByName, address: 0x7000_0000), offset: lookupTable + 8),
        ])
        #expect(damaged.delayImports == pe.delayImports)
    }

    @Test func ordinalFlagAndHighBitsOfSixtyFourBitThunks() throws {
        var bytes = try Fixture.dll64.bytes
        let pe = try PEFile(bytes: bytes)
        let lookupTable = try #require(pe.fileOffset(forRVA: bytes.u32(pe.imports[1].descriptorOffset)))
        // Bits 31 to 62 must be clear in a name entry's address.
        bytes.put32(1, at: lookupTable + 4)
        let damaged = try PEFile(bytes: bytes)
        #expect(damaged.imports[1].functions.isEmpty)
        #expect(damaged.warnings.map(\.kind) == [.unmappedAddress(.importByName, address: 0x1_0000_0000 | UInt64(bytes.u32(lookupTable)))])
    }

    @Test func fileEndsInsideTheImportSection() throws {
        let bytes = try Fixture.driver.bytes
        let pe = try PEFile(bytes: bytes)
        let descriptors = try #require(pe.imports.first?.descriptorOffset)
        let damaged = try PEFile(bytes: Array(bytes.prefix(descriptors + 30)))
        #expect(damaged.imports.isEmpty)
        let idata = try #require(pe.sections.last)
        #expect(damaged.warnings == [
            PEWarning(.sectionBeyondEndOfFile(section: ".idata"), offset: idata.headerOffset),
            PEWarning(.truncated(.libraryName), offset: descriptors + 0x118),
            PEWarning(.truncated(.importDirectory), offset: descriptors + 20),
        ])
    }

    @Test func overlappingSections() throws {
        var bytes = try Fixture.driver.bytes
        let layout = Layout(bytes)
        // .rdata claims the address of .text.
        bytes.put32(0x1000, at: layout.sectionTable + 40 + 12)
        let pe = try PEFile(bytes: bytes)
        #expect(pe.warnings == [PEWarning(.sectionsOverlap(".text", ".rdata"), offset: layout.sectionTable + 40)])
        #expect(pe.imports.count == 2)
    }

    @Test func readLimits() throws {
        let bytes = try Fixture.dll64.bytes

        let fewFunctions = try PEFile(bytes: bytes, limits: PEReadLimits(maxFunctionsPerLibrary: 3))
        #expect(fewFunctions.imports[1].functions.count == 3)
        #expect(fewFunctions.warnings.map(\.kind) == [.limitReached(.functionsPerLibrary, limit: 3)])

        let fewInAll = try PEFile(bytes: bytes, limits: PEReadLimits(maxImportedFunctions: 5))
        #expect(fewInAll.imports.map(\.functions.count) == [1, 4])
        #expect(fewInAll.delayImports.map(\.functions.count) == [0])
        #expect(fewInAll.warnings.map(\.kind) == [.limitReached(.importedFunctions, limit: 5)])

        let oneLibrary = try PEFile(bytes: bytes, limits: PEReadLimits(maxImportLibraries: 1))
        #expect(oneLibrary.imports.map(\.name) == ["isohelper.dll"])
        #expect(oneLibrary.delayImports.map(\.name) == ["cfgmgr32.dll"])
        #expect(oneLibrary.warnings.map(\.kind) == [.limitReached(.importLibraries, limit: 1)])

        let shortNames = try PEFile(bytes: bytes, limits: PEReadLimits(maxNameLength: 12))
        #expect(shortNames.imports.map(\.name) == ["KERNEL32.dll"])
        #expect(shortNames.imports[0].functions.map(\.description) == ["FreeLibrary"])
        #expect(shortNames.warnings.map(\.kind) == [
            .unterminatedName(.libraryName), .unterminatedName(.importByName), .unterminatedName(.importByName),
        ])
        #expect(shortNames.delayImports == [
            ImportedLibrary(name: "cfgmgr32.dll", functions: [], descriptorOffset: 0xC00),
        ])

        let oneWarning = try PEFile(bytes: bytes, limits: PEReadLimits(maxNameLength: 12, maxWarnings: 1))
        #expect(oneWarning.warnings.map(\.kind) == [.unterminatedName(.libraryName), .limitReached(.warnings, limit: 1)])
    }

    /// Every prefix of every fixture: a typed error exactly while the headers are incomplete, a result after.
    @Test(arguments: Fixture.allCases)
    func everyTruncation(_ fixture: Fixture) throws {
        let bytes = try fixture.bytes
        let headersEnd = Layout(bytes).headersEnd
        for length in 0...bytes.count {
            let prefix = Array(bytes.prefix(length))
            do {
                let pe = try PEFile(bytes: prefix)
                #expect(length >= headersEnd, "length \(length)")
                #expect(pe.imports.count <= 2)
            } catch {
                #expect(length < headersEnd, "length \(length): \(error)")
                #expect(error.path == "<memory>")
            }
        }
    }

    /// Random byte changes in the headers and import tables, from a fixed seed.
    @Test(arguments: Fixture.allCases)
    func randomDamage(_ fixture: Fixture) throws {
        let original = try fixture.bytes
        let pe = try PEFile(bytes: original)
        let importStart = pe.imports.map(\.descriptorOffset).min() ?? 0
        var random = SplitMix64(seed: 0x5EED)
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<(1 + random.next() % 6) {
                let region = random.next() % 3
                let offset: Int
                switch region {
                case 0: offset = Int(random.next() % 0x400)
                case 1: offset = importStart + Int(random.next() % 0x200)
                default: offset = Int(random.next() % UInt64(bytes.count))
                }
                guard offset < bytes.count else { continue }
                bytes[offset] = UInt8(truncatingIfNeeded: random.next())
            }
            if let damaged = try? PEFile(bytes: bytes, limits: PEReadLimits(maxWarnings: 20)) {
                #expect(damaged.warnings.count <= 21)
                #expect(damaged.sections.count <= PESection.maximumCount)
            }
        }
    }
}

/// A small deterministic random number generator.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
