#if os(Windows)
import WinSDK

/// ``FileSystem`` with Win32 calls, by UTF-8 paths turned into UTF-16 for the `W` functions.
///
/// - `GetFileAttributesW`: whether a path exists and is a folder or a reparse point.
/// - `FindFirstFileExW` / `FindNextFileW` / `FindClose` (`FindExInfoBasic`,
///   `FIND_FIRST_EX_LARGE_FETCH`): folder listings; for a reparse point, `dwReserved0` holds its tag.
///   Only symbolic links (`IO_REPARSE_TAG_SYMLINK`) and junctions (`IO_REPARSE_TAG_MOUNT_POINT`)
///   count as links; other reparse points (cloud-file placeholders, deduplicated files) are the
///   files and folders they stand for.
/// - `CreateFileW` with `FILE_FLAG_BACKUP_SEMANTICS` (needed to open a folder) and no access rights:
///   what a link leads to; `GetFileType` tells a disk file from a character device or a pipe, and
///   `GetFileInformationByHandle` a folder from a file.
/// - `GetFinalPathNameByHandleW` (`FILE_NAME_NORMALIZED`): the path with links resolved, without its
///   `\\?\` prefix.
/// - `CreateFileW` with `GENERIC_READ` and every share mode (a file another program has open is still
///   read), `GetFileSizeEx`, `ReadFile`: reading, after the type was checked without opening the file.
/// A path of `MAX_PATH` characters or more is given the `\\?\` (or `\\?\UNC\`) prefix, which lifts the
/// limit and requires `\` separators.
enum WindowsFileSystem: FileSystemCalls {
    static let name = "Windows"

