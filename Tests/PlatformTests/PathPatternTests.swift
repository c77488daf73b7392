import Foundation
import Platform
import Testing

/// Wildcards in path arguments, as Windows' shells leave them.
@Suite("Path patterns")
struct PathPatternTests {
    @Test("`*` and `?` match within one name; case matters only where the file system's does")
    func matching() {
        #expect(PathPattern.matches("driver.inf", "*.inf", ignoresCase: false))
        #expect(PathPattern.matches("driver.inf", "d?iver.*", ignoresCase: false))
        #expect(PathPattern.matches("a.b.inf", "*.*.inf", ignoresCase: false))
        #expect(PathPattern.matches("x", "*", ignoresCase: false))
        #expect(PathPattern.matches("", "*", ignoresCase: false))
        #expect(!PathPattern.matches("driver.inx", "*.inf", ignoresCase: false))
        #expect(!PathPattern.matches("Driver.INF", "*.inf", ignoresCase: false))
        #expect(PathPattern.matches("Driver.INF", "*.inf", ignoresCase: true))
        #expect(!PathPattern.matches("ab", "a?b", ignoresCase: false))
        #expect(PathPattern.matches("aXXbYYb", "a*b", ignoresCase: false))
        #expect(PathPattern.hasWildcard(#"driver\*.inf"#) && !PathPattern.hasWildcard(#"driver\x.inf"#))
    }

    @Test("a pattern expands to the existing paths it matches, in any name of the path, sorted")
    func expansion() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isolint-glob-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for relative in ["pkg/b.inf", "pkg/a.inf", "pkg/notes.txt", "pkg/.hidden.inf", "other/sub/c.inf", "other/d.inf"] {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let separator = String(PathSyntax.host.preferredSeparator)
        let base = root.path + "/"
        #expect(PathPattern.expand(base + "pkg/*.inf") == [base + "pkg" + separator + "a.inf", base + "pkg" + separator + "b.inf"])
        #expect(PathPattern.expand(base + "*/sub/?.inf") == [base + "other" + separator + "sub" + separator + "c.inf"])
        #expect(PathPattern.expand(base + "pkg/.h*") == [base + "pkg" + separator + ".hidden.inf"])
        #expect(PathPattern.expand(base + "pkg/*.sys") == [])
        #expect(PathPattern.expand(base + "pkg/a.inf") == [], "a path without a wildcard is not a pattern")
    }
}
