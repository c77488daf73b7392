import LSPFraming

/// libFuzzer entry: feed any bytes to the language server's message reader, in chunks whose size the
/// first byte chooses, and check that every message it returns is a slice of what it was given.
@_cdecl("LLVMFuzzerTestOneInput")
public func lspFramingFuzzTest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let step = max(1, Int(bytes.first ?? 1))
    var reader = MessageReader()
    var delivered = 0
    var index = 0
    while index < bytes.count {
        let end = min(bytes.count, index + step)
        reader.append(bytes[index..<end])
        index = end
        while let message = reader.next() {
            if case .body(let body) = message { delivered += body.count }
        }
    }
    precondition(delivered <= bytes.count, "the reader returned more bytes than it was given")
    return 0
}
