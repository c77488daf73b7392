import Findings
import Foundation
import Testing
@testable import Reporting

/// The JSON document: valid JSON, the documented keys, and escaping.
struct JSONReporterTests {
    @Test func documentParsesAndCounts() throws {
        let text = JSONReporter().render(SampleReport.report())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "isolint-report/1")
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 7)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 4)
        #expect(text.hasPrefix("{\n  \"schema\": \"isolint-report/1\",\n"))
    }

    @Test func stringEscaping() {
        var bytes: [UInt8] = []
        appendJSONString("q\" b\\ \u{01}\u{7F}\t é/", to: &bytes)
        let out = String(decoding: bytes, as: UTF8.self)
        #expect(out == "\"q\\\" b\\\\ \\u0001\\u007f\\t é/\"")
    }

    @Test("the streaming writer lays out what JSONValue formats, byte for byte")
    func indentedWriterMatchesValues() {
        let value: JSONValue = .object([
            ("a", .array([])), ("b", .ints([-9_223_372_036_854_775_807 - 1, 0, 42])), ("c", .null),
            ("d", .array([.object([("e", .string("x\"y")), ("f", .int(-7))]), .object([("g", .array([]))])])),
        ])
        var writer = IndentedJSONWriter(level: 0)
        writer.beginObject()
        writer.key("a"); writer.beginArray(); writer.endArray()
        writer.key("b"); writer.ints([Int.min, 0, 42])
        writer.key("c"); writer.string(nil as String?)
        writer.key("d"); writer.beginArray()
        writer.nextItem(); writer.beginObject()
        writer.key("e"); writer.string("x\"y")
        writer.key("f"); writer.int(-7)
        writer.endObject()
        writer.nextItem(); writer.beginObject()
        writer.key("g"); writer.beginArray(); writer.endArray()
        writer.endObject()
        writer.endArray()
        writer.endObject()
        writer.bytes.append(0x0A)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == value.formatted())
    }

    @Test func emptyContainers() {
        let value: JSONValue = .object([("a", .array([])), ("b", .object([])), ("c", .ints([1, 2]))])
        #expect(value.formatted() == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [1, 2]\n}\n")
    }

    /// Every key the reporter writes is described in `docs/json-output.md`.
    @Test func everyKeyIsDocumented() throws {
        let documentation = try String(contentsOf: Golden.packageRoot.appendingPathComponent("docs/json-output.md"),
                                       encoding: .utf8)
        let document = try JSONSerialization.jsonObject(with: Data(JSONReporter().render(SampleReport.report()).utf8))
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, member) in object { keys.insert(key); collect(member) }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(document)
        let undocumented = keys.filter { !documentation.contains("`\($0)`") }.sorted()
        #expect(undocumented.isEmpty, "not in docs/json-output.md: \(undocumented)")
    }
}
