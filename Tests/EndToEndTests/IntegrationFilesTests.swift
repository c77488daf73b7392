import Foundation
import TestSupport
import Testing

/// The GitHub Action and the pre-commit hook are valid YAML, and the command the hook runs works.
@Suite("Integration files")
struct IntegrationFilesTests {
    /// The YAML file at `relative`, parsed by Python's PyYAML and printed back as JSON.
    static func yaml(_ relative: String) throws -> Any {
        let process = try Programs.pythonProcess(["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
                                                  CommandLineTests.packageRoot.appendingPathComponent(relative).path])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(relative) is not valid YAML")
        return try JSONSerialization.jsonObject(with: data)
    }

    @Test("action.yml is a composite action that runs isolint check")
    func action() throws {
        let action = try #require(try Self.yaml("action.yml") as? [String: Any])
        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        #expect(steps.contains { ($0["run"] as? String)?.contains("check") == true })
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
        let inputs = try #require(action["inputs"] as? [String: Any])
        #expect(inputs["paths"] != nil)
    }

    @Test("the pre-commit hook matches INF and INX files and its command checks them")
    func preCommit() throws {
        let hooks = try #require(try Self.yaml(".pre-commit-hooks.yaml") as? [[String: Any]])
        let hook = try #require(hooks.first { $0["id"] as? String == "isolint" })
        let entry = try #require(hook["entry"] as? String)
        let pattern = try #require(hook["files"] as? String)
        let regex = try NSRegularExpression(pattern: pattern.replacingOccurrences(of: "(?i)", with: ""), options: .caseInsensitive)
        for name in ["x.inf", "Y.INX", "z.Inf"] {
            #expect(regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil, "\(name)")
        }
        #expect(regex.firstMatch(in: "x.sys", range: NSRange(location: 0, length: 5)) == nil)
        // pre-commit appends the staged file names to the entry.
        let arguments = Array(entry.split(separator: " ").dropFirst().map(String.init)) + ["Examples/isolated-kmdf/contosoio.inf"]
        let run = try CommandLineTests.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("no problems found"))
    }
}
