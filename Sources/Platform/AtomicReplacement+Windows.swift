#if os(Windows)
import WinSDK

/// ``AtomicReplacement`` with Win32 calls.
///
/// - `CreateFileW` with `CREATE_NEW`: the temporary file, created only if no file has its name.
/// - `WriteFile` in parts, then `FlushFileBuffers`: the new content is on disk before the move.
/// - `CreateFileW` (`GENERIC_READ`, every share mode, so the move below is not refused) and
///   `LockFileEx` with `LOCKFILE_EXCLUSIVE_LOCK` over the whole file: concurrent runs take turns;
///   `GetFileInformationByHandle` compares volume serial number and file index with the file now at
///   the path, so a file replaced while waiting is locked anew; `ReadFile` on the locked handle reads
///   the content to compare.
/// - `CopyFileW` to a staging name, then `MoveFileExW` with `MOVEFILE_REPLACE_EXISTING`: the backup.
/// - `MoveFileExW` with `MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH`: the replacement, one
///   rename on the same volume. The temporary file is created in the original's folder, so it
///   inherits that folder's permissions as the original did.
/// - `DeleteFileW`: the temporary file, on every failure.
enum WindowsReplacement: ReplacementCalls {
    typealias Failure = AtomicReplacement.Failure

    static func error(_ what: String, _ code: DWORD = GetLastError()) -> Failure {
        switch code {
        case DWORD(ERROR_DISK_FULL), DWORD(ERROR_HANDLE_DISK_FULL): return Failure("\(what): the disk is full")
        case DWORD(ERROR_ACCESS_DENIED): return Failure("\(what): permission denied")
        case DWORD(ERROR_WRITE_PROTECT): return Failure("\(what): the disk is write-protected")
        case DWORD(ERROR_SHARING_VIOLATION), DWORD(ERROR_LOCK_VIOLATION): return Failure("\(what): the file is in use by another program")
        default: return Failure("\(what): Windows error \(code)")
        }
    }

    static func wide<T>(_ path: [UInt8], _ body: (UnsafePointer<WCHAR>) -> T) -> T {
        WindowsFileSystem.withWidePath(path, body)
    }

    static func open(_ path: [UInt8], access: DWORD, disposition: DWORD) -> HANDLE? {
        let handle = wide(path) {
            CreateFileW($0, access, DWORD(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE), nil, disposition,
                        DWORD(FILE_ATTRIBUTE_NORMAL), nil)
        }
        guard let handle, handle != INVALID_HANDLE_VALUE else { return nil }
        return handle
    }

    static func write(_ bytes: ArraySlice<UInt8>, to handle: HANDLE) -> Bool {
        var written = 0
        while written < bytes.count {
            var count: DWORD = 0
            let part = DWORD(min(bytes.count - written, Int(Int32.max)))
            let succeeded = bytes.withUnsafeBytes { raw -> Bool in
                guard let base = raw.baseAddress else { return false }
                return WriteFile(handle, base + written, part, &count, nil)
            }
            guard succeeded, count > 0 else { return false }
            written += Int(count)
        }
        return true
    }

