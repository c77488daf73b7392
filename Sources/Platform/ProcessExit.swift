#if os(Windows)
import ucrt
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends the process with `status`, after the C library's buffered output (if any) is flushed.
/// Isolint's own output is unbuffered (``StandardStream``), so nothing it wrote can be lost.
public func exitProcess(_ status: Int32) -> Never {
    exit(status)
}
