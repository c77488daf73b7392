import Fixing
import Foundation
import TestSupport
import Testing

/// The failure paths of atomic writes: a full disk, read-only files and folders, and writers racing
/// on one file.
@Suite("Atomic write safety")
struct AtomicWriterSafetyTests {
    static func folderWithFile(_ content: String = "original\n") throws -> (URL, URL) {
        let folder = try AtomicWriterTests.temporaryFolder()
        let file = folder.appendingPathComponent("x.inf")
        try Data(content.utf8).write(to: file)
        return (folder, file)
    }

    static func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("a disk that fills up half-way through the new content leaves the original and no temporary file")
    func diskFullMidWrite() throws {
        let (folder, file) = try Self.folderWithFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        struct DiskFull: Error {}
        var partsWritten = 0
        do {
            try AtomicWriter.write([UInt8](repeating: 0x41, count: 300_000), to: file.path, expecting: Array("original\n".utf8)) { step in
                if case .writing(_, let written) = step {
                    partsWritten += 1
                    if written >= 100_000 { throw DiskFull() }
                }
            }
            Issue.record("the write succeeded")
        } catch {
            #expect(error.path == file.path)
        }
        #expect(partsWritten >= 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == "original\n")
        #expect(try Self.names(in: folder) == ["x.inf"])
    }

    @Test("a read-only file is not replaced, even by root")
    func readOnlyFile() throws {
        let (folder, file) = try Self.folderWithFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        do {
            try AtomicWriter.write(Array("new\n".utf8), to: file.path)
            Issue.record("a read-only file was replaced")
        } catch {
            #expect(error.message.contains("read-only"))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "original\n")
        #expect(try Self.names(in: folder) == ["x.inf"])
    }

    // Windows' read-only attribute on a folder does not stop files being created in it.
    #if !os(Windows)
    @Test("a file in a read-only folder is not written and nothing is left behind",
          .enabled(if: !POSIXFixtures.isRoot, "root creates files in read-only folders, so the folder cannot refuse the temporary file"))
    func readOnlyFolder() throws {
        let (folder, file) = try Self.folderWithFile()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        do {
            try AtomicWriter.write(Array("new\n".utf8), to: file.path)
            Issue.record("a file in a read-only folder was replaced")
        } catch {
            #expect(error.message.contains("temporary file"))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "original\n")
        #expect(try Self.names(in: folder) == ["x.inf"])
    }
    #endif

    @Test("a file that changed since it was read is not overwritten")
    func changedSinceRead() throws {
        let (folder, file) = try Self.folderWithFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("edited by someone else\n".utf8).write(to: file)
        do {
            try AtomicWriter.write(Array("fixed\n".utf8), to: file.path, expecting: Array("original\n".utf8))
            Issue.record("a changed file was overwritten")
        } catch {
            #expect(error.message.contains("changed since it was read"))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited by someone else\n")
        #expect(try Self.names(in: folder) == ["x.inf"])
        // A change made between the temporary file and the rename is caught as well.
        do {
            try AtomicWriter.write(Array("fixed\n".utf8), to: file.path, expecting: Array("edited by someone else\n".utf8)) { step in
                if case .beforeReplacing = step { try Data("edited again\n".utf8).write(to: file) }
            }
            Issue.record("a file changed during the write was overwritten")
        } catch {
            #expect(error.message.contains("changed since it was read"))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited again\n")
        #expect(try Self.names(in: folder) == ["x.inf"])
    }

    @Test("writers racing on one file: exactly one wins, the file holds its content whole")
    func racingWriters() throws {
        for round in 0..<10 {
            let (folder, file) = try Self.folderWithFile()
            defer { try? FileManager.default.removeItem(at: folder) }
            let contents = (0..<6).map { index in [UInt8](repeating: UInt8(0x41 + index), count: 50_000 + index) }
            let winners = Winners()
            DispatchQueue.concurrentPerform(iterations: contents.count) { index in
                if (try? AtomicWriter.write(contents[index], to: file.path, expecting: Array("original\n".utf8))) != nil {
                    winners.add(index)
                }
            }
            let won = winners.all
            #expect(won.count == 1, "round \(round): \(won.count) writers replaced the file")
            let result = try [UInt8](Data(contentsOf: file))
            if let index = won.first { #expect(result == contents[index]) }
            #expect(try Self.names(in: folder) == ["x.inf"])
        }
    }
}

/// The writers that succeeded.
final class Winners: @unchecked Sendable {
    private var indices: [Int] = []
    private let lock = NSLock()
    func add(_ index: Int) { lock.lock(); indices.append(index); lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return indices }
}
