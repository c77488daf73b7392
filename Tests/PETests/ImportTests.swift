import PE
import Testing

@Suite("Imports and delay-load imports")
struct ImportTests {
    private let kernel32x64: [ImportedFunction] = [
        .name("FreeLibrary", hint: 443), .name("GetFileAttributesW", hint: 603), .name("GetLastError", hint: 630),
        .name("GetProcAddress", hint: 710), .name("LoadLibraryA", hint: 988), .name("LocalAlloc", hint: 997),
        .name("LocalFree", hint: 1002), .name("OutputDebugStringA", hint: 1078), .name("RaiseException", hint: 1153),
    ]

    private let kernel32x86: [ImportedFunction] = [
        .name("FreeLibrary", hint: 433), .name("GetFileAttributesW", hint: 589), .name("GetLastError", hint: 617),
        .name("GetProcAddress", hint: 694), .name("LoadLibraryA", hint: 977), .name("LocalAlloc", hint: 986),
        .name("LocalFree", hint: 991), .name("OutputDebugStringA", hint: 1065), .name("RaiseException", hint: 1140),
    ]

    private let cfgmgr32: [ImportedFunction] = [
        .name("CM_Get_Device_Interface_ListW", hint: 1), .name("CM_Register_Notification", hint: 2),
    ]

    @Test func kernelDriverImports() throws {
        let pe = try Fixture.driver.read()
        // The import library made from a .def file brings its own descriptor for the same DLL.
        #expect(pe.imports == [
            ImportedLibrary(
                name: "ntoskrnl.exe", functions: [.name("IoOpenDriverRegistryKey", hint: 1)], descriptorOffset: 0xE00),
            ImportedLibrary(
                name: "ntoskrnl.exe",
                functions: [
                    .name("IoCreateSymbolicLink", hint: 478), .name("RtlInitUnicodeString", hint: 1478),
                    .name("ZwClose", hint: 1827), .name("ZwSetValueKey", hint: 1983),
                ],
                descriptorOffset: 0xE14),
        ])
        #expect(pe.delayImports.isEmpty)
        #expect(pe.fileOffset(forRVA: 0x6000) == pe.imports.first?.descriptorOffset)
        #expect(pe.importsFunction(named: "IoOpenDriverRegistryKey"))
        #expect(pe.importsFunction(named: "ZwSetValueKey"))
        #expect(!pe.importsFunction(named: "zwsetvaluekey"))
        #expect(!pe.importsFunction(named: "IoGetDeviceInterfaces"))
    }

    @Test func userDLLImportsByNameAndOrdinal() throws {
        let pe = try Fixture.dll64.read()
        #expect(pe.imports.map(\.name) == ["isohelper.dll", "KERNEL32.dll"])
        #expect(pe.imports[0].functions == [.ordinal(7)])
        #expect(pe.imports[0].functions[0].name == nil)
        #expect(pe.imports[0].functions[0].description == "#7")
        #expect(pe.imports[1].functions == kernel32x64)
        #expect(pe.imports[1].imports("GetProcAddress"))
    }

    @Test func delayLoadImports64() throws {
        let pe = try Fixture.dll64.read()
        let directory = try #require(pe.headers.optional.dataDirectory(.delayImport))
        #expect(pe.delayImports == [
            ImportedLibrary(
                name: "cfgmgr32.dll", functions: cfgmgr32,
                descriptorOffset: try #require(pe.fileOffset(forRVA: directory.virtualAddress))),
        ])
        #expect(pe.importsFunction(named: "CM_Register_Notification"))
        #expect(pe.warnings.isEmpty)
    }

    @Test func pe32UsesThirtyTwoBitThunks() throws {
        let pe = try Fixture.dll32.read()
        #expect(pe.imports.map(\.name) == ["isohelper.dll", "KERNEL32.dll"])
        #expect(pe.imports[0].functions == [.ordinal(7)])
        #expect(pe.imports[1].functions == kernel32x86)
        #expect(pe.delayImports.map(\.name) == ["cfgmgr32.dll"])
        #expect(pe.delayImports[0].functions == cfgmgr32)
        #expect(pe.warnings.isEmpty)
    }

    /// Rewrites the PE32 fixture's delay-load descriptor in the old form, which holds virtual addresses.
    @Test func oldVirtualAddressDelayLoadForm() throws {
        var bytes = try Fixture.dll32.bytes
        let original = try PEFile(bytes: bytes)
        let base = UInt32(original.headers.optional.imageBase)
        let directory = try #require(original.headers.optional.dataDirectory(.delayImport))
        let descriptor = try #require(original.fileOffset(forRVA: directory.virtualAddress))
        let nameTable = try #require(original.fileOffset(forRVA: bytes.u32(descriptor + 16)))
        bytes.put32(0, at: descriptor)
        for field in [4, 8, 12, 16] {
            bytes.put32(bytes.u32(descriptor + field) + base, at: descriptor + field)
        }
        var thunk = nameTable
        while bytes.u32(thunk) != 0 {
            bytes.put32(bytes.u32(thunk) + base, at: thunk)
            thunk += 4
        }
        #expect(thunk == nameTable + 8)
        let pe = try PEFile(bytes: bytes)
        #expect(pe.delayImports == original.delayImports)
        #expect(pe.warnings.isEmpty)
    }
}
