import Foundation
import TestSupport

/// Validates SARIF documents against the official SARIF 2.1.0 JSON schema kept in
/// `../shared/schemas/` (or `$ISOLINT_SHARED/schemas/`), with python3's `jsonschema` package.
enum SARIFSchemaValidator {
    static var schemaURL: URL {
        SharedData.schemas.appendingPathComponent("sarif-schema-2.1.0.json")
    }

    private static let script = """
        import json, sys
        from jsonschema import Draft4Validator
        with open(sys.argv[1], encoding="utf-8") as file:
            schema = json.load(file)
        Draft4Validator.check_schema(schema)
        document = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
        for error in sorted(validator.iter_errors(document), key=lambda e: str(list(e.absolute_path))):
            print("/".join(str(part) for part in error.absolute_path) + ": " + error.message)
        """

    /// The schema violations of `sarif`, one line each; empty when the document is valid.
    static func errors(in sarif: String) throws -> [String] {
        let process = try Programs.pythonProcess(["-c", script, schemaURL.path])
        let input = Pipe(), output = Pipe(), errorOutput = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorOutput
        try process.run()
        input.fileHandleForWriting.write(Data(sarif.utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let failure = String(decoding: errorOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidatorFailure(status: process.terminationStatus, stderr: failure)
        }
        return printed.split(separator: "\n").map(String.init)
    }

    /// python3 or its `jsonschema` package could not run the validation.
    struct ValidatorFailure: Error, CustomStringConvertible {
        let status: Int32
        let stderr: String
        var description: String { "schema validation exited with \(status): \(stderr)" }
    }
}
