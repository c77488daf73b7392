import DriverPackage
import Foundation
import INFModel
import Testing

/// Scanning a package binary once: its kind, imports (with where their names are spelled), the
/// strings kept, damage, and files far larger than a read chunk.
@Suite("Binary scans")
struct BinaryScanTests {
    /// The PE reader's committed fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("PETests/Fixtures")

    static let keepPaths = BinaryScanOptions(keepsString: { $0.value.contains("\\") })

    static func binary(_ name: String) -> PackageBinary {
        PackageBinary(root: fixtures.path, relativePath: name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// Whether `bytes` spell ASCII `text` at `offset`.
    static func spells(_ bytes: [UInt8], _ text: String, at offset: Int) -> Bool {
        let pattern = Array(text.utf8)
        return offset >= 0 && offset + pattern.count <= bytes.count && bytes[offset..<offset + pattern.count].elementsEqual(pattern)
    }

    @Test("a kernel driver: its kind, subsystem version, imports at their names, and the strings kept")
    func driver() throws {
        let image = BinaryImage.scan(Self.binary("isodrv-x64.sys"), options: Self.keepPaths)
        let bytes = try Self.bytes("isodrv-x64.sys")
        #expect(image.damage == nil)
        #expect(image.isKernelDriver)
        #expect(image.fileSize == bytes.count)
        #expect(image.subsystemVersion != nil)
        let names = Set(image.imports.map(\.function))
        #expect(names.isSuperset(of: ["IoCreateSymbolicLink", "ZwSetValueKey", "IoOpenDriverRegistryKey"]))
        for imported in image.imports {
            #expect(Self.spells(bytes, imported.function, at: imported.offset), "\(imported.function) at \(imported.offset)")
            #expect(imported.library.lowercased() == "ntoskrnl.exe")
        }
        // Short runs of machine code that happen to hold a backslash are kept too; the paths are:
        let paths = image.strings.filter { $0.value.count > 8 }
        #expect(paths.map(\.value) == [
            "\\DosDevices\\IsoDrv", "\\Device\\IsoDrv", "\\SystemRoot\\System32\\drivers\\isodrv.sys",
            "\\Registry\\Machine\\SYSTEM\\CurrentControlSet\\Services\\isodrv",
        ])
        #expect(paths.map(\.isUTF16) == [true, true, false, true])
        #expect(image.strings.allSatisfy { $0.value.contains("\\") })
        #expect(image.importedFunction("IoCreateSymbolicLink") != nil)
        #expect(image.firstImport(of: ["Absent", "ZwSetValueKey"])?.function == "ZwSetValueKey")
        #expect(!image.importsAny(of: ["IoRegisterDeviceInterface"]))
    }

    @Test("a 32-bit DLL: delay-loaded imports are marked, ordinal imports have no name")
    func dll() throws {
        let image = BinaryImage.scan(Self.binary("isodll-x86.dll"), options: Self.keepPaths)
        let bytes = try Self.bytes("isodll-x86.dll")
        #expect(!image.isKernelDriver)
        let delayed = image.imports.filter(\.isDelayLoaded).map(\.function)
        #expect(delayed.sorted() == ["CM_Get_Device_Interface_ListW", "CM_Register_Notification"])
        #expect(!image.imports.contains { $0.library.lowercased() == "isohelper.dll" })
        for imported in image.imports {
            #expect(Self.spells(bytes, imported.function, at: imported.offset), "\(imported.function) at \(imported.offset)")
        }
        #expect(image.strings.map(\.value).contains("HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\IsoDll"))
    }

    @Test("the kept strings stop at the limit, and the limit is reported")
    func keptLimit() {
        let options = BinaryScanOptions(keepsString: { _ in true }, maximumKeptStrings: 3)
        let image = BinaryImage.scan(Self.binary("isodrv-x64.sys"), options: options)
        #expect(image.strings.count == 3)
        #expect(image.stringsLimitReached)
    }

    @Test("damage: a file cut in its headers is fatal, one cut in its sections is read in part")
    func damage() throws {
        let bytes = try Self.bytes("isodrv-x64.sys")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes.prefix(200)).write(to: folder.appendingPathComponent("headers.sys"))
        try Data(bytes.prefix(2048)).write(to: folder.appendingPathComponent("sections.sys"))
        try Data().write(to: folder.appendingPathComponent("empty.sys"))

        let headers = BinaryImage.scan(PackageBinary(root: folder.path, relativePath: "headers.sys"), options: Self.keepPaths)
        #expect(headers.damage?.isFatal == true)
        #expect(headers.imports.isEmpty && headers.strings.isEmpty)
        let sections = BinaryImage.scan(PackageBinary(root: folder.path, relativePath: "sections.sys"), options: Self.keepPaths)
        #expect(sections.damage?.isFatal == false)
        #expect(!sections.strings.isEmpty)
        let empty = BinaryImage.scan(PackageBinary(root: folder.path, relativePath: "empty.sys"), options: Self.keepPaths)
        #expect(empty.damage?.isFatal == true)
    }

    @Test("a file many chunks long is streamed: strings far in are found at their offsets")
    func largeFile() throws {
        var bytes = try Self.bytes("isodrv-x64.sys")
        let far = "\\Registry\\Machine\\SOFTWARE\\Far"
        let padding = 5 << 20
        bytes += [UInt8](repeating: 0x41, count: 10) + [UInt8](repeating: 0, count: padding)
        let offset = bytes.count
        bytes += Array(far.utf8) + [0]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes).write(to: folder.appendingPathComponent("large.sys"))
        let options = BinaryScanOptions(keepsString: { $0.value.contains("\\") }, chunkSize: 64 << 10)
        let image = BinaryImage.scan(PackageBinary(root: folder.path, relativePath: "large.sys"), options: options)
        #expect(image.fileSize == bytes.count)
        #expect(image.strings.last == BinaryString(offset: offset, value: far, isUTF16: false))
        #expect(image.imports.contains { $0.function == "IoCreateSymbolicLink" })
    }
}
