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
}
#endif
