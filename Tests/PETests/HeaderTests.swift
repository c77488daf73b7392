import Foundation
import PE
import Testing

@Suite("Headers and sections")
struct HeaderTests {
    @Test func kernelDriverHeaders() throws {
        let bytes = try Fixture.driver.bytes
        let pe = try Fixture.driver.read()
        #expect(pe.machine == .x64)
        #expect(pe.machine.description == "x64")
        #expect(pe.is64Bit)
        #expect(pe.headers.optional.format == .pe32Plus)
        #expect(pe.subsystem == .native)
        #expect(pe.isKernelDriver)
        #expect(pe.isDLL)
        #expect(pe.fileSize == bytes.count)
        #expect(pe.headers.peHeaderOffset == Int(bytes.u32(0x3C)))
        #expect(pe.headers.coff.numberOfSections == 6)
        #expect(pe.headers.coff.timeDateStamp == 0)
        #expect(pe.headers.coff.characteristics.contains([.executableImage, .largeAddressAware, .dll]))
        let optional = pe.headers.optional
        #expect(optional.imageBase == 0x1_4000_0000)
        #expect(optional.addressOfEntryPoint == 0x1000)
        #expect(optional.sectionAlignment == 0x1000)
        #expect(optional.fileAlignment == 0x200)
        #expect(optional.sizeOfHeaders == 0x400)
        #expect(optional.sizeOfImage == 0x7000)
        #expect(optional.checkSum == 0x35C9)
        #expect(optional.subsystemVersion == PEVersion(major: 5, minor: 2))
        #expect(optional.dllCharacteristics == [.highEntropyVA, .dynamicBase, .nxCompatible])
        #expect(optional.numberOfRvaAndSizes == 16)
        #expect(optional.dataDirectories.count == 16)
        #expect(optional.dataDirectory(.import) == DataDirectory(virtualAddress: 0x6000, size: 0x148))
        #expect(optional.dataDirectory(.delayImport)?.isEmpty == true)
        #expect(pe.sections.map(\.name) == [".text", ".rdata", ".pdata", ".xdata", ".edata", ".idata"])
        #expect(pe.warnings.isEmpty)
    }

    @Test func sectionTableEntries() throws {
        let pe = try Fixture.driver.read()
        let text = try #require(pe.sections.first)
        #expect(text.virtualAddress == 0x1000)
        #expect(text.virtualSize == 0x110)
        #expect(text.pointerToRawData == 0x400)
        #expect(text.sizeOfRawData == 0x200)
        #expect(text.characteristics == [.containsCode, .execute, .read])
        #expect(text.headerOffset == pe.headers.sectionTableOffset)
        let idata = try #require(pe.sections.last)
        #expect(idata.virtualAddress == 0x6000)
        #expect(idata.pointerToRawData == 0xE00)
        #expect(idata.characteristics == [.initializedData, .read, .write])
        #expect(idata.headerOffset == pe.headers.sectionTableOffset + 5 * 40)
    }

    @Test func userDLLHeaders() throws {
        let pe = try Fixture.dll64.read()
        #expect(pe.machine == .x64)
        #expect(pe.is64Bit)
        #expect(pe.subsystem == .windowsGUI)
        #expect(pe.subsystem.description == "windows-gui")
        #expect(!pe.isKernelDriver)
        #expect(pe.isDLL)
        #expect(pe.headers.optional.imageBase == 0x1_8000_0000)
        #expect(pe.headers.optional.checkSum == 0x50DB)
        #expect(pe.headers.optional.dataDirectory(.delayImport) == DataDirectory(virtualAddress: 0x1800, size: 64))
        #expect(pe.sections.map(\.name) == [".text", ".data", ".rdata", ".pdata", ".xdata", ".bss", ".edata", ".idata", ".reloc"])
        #expect(pe.warnings.isEmpty)
    }

    @Test func pe32Headers() throws {
        let pe = try Fixture.dll32.read()
        #expect(pe.machine == .x86)
        #expect(pe.machine.rawValue == 0x14C)
        #expect(!pe.is64Bit)
        #expect(pe.headers.optional.format == .pe32)
        #expect(pe.subsystem == .windowsGUI)
        #expect(pe.isDLL)
        #expect(pe.headers.coff.characteristics.contains([.machine32Bit, .dll]))
        #expect(pe.headers.optional.imageBase == 0x1000_0000)
        #expect(pe.headers.optional.dataDirectories.count == 16)
        // An 8-byte name fills the field with no NUL.
        #expect(pe.sections.map(\.name) == [".text", ".data", ".rdata", ".eh_fram", ".bss", ".edata", ".idata", ".reloc"])
        #expect(pe.warnings.isEmpty)
    }

    @Test func unnamedValuesKeepTheirNumber() {
        #expect(PEMachine(rawValue: 0x5064).description == "0x5064")
        #expect(PEMachine(rawValue: 0xAA64) == .arm64)
        #expect(PESubsystem(rawValue: 99).description == "99")
        #expect(PESubsystem(rawValue: 1) == .native)
    }

    @Test func relativeVirtualAddressesMapToFileOffsets() throws {
        let pe = try Fixture.dll64.read()
        for section in pe.sections where section.sizeOfRawData > 0 {
            #expect(pe.fileOffset(forRVA: section.virtualAddress) == Int(section.pointerToRawData))
            let last = section.virtualAddress + section.virtualSize - 1
            #expect(pe.fileOffset(forRVA: last) == Int(section.pointerToRawData + section.virtualSize - 1))
            #expect(pe.section(containingRVA: last) == section)
        }
        // The headers are mapped at address zero.
        #expect(pe.fileOffset(forRVA: 0) == 0)
        #expect(pe.fileOffset(forRVA: 0x3C) == 0x3C)
        // Between the headers and the first section, in zero fill, and past the image: not in the file.
        #expect(pe.fileOffset(forRVA: 0x800) == nil)
        #expect(pe.section(containingRVA: 0x800) == nil)
        let bss = try #require(pe.sections.first { $0.name == ".bss" })
        #expect(pe.section(containingRVA: bss.virtualAddress) == bss)
        #expect(pe.fileOffset(forRVA: bss.virtualAddress) == nil)
        let text = try #require(pe.sections.first)
        #expect(pe.fileOffset(forRVA: text.virtualAddress + text.virtualSize) == nil)
        #expect(pe.fileOffset(forRVA: 0x00F0_0000) == nil)
        #expect(pe.fileOffset(forRVA: .max) == nil)
    }

    @Test func fileAndMemoryReadTheSame() throws {
        for fixture in Fixture.allCases {
            let fromFile = try PEFile.read(path: try fixture.path)
            let fromMemory = try PEFile(bytes: try fixture.bytes, path: try fixture.path)
            #expect(fromFile == fromMemory)
            #expect(fromFile.path == (try fixture.path))
        }
    }
}
