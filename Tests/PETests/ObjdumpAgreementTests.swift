import Foundation
import PE
import Testing

/// Compares the import tables the reader returns with what binutils' `objdump -p` prints for the same
/// fixtures (CI installs Debian's binutils-mingw-w64-x86-64 for this).
@Suite("Agreement with objdump")
struct ObjdumpAgreementTests {
    static let objdump: String? = ["/usr/bin/x86_64-w64-mingw32-objdump", "/usr/local/bin/x86_64-w64-mingw32-objdump"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The normal (not delay-loaded) imports objdump lists: DLL name → functions, `#n` for ordinals.
    static func objdumpImports(_ path: String) throws -> [String: [String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(objdump))
        process.arguments = ["-p", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let start = output.range(of: "The Import Tables") else { return [:] }
        let section = output[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "The Delay Import Tables")?.lowerBound
            ?? section.range(of: "There is an export table")?.lowerBound ?? section.endIndex
        var result: [String: [String]] = [:]
        var current: String?
        for line in section[..<end].split(separator: "\n").map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("DLL Name: ") {
                current = String(trimmed.dropFirst("DLL Name: ".count))
                if result[current ?? ""] == nil { result[current ?? ""] = [] }
                continue
            }
            guard let dll = current, line.hasPrefix("\t"), !trimmed.hasPrefix("vma:") else { continue }
            let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard parts.count >= 3 else { continue }
            if parts[2] == "<none>", let ordinal = Int(parts[1]) {
                result[dll, default: []].append("#\(ordinal)")
            } else {
                result[dll, default: []].append(parts[2])
            }
        }
        return result
    }

    @Test("the import tables match objdump's on every fixture", .enabled(if: objdump != nil), arguments: Fixture.allCases)
    func importsMatch(fixture: Fixture) throws {
        let expected = try Self.objdumpImports(try fixture.path)
        #expect(!expected.isEmpty)
        let file = try fixture.read()
        var ours: [String: [String]] = [:]
        for library in file.imports {
            ours[library.name, default: []] += library.functions.map { function in
                switch function {
                case .name(let name, _): return name
                case .ordinal(let ordinal): return "#\(ordinal)"
                }
            }
        }
        #expect(ours == expected)
    }
}