    static func content(of handle: HANDLE) -> [UInt8]? {
        var content: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: AtomicReplacement.partSize)
        guard SetFilePointerEx(handle, LARGE_INTEGER(), nil, DWORD(FILE_BEGIN)) else { return nil }
        while true {
            var count: DWORD = 0
            let succeeded = buffer.withUnsafeMutableBytes { raw -> Bool in
                guard let base = raw.baseAddress else { return false }
                return ReadFile(handle, base, DWORD(raw.count), &count, nil)
            }
            guard succeeded else { return nil }
            if count == 0 { return content }
            content += buffer[..<Int(count)]
        }
    }

    static func identity(_ handle: HANDLE) -> (DWORD, DWORD, DWORD)? {
        var information = BY_HANDLE_FILE_INFORMATION()
        guard GetFileInformationByHandle(handle, &information) else { return nil }
        return (information.dwVolumeSerialNumber, information.nFileIndexHigh, information.nFileIndexLow)
    }

    /// Opens the file at `path` and holds an exclusive lock on all of it; when the path was replaced
    /// while waiting, locks the new file instead.
    static func lock(_ path: [UInt8]) throws(Failure) -> HANDLE {
        for _ in 0..<100 {
            guard let handle = open(path, access: DWORD(GENERIC_READ), disposition: DWORD(OPEN_EXISTING)) else {
                throw error("cannot open the file to lock it")
            }
            var overlapped = OVERLAPPED()
            guard LockFileEx(handle, DWORD(LOCKFILE_EXCLUSIVE_LOCK), 0, DWORD.max, DWORD.max, &overlapped) else {
                let failure = error("cannot lock the file")
                CloseHandle(handle)
                throw failure
            }
            if let current = open(path, access: 0, disposition: DWORD(OPEN_EXISTING)) {
                let same = identity(handle).map { locked in identity(current).map { $0 == locked } ?? false } ?? false
                CloseHandle(current)
                if same { return handle }
            }
            CloseHandle(handle) // the file was replaced while waiting: lock the new one
        }
        throw Failure("the file keeps being replaced by another program")
    }

    static func replace(_ path: [UInt8], with bytes: [UInt8], expecting expected: [UInt8]?,
                        backup: Bool, checkpoint: (AtomicReplacement.Step) throws -> Void) throws(Failure) {
        let attributes = wide(path) { GetFileAttributesW($0) }
        if attributes == INVALID_FILE_ATTRIBUTES { throw error("cannot be examined") }
        if attributes & DWORD(FILE_ATTRIBUTE_DIRECTORY) != 0 { throw Failure("not a regular file") }
        if attributes & DWORD(FILE_ATTRIBUTE_READONLY) != 0 { throw Failure("the file is read-only") }
        let temporaryBytes = AtomicReplacement.temporaryPath(beside: path)
        let temporary = String(decoding: temporaryBytes, as: UTF8.self)
        guard let file = open(temporaryBytes, access: DWORD(GENERIC_WRITE), disposition: DWORD(CREATE_NEW)) else {
            throw error("cannot create a temporary file in \(AtomicReplacement.folderDescription(path)) (is the folder writable?)")
        }
        var isOpen = true
        var locked: HANDLE? = nil
        do {
            var written = 0
            while written < bytes.count {
                if written > 0 { try checkpoint(.writing(temporary: temporary, written: written)) }
                let part = min(AtomicReplacement.partSize, bytes.count - written)
                guard write(bytes[written..<(written + part)], to: file) else { throw error("cannot write the new content") }
                written += part
            }
            guard FlushFileBuffers(file) else { throw error("cannot flush the new content to disk") }
            isOpen = false
            guard CloseHandle(file) else { throw error("cannot close the new file") }
            try checkpoint(.beforeReplacing(temporary: temporary))
            if let expected {
                let handle = try lock(path)
                locked = handle
                guard content(of: handle) == expected else { throw Failure(AtomicReplacement.changedMessage) }
            }
            if backup {
                let original = path + Array(".orig".utf8)
                let staging = original + Array(".isolint-\(GetCurrentProcessId()).tmp".utf8)
                let copied = wide(path) { from in wide(staging) { to in CopyFileW(from, to, false) } }
                let moved = copied && wide(staging) { from in wide(original) { to in
                    MoveFileExW(from, to, DWORD(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
                } }
                if !moved {
                    let failure = error("cannot write the backup \(String(decoding: original, as: UTF8.self))")
                    _ = wide(staging) { DeleteFileW($0) }
                    throw failure
                }
            }
            // The lock's handle shares deletion, so the move below is not refused; it is released
            // once the new content is in place.
            let replaced = wide(temporaryBytes) { from in wide(path) { to in
                MoveFileExW(from, to, DWORD(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
            } }
            if !replaced { throw error("cannot replace the file") }
            if let locked { CloseHandle(locked) }
        } catch {
            if isOpen { CloseHandle(file) }
            if let locked { CloseHandle(locked) }
            _ = wide(temporaryBytes) { DeleteFileW($0) }
            if let failure = error as? Failure { throw failure }
            throw Failure(String(describing: error))
        }
    }
}
#endif
