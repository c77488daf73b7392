import Foundation
import Testing
@testable import DriverPackage

#if !os(Windows)
/// The file paths discovery standardizes from their text (on Windows Foundation does it), against
/// Foundation's standardized URLs.
@Suite("Standardized file paths of discovery")
struct DiscoveryPathTests {
    /// Names that exercise dot segments, repeated separators and characters URLs escape.
    static let names = ["a", "b", ".", "..", "", "x y", "%20", "é", "e\u{301}", "...", ".x", "x.", "~", "#", "?", ";", "a:b", "\\", "..x"]

    @Test("Every combination of up to four names, relative and absolute, standardizes as Foundation's URL does")
    func matchesFoundation() {
        let currentDirectory = FileManager.default.currentDirectoryPath
        var paths: [String] = []
        func extend(_ prefix: [String], depth: Int) {
            let path = prefix.joined(separator: "/") + "/file.inf"
            paths.append(path)
            paths.append("/" + path)
            guard depth > 0 else { return }
            for name in Self.names { extend(prefix + [name], depth: depth - 1) }
        }
        extend([], depth: 3)
        var mismatches: [String] = []
        for path in paths {
            let expected = URL(fileURLWithPath: path).standardizedFileURL.path
            let actual = Discovery.standardizedFilePath(path, currentDirectory: currentDirectory)
            if expected != actual { mismatches.append("\(path): \(expected) vs \(actual)") }
        }
        #expect(paths.count > 10_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
#endif
