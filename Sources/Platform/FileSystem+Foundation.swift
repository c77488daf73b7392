import Foundation

/// ``FileSystem`` with Foundation's `FileManager` and `FileHandle` only: for systems with neither
/// POSIX nor Win32 calls, and on Linux when the build defines `ISOLINT_FOUNDATION_FILES`, so that the
/// tests run this code too. Paths are UTF-8 here (a name that is not is read with U+FFFD).
enum FoundationFileSystem: FileSystemCalls {
    static let name = "Foundation"

    static func text(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self) }

    static func failure(_ error: Error) -> SystemError {
        let code = (error as NSError).code
        switch code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return SystemError(kind: .notFound, message: "no such file or folder")
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return SystemError(kind: .permissionDenied, message: "permission denied")
        default: return SystemError(kind: .other, message: (error as NSError).localizedDescription)
        }
    }

    static func kind(of type: FileAttributeType?) -> FileKind {
        switch type {
        case .typeRegular?: return .regular
        case .typeDirectory?: return .directory
        case .typeSymbolicLink?: return .symbolicLink
        case .typeCharacterSpecial?: return .characterDevice
        case .typeBlockSpecial?: return .blockDevice
        case .typeSocket?: return .socket
        default: return .other
        }
    }

    static func kind(of path: [UInt8], followingLinks: Bool) -> Result<FileKind, SystemError> {
        var shown = text(path)
        if followingLinks {
            guard let target = resolved(path) else { return .failure(SystemError(kind: .notFound, message: "no such file or folder")) }
            shown = text(target)
        }
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: shown)
            return .success(kind(of: attributes[.type] as? FileAttributeType))
        } catch {
            return .failure(failure(error))
        }
    }

    static func names(in folder: [UInt8]) -> Result<[[UInt8]], SystemError> {
        do {
            return .success(try FileManager.default.contentsOfDirectory(atPath: text(folder)).map { Array($0.utf8) })
        } catch {
            return .failure(failure(error))
        }
    }

    static func resolved(_ path: [UInt8]) -> [UInt8]? {
        let url = URL(fileURLWithPath: text(path)).standardizedFileURL.resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        // A link that still names a link after resolving leads nowhere (it loops).
        if (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType == .typeSymbolicLink { return nil }
        return Array(url.path.utf8)
    }

    static func read(_ path: [UInt8], limit: Int) throws(FileReadError) -> [UInt8] {
        switch kind(of: path, followingLinks: true) {
        case .failure(let error): throw .system(error)
        case .success(let kind) where kind != .regular: throw .notRegularFile(kind)
        case .success: break
        }
        // The size and the content are the target's when the path is a link.
        let shown = resolved(path).map(text) ?? text(path)
        if let size = ((try? FileManager.default.attributesOfItem(atPath: shown))?[.size] as? NSNumber)?.intValue, size > limit {
            throw .tooLarge(size: size)
        }
        guard let handle = FileHandle(forReadingAtPath: shown) else {
            throw .system(SystemError(kind: .permissionDenied, message: "permission denied"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .system(failure(error))
        }
        if data.count > limit { throw .tooLarge(size: data.count) }
        return [UInt8](data)
    }
}
