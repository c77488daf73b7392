import Foundation
import TestSupport
import Testing

/// The repository reads the same on every system: line ends pinned by .gitattributes, and no call
/// into the operating system outside the platform layer.
@Suite("Repository files")
struct RepositoryFilesTests {
    static let root = SharedData.packageRoot
    static var isGitCheckout: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) && Programs.git != nil
    }

    /// The output of a program run in the repository, and its exit status.
    static func run(_ program: URL, _ arguments: [String]) throws -> (output: String, status: Int32) {
        let result = try Programs.run(program, arguments, in: root)
        return (String(decoding: result.output, as: UTF8.self), result.status)
    }

    @Test("every tracked file is checked out with LF or exactly as stored, whatever core.autocrlf says",
          .enabled(if: isGitCheckout, "not a git checkout, or git is not on the search path"))
    func lineEnds() throws {
        let git = try #require(Programs.git)
        let listing = try Self.run(git, ["ls-files", "--eol"])
        #expect(listing.status == 0)
        var files = 0
        for line in listing.output.split(separator: "\n") {
            // `i/lf    w/lf    attr/text=auto eol=lf \tpath`
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            files += 1
            let info = parts[0], path = String(parts[1])
            let attributes = info.components(separatedBy: "attr/").last ?? ""
            let converted = attributes.contains("eol=lf")
            let exact = attributes.hasPrefix("-text")
            #expect(converted || exact, "\(path): \(attributes.trimmingCharacters(in: .whitespaces)) lets core.autocrlf change it")
            let lower = path.lowercased()
            if lower.hasSuffix(".inf") || lower.hasSuffix(".inx") || lower.hasSuffix(".sys") || lower.hasSuffix(".dll") {
                #expect(exact, "\(path) must be kept byte for byte (-text)")
            }
            if info.hasPrefix("i/crlf") || info.hasPrefix("i/mixed") {
                #expect(exact, "\(path) is stored with CR LF and must not be converted")
            }
        }
        #expect(files > 100)
    }

    @Test("no file outside Sources/Platform calls the operating system beyond the listed places",
          .enabled(if: Programs.python != nil, "python3 is not on the search path"))
    func portability() throws {
        let python = try #require(Programs.python)
        let check = try Self.run(python, [Self.root.appendingPathComponent("scripts/check-portability.py").path, Self.root.path])
        #expect(check.status == 0, "\(check.output)")
    }
}
