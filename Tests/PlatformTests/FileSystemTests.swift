import Foundation
import Platform
import Testing

/// The platform layer's files and folders, on whichever implementation this build uses (POSIX,
/// Windows, or Foundation when built with `-Xswiftc -DISOLINT_FOUNDATION_FILES`).
@Suite("File system")
struct FileSystemTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func bytes(_ url: URL) -> [UInt8] { Array(url.path.utf8) }

    @Test("a regular file is read whole; a file over the limit, a folder and a missing path are refused by kind")
    func read() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.inf")
        try Data("[Version]\r\n".utf8).write(to: file)
        #expect(try FileSystem.read(Self.bytes(file), limit: 100) == Array("[Version]\r\n".utf8))
        #expect(throws: FileReadError.tooLarge(size: 11)) { try FileSystem.read(Self.bytes(file), limit: 10) }
        #expect(throws: FileReadError.notRegularFile(.directory)) { try FileSystem.read(Self.bytes(folder), limit: 10) }
        do {
            _ = try FileSystem.read(Self.bytes(folder.appendingPathComponent("missing.inf")), limit: 10)
            Issue.record("a missing file was read")
        } catch {
            #expect(error == .system(SystemError(kind: .notFound, message: "no such file or folder")))
        }
        let empty = folder.appendingPathComponent("empty.inf")
        try Data().write(to: empty)
        #expect(try FileSystem.read(Self.bytes(empty), limit: 10) == [])
    }

    @Test("a folder lists its names without . and ..; kinds of files, folders and links")
    func listing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("a.inf"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let names = try FileSystem.names(in: Self.bytes(folder)).get().map { String(decoding: $0, as: UTF8.self) }.sorted()
        #expect(names == ["a.inf", "sub"])
        #expect(try FileSystem.kind(of: FileSystem.join(Self.bytes(folder), Array("a.inf".utf8)), followingLinks: false).get() == .regular)
        #expect(try FileSystem.kind(of: FileSystem.join(Self.bytes(folder), Array("sub".utf8)), followingLinks: false).get() == .directory)
        if case .failure(let error) = FileSystem.names(in: Self.bytes(folder.appendingPathComponent("missing"))) {
            #expect(error.kind == .notFound)
        } else {
            Issue.record("a missing folder was listed")
        }
    }

    @Test("a link is a link until followed; resolving gives its target, or nothing for a broken link")
    func links() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.inf")
        try Data("x".utf8).write(to: target)
        let link = folder.appendingPathComponent("link.inf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        let broken = folder.appendingPathComponent("broken.inf")
        try FileManager.default.createSymbolicLink(atPath: broken.path, withDestinationPath: "nowhere.inf")
        #expect(try FileSystem.kind(of: Self.bytes(link), followingLinks: false).get() == .symbolicLink)
        #expect(try FileSystem.kind(of: Self.bytes(link), followingLinks: true).get() == .regular)
        let resolvedTarget = try #require(FileSystem.resolved(Self.bytes(target)))
        #expect(FileSystem.resolved(Self.bytes(link)) == resolvedTarget)
        #expect(FileSystem.resolved(Self.bytes(broken)) == nil)
        #expect(try FileSystem.read(Self.bytes(link), limit: 10) == Array("x".utf8))
    }

    @Test("paths with NUL or nothing in them name no file")
    func malformedPaths() {
        #expect(throws: FileReadError.self) { try FileSystem.read([], limit: 10) }
        #expect(throws: FileReadError.self) { try FileSystem.read(Array("a\0b".utf8), limit: 10) }
        #expect(FileSystem.resolved([0]) == nil)
    }

    @Test("a name joins its folder with one separator")
    func join() {
        let separator = FileSystem.separator
        #expect(FileSystem.join(Array("a".utf8), Array("b".utf8)) == [UInt8(ascii: "a"), separator, UInt8(ascii: "b")])
        #expect(FileSystem.join(Array("a/".utf8), Array("b".utf8)) == Array("a/b".utf8))
        #expect(FileSystem.join([], Array("b".utf8)) == Array("b".utf8))
        #expect(["POSIX", "Windows", "Foundation"].contains(FileSystem.implementation))
    }
}

/// Atomic replacement on whichever implementation this build uses.
@Suite("Atomic replacement")
struct AtomicReplacementTests {
    static func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("the content is replaced, the permissions kept, a backup written, and nothing else left")
    func replace() throws {
        let folder = try FileSystemTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.inf")
        try Data("old\r\n".utf8).write(to: file)
        try AtomicReplacement.replace(FileSystemTests.bytes(file), with: Array("new\r\n".utf8), expecting: Array("old\r\n".utf8),
                                      backup: true) { _ in }
        #expect(try Data(contentsOf: file) == Data("new\r\n".utf8))
        #expect(try Data(contentsOf: folder.appendingPathComponent("x.inf.orig")) == Data("old\r\n".utf8))
        #expect(try Self.names(folder) == ["x.inf", "x.inf.orig"])
    }

    @Test("a file that changed since it was read is left as it is")
    func changed() throws {
        let folder = try FileSystemTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.inf")
        try Data("edited\n".utf8).write(to: file)
        do {
            try AtomicReplacement.replace(FileSystemTests.bytes(file), with: Array("new\n".utf8), expecting: Array("old\n".utf8),
                                          backup: false) { _ in }
            Issue.record("a changed file was replaced")
        } catch {
            #expect(error.message.contains("changed since it was read"))
        }
        #expect(try Data(contentsOf: file) == Data("edited\n".utf8))
        #expect(try Self.names(folder) == ["x.inf"])
    }

    @Test("a write abandoned part-way leaves the original and no temporary file")
    func abandoned() throws {
        let folder = try FileSystemTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.inf")
        try Data("old\n".utf8).write(to: file)
        struct Stop: Error {}
        var steps = 0
        do {
            try AtomicReplacement.replace(FileSystemTests.bytes(file), with: [UInt8](repeating: 0x41, count: 200_000), expecting: nil,
                                          backup: false) { step in
                steps += 1
                if case .writing(let temporary, _) = step {
                    #expect(FileManager.default.fileExists(atPath: temporary))
                    throw Stop()
                }
            }
            Issue.record("the write went on")
        } catch {
            #expect(steps == 1)
        }
        #expect(try Data(contentsOf: file) == Data("old\n".utf8))
        #expect(try Self.names(folder) == ["x.inf"])
    }

    @Test("a folder or a missing file is never replaced")
    func refused() throws {
        let folder = try FileSystemTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: AtomicReplacement.Failure.self) {
            try AtomicReplacement.replace(FileSystemTests.bytes(folder), with: [0x41], expecting: nil, backup: false) { _ in }
        }
        #expect(throws: AtomicReplacement.Failure.self) {
            try AtomicReplacement.replace(FileSystemTests.bytes(folder.appendingPathComponent("none")), with: [0x41], expecting: nil,
                                          backup: false) { _ in }
        }
        #expect(try Self.names(folder) == [])
    }
}
