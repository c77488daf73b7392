#if !os(Windows)
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The console on Linux and macOS: a terminal renders ANSI sequences, and output is never translated.
enum ConsoleSystem {
    static func prepare() {}

    static func isTerminal(_ descriptor: CInt) -> Bool {
        isatty(descriptor) != 0
    }

    static func rendersEscapes(_ descriptor: CInt) -> Bool {
        isTerminal(descriptor)
    }

    /// Writes all of `bytes`, again after an interruption; stops at any other error (a closed pipe).
    static func write(_ descriptor: CInt, _ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = CLibrary.write(descriptor, base + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            written += count
        }
    }
}
#endif
