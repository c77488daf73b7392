import Foundation
import TestSupport
import Testing

/// Expected outputs kept as files under `Golden/` beside this file. Set `ISOLINT_UPDATE_GOLDENS=1`
/// to write the actual output into the golden files instead of comparing.
enum Golden {
    static let packageRoot = SharedData.packageRoot

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Records an issue unless `actual` equals the golden file `name`, naming the first line that differs.
    static func check(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ISOLINT_UPDATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let index = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let expectedLine = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
        let actualLine = index < actualLines.count ? String(actualLines[index]) : "<end>"
        Issue.record("""
            Output differs from Golden/\(name) at line \(index + 1):
              expected: \(expectedLine)
              actual:   \(actualLine)
            """, sourceLocation: sourceLocation)
    }
}
