#if canImport(Glibc) || canImport(Darwin)
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reads regular files by their file-system bytes with POSIX calls: the type is checked before the
/// file is opened and again on the open descriptor (a file swapped in between is caught), opening
/// never blocks on a FIFO, and no more than `limit + 1` bytes are ever read.
enum POSIXReader {
    static func read(_ path: [UInt8], displayPath: String, limit: Int) throws(SourceReadError) -> [UInt8] {
        if path.isEmpty || path.contains(0) { throw SourceReadError(path: displayPath, reason: .notFound) }
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        if stat(cPath, &info) != 0 { throw error(errno, displayPath) }
        try check(info, displayPath: displayPath, limit: limit)
        let descriptor = open(cPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { throw error(errno, displayPath) }
        defer { close(descriptor) }
        if fstat(descriptor, &info) != 0 { throw error(errno, displayPath) }
        try check(info, displayPath: displayPath, limit: limit)
        let capacity = min(Int(info.st_size), limit) + 1
        var bytes = [UInt8](repeating: 0, count: max(capacity, 1))
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew since fstat: read on, up to one byte past the limit.
                if count > limit { break }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let wanted = bytes.count - count
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glue.read(descriptor, base + count, wanted)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw error(errno, displayPath)
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { throw SourceReadError(path: displayPath, reason: .tooLarge(size: count, limit: limit)) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Refuses what is not a regular file, and regular files over the limit.
    static func check(_ info: stat, displayPath: String, limit: Int) throws(SourceReadError) {
        let kind = Int(info.st_mode) & Int(S_IFMT)
        switch kind {
        case Int(S_IFREG): break
        case Int(S_IFDIR): throw SourceReadError(path: displayPath, reason: .isDirectory)
        case Int(S_IFCHR): throw SourceReadError(path: displayPath, reason: .notRegularFile("a character device"))
        case Int(S_IFBLK): throw SourceReadError(path: displayPath, reason: .notRegularFile("a block device"))
        case Int(S_IFIFO): throw SourceReadError(path: displayPath, reason: .notRegularFile("a FIFO (named pipe)"))
        case Int(S_IFSOCK): throw SourceReadError(path: displayPath, reason: .notRegularFile("a socket"))
        default: throw SourceReadError(path: displayPath, reason: .notRegularFile("a special file"))
        }
        if Int(info.st_size) > limit {
            throw SourceReadError(path: displayPath, reason: .tooLarge(size: Int(info.st_size), limit: limit))
        }
    }

    static func error(_ code: Int32, _ displayPath: String) -> SourceReadError {
        switch code {
        case ENOENT, ENOTDIR: return SourceReadError(path: displayPath, reason: .notFound)
        case EACCES, EPERM: return SourceReadError(path: displayPath, reason: .unreadable("permission denied"))
        default: return SourceReadError(path: displayPath, reason: .unreadable(String(cString: strerror(code))))
        }
    }
}

/// The C library's functions whose names the reader's own names shadow.
private enum Glue {
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
#endif
