import PE

/// libFuzzer entry: read any bytes as a PE file and extract its strings.
@_cdecl("LLVMFuzzerTestOneInput")
public func peFuzzTest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let file = try? PEFile(bytes: bytes, path: "fuzz.sys") {
        for offset in stride(from: 0, to: 0x4000, by: 0x200) { _ = file.fileOffset(forRVA: UInt32(offset)) }
        _ = file.importsFunction(named: "IoCreateSymbolicLink")
    }
    _ = try? PEStrings.extract(from: MemoryByteSource(bytes, path: "fuzz.sys"), minimumLength: 4)
    return 0
}