    /// The path as Windows' long-path form when it needs it.
    static func widePath(_ path: [UInt8]) -> String {
        var text = String(decoding: path, as: UTF8.self)
        guard text.utf16.count >= Int(MAX_PATH) - 12, PathSyntax.windows.isAbsolute(text), !text.hasPrefix(#"\\?\"#) else { return text }
        text = String(text.map { $0 == "/" ? "\\" : $0 })
        if text.hasPrefix(#"\\"#) { return #"\\?\UNC\"# + text.dropFirst(2) }
        return #"\\?\"# + text
    }

    static func withWidePath<T>(_ path: [UInt8], _ body: (UnsafePointer<WCHAR>) -> T) -> T {
        widePath(path).withCString(encodedAs: UTF16.self) { body($0) }
    }

    static func failure(_ code: DWORD = GetLastError()) -> SystemError {
        switch code {
        case DWORD(ERROR_FILE_NOT_FOUND), DWORD(ERROR_PATH_NOT_FOUND), DWORD(ERROR_INVALID_NAME), DWORD(ERROR_BAD_NETPATH):
            return SystemError(kind: .notFound, message: "no such file or folder")
        case DWORD(ERROR_ACCESS_DENIED):
            return SystemError(kind: .permissionDenied, message: "permission denied")
        case DWORD(ERROR_SHARING_VIOLATION), DWORD(ERROR_LOCK_VIOLATION):
            return SystemError(kind: .other, message: "the file is in use by another program")
        default:
            return SystemError(kind: .other, message: "Windows error \(code)")
        }
    }

    /// Opens `path` (a file or a folder) with no access rights, to ask what it is.
    static func openForQuery(_ path: [UInt8]) -> HANDLE? {
        let handle = withWidePath(path) {
            CreateFileW($0, 0, DWORD(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE), nil, DWORD(OPEN_EXISTING),
                        DWORD(FILE_FLAG_BACKUP_SEMANTICS), nil)
        }
        guard let handle, handle != INVALID_HANDLE_VALUE else { return nil }
        return handle
    }

    static func kind(of handle: HANDLE) -> Result<FileKind, SystemError> {
        switch GetFileType(handle) {
        case DWORD(FILE_TYPE_CHAR): return .success(.characterDevice)
        case DWORD(FILE_TYPE_PIPE): return .success(.fifo)
        case DWORD(FILE_TYPE_DISK): break
        default: return .success(.other)
        }
        var information = BY_HANDLE_FILE_INFORMATION()
        guard GetFileInformationByHandle(handle, &information) else { return .failure(failure()) }
        return .success(information.dwFileAttributes & DWORD(FILE_ATTRIBUTE_DIRECTORY) != 0 ? .directory : .regular)
    }

    static func kind(of path: [UInt8], followingLinks: Bool) -> Result<FileKind, SystemError> {
        if followingLinks {
            guard let handle = openForQuery(path) else { return .failure(failure()) }
            defer { CloseHandle(handle) }
            return kind(of: handle)
        }
        let attributes = withWidePath(path) { GetFileAttributesW($0) }
        if attributes == INVALID_FILE_ATTRIBUTES { return .failure(failure()) }
        let isFolder = attributes & DWORD(FILE_ATTRIBUTE_DIRECTORY) != 0
        if attributes & DWORD(FILE_ATTRIBUTE_REPARSE_POINT) != 0 {
            var data = WIN32_FIND_DATAW()
            let search = withWidePath(path) {
                FindFirstFileExW($0, FindExInfoBasic, &data, FindExSearchNameMatch, nil, 0)
            }
            if let search, search != INVALID_HANDLE_VALUE {
                FindClose(search)
                let tag = data.dwReserved0
                if tag == DWORD(IO_REPARSE_TAG_SYMLINK) || tag == DWORD(IO_REPARSE_TAG_MOUNT_POINT) { return .success(.symbolicLink) }
            }
        }
        return .success(isFolder ? .directory : .regular)
    }

    static func names(in folder: [UInt8]) -> Result<[[UInt8]], SystemError> {
        var pattern = folder
        if let last = pattern.last, last != UInt8(ascii: "\\"), last != UInt8(ascii: "/") { pattern.append(UInt8(ascii: "\\")) }
        pattern.append(UInt8(ascii: "*"))
        var data = WIN32_FIND_DATAW()
        let search = withWidePath(pattern) {
            FindFirstFileExW($0, FindExInfoBasic, &data, FindExSearchNameMatch, nil, DWORD(FIND_FIRST_EX_LARGE_FETCH))
        }
        guard let search, search != INVALID_HANDLE_VALUE else {
            let code = GetLastError()
            return code == DWORD(ERROR_FILE_NOT_FOUND) ? .success([]) : .failure(failure(code))
        }
        defer { FindClose(search) }
        var names: [[UInt8]] = []
        repeat {
            let name = withUnsafeBytes(of: data.cFileName) { raw -> String in
                let units = raw.bindMemory(to: WCHAR.self)
                return String(decoding: units.prefix { $0 != 0 }, as: UTF16.self)
            }
            if name != "." && name != ".." && !name.isEmpty { names.append(Array(name.utf8)) }
        } while FindNextFileW(search, &data)
        return .success(names)
    }

    static func resolved(_ path: [UInt8]) -> [UInt8]? {
        guard let handle = openForQuery(path) else { return nil }
        defer { CloseHandle(handle) }
        var buffer = [WCHAR](repeating: 0, count: Int(MAX_PATH) + 1)
        var length = Int(GetFinalPathNameByHandleW(handle, &buffer, DWORD(buffer.count), DWORD(FILE_NAME_NORMALIZED)))
        if length >= buffer.count {
            buffer = [WCHAR](repeating: 0, count: length + 1)
            length = Int(GetFinalPathNameByHandleW(handle, &buffer, DWORD(buffer.count), DWORD(FILE_NAME_NORMALIZED)))
        }
        guard length > 0, length < buffer.count else { return nil }
        var text = String(decoding: buffer[..<length], as: UTF16.self)
        if text.hasPrefix(#"\\?\UNC\"#) {
            text = #"\\"# + text.dropFirst(8)
        } else if text.hasPrefix(#"\\?\"#) {
            text = String(text.dropFirst(4))
        }
        return Array(text.utf8)
    }

    static func read(_ path: [UInt8], limit: Int) throws(FileReadError) -> [UInt8] {
        switch kind(of: path, followingLinks: true) {
        case .failure(let error): throw .system(error)
        case .success(let kind) where kind != .regular: throw .notRegularFile(kind)
        case .success: break
        }
        let handle = withWidePath(path) {
            CreateFileW($0, DWORD(GENERIC_READ), DWORD(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE), nil,
                        DWORD(OPEN_EXISTING), DWORD(FILE_ATTRIBUTE_NORMAL), nil)
        }
        guard let handle, handle != INVALID_HANDLE_VALUE else { throw .system(failure()) }
        defer { CloseHandle(handle) }
        switch kind(of: handle) {
        case .failure(let error): throw .system(error)
        case .success(let kind) where kind != .regular: throw .notRegularFile(kind)
        case .success: break
        }
        var size = LARGE_INTEGER()
        guard GetFileSizeEx(handle, &size) else { throw .system(failure()) }
        if Int(size.QuadPart) > limit { throw .tooLarge(size: Int(size.QuadPart)) }
        var bytes = [UInt8](repeating: 0, count: max(min(Int(size.QuadPart), limit) + 1, 1))
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { break }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let wanted = DWORD(min(bytes.count - count, Int(Int32.max)))
            var got: DWORD = 0
            let succeeded = bytes.withUnsafeMutableBytes { buffer -> Bool in
                guard let base = buffer.baseAddress else { return false }
                return ReadFile(handle, base + count, wanted, &got, nil)
            }
            guard succeeded else { throw .system(failure()) }
            if got == 0 { break }
            count += Int(got)
        }
        if count > limit { throw .tooLarge(size: count) }
        bytes.removeSubrange(count...)
        return bytes
    }
}
#endif
