#if !os(Windows) && (canImport(Glibc) || canImport(Musl) || canImport(Darwin))
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// ``FileSystem`` with POSIX calls (`lstat`, `stat`, `opendir`, `realpath`, `open` and `read`), by bytes.
enum POSIXFileSystem: FileSystemCalls {
    static let name = "POSIX"

    /// Calls `body` with `path` as a NUL-terminated C string.
    static func withCPath<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let terminated = path.map { CChar(bitPattern: $0) } + [0]
        return terminated.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("a terminated path is never empty") }
            return body(base)
        }
    }

    static func failure(_ code: Int32) -> SystemError {
        switch code {
        case ENOENT, ENOTDIR: return SystemError(kind: .notFound, message: "no such file or folder")
        case EACCES, EPERM: return SystemError(kind: .permissionDenied, message: "permission denied")
        default: return SystemError(kind: .other, message: String(cString: strerror(code)))
        }
    }

    static func kind(ofMode mode: mode_t) -> FileKind {
        switch Int(mode) & Int(S_IFMT) {
        case Int(S_IFREG): return .regular
        case Int(S_IFDIR): return .directory
        case Int(S_IFLNK): return .symbolicLink
        case Int(S_IFCHR): return .characterDevice
        case Int(S_IFBLK): return .blockDevice
        case Int(S_IFIFO): return .fifo
        case Int(S_IFSOCK): return .socket
        default: return .other
        }
    }

    static func kind(of path: [UInt8], followingLinks: Bool) -> Result<FileKind, SystemError> {
        var info = stat()
        let status = withCPath(path) { followingLinks ? stat($0, &info) : lstat($0, &info) }
        return status == 0 ? .success(kind(ofMode: info.st_mode)) : .failure(failure(errno))
    }

    static func names(in folder: [UInt8]) -> Result<[[UInt8]], SystemError> {
        guard let stream = withCPath(folder, { opendir($0) }) else { return .failure(failure(errno)) }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name.isEmpty || name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return .success(names)
    }

    static func resolved(_ path: [UInt8]) -> [UInt8]? {
        guard let result = withCPath(path, { realpath($0, nil) }) else { return nil }
        defer { free(result) }
        let length = strlen(result)
        return result.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    static func read(_ path: [UInt8], limit: Int) throws(FileReadError) -> [UInt8] {
        var info = stat()
        if withCPath(path, { stat($0, &info) }) != 0 { throw .system(failure(errno)) }
        try check(info, limit: limit)
        let descriptor = withCPath(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        if descriptor < 0 { throw .system(failure(errno)) }
        defer { close(descriptor) }
        if fstat(descriptor, &info) != 0 { throw .system(failure(errno)) }
        try check(info, limit: limit)
        var bytes = [UInt8](repeating: 0, count: max(min(Int(info.st_size), limit) + 1, 1))
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
                return CLibrary.read(descriptor, base + count, wanted)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .system(failure(errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { throw .tooLarge(size: count) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Refuses what is not a regular file, and regular files over the limit.
    static func check(_ info: stat, limit: Int) throws(FileReadError) {
        let kind = kind(ofMode: info.st_mode)
        if kind != .regular { throw .notRegularFile(kind) }
        if Int(info.st_size) > limit { throw .tooLarge(size: Int(info.st_size)) }
    }
}
#endif
