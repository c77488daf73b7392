#if !os(Windows)
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What only POSIX systems have, which some tests build their fixtures from: the superuser, FIFOs,
/// and file names that are not UTF-8. The one test file that calls the C library; tests that need it
/// are compiled on Linux and macOS only, and say so.
public enum POSIXFixtures {
    /// Whether the tests run as root, who reads and writes files whatever their permissions.
    public static var isRoot: Bool { geteuid() == 0 }

    /// Makes a FIFO (named pipe) at `path`; whether it was made.
    public static func makeFIFO(_ path: String) -> Bool { mkfifo(path, 0o644) == 0 }

    /// Creates a new file whose name is the exact bytes `path` (which need not be UTF-8); whether it was made.
    public static func create(_ path: [UInt8], content: [UInt8]) -> Bool {
        let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let written = content.withUnsafeBytes { write(descriptor, $0.baseAddress, content.count) }
        return written == content.count
    }

    /// The bytes of the file whose name is the exact bytes `path`, or `nil` when it cannot be read.
    public static func read(_ path: [UInt8]) -> [UInt8]? {
        let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var content: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return count == 0 ? content : nil }
            content += buffer[..<count]
        }
    }
}

/// The C library's `read`, which ``POSIXFixtures/read(_:)`` shadows.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
#endif
