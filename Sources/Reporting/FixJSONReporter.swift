import Foundation

/// What `fix --diff --output-format json` says of one file: the edits that would fix it, in byte
/// offsets of the file as stored, and the fixes they come from.
public struct FixedFileReport: Sendable {
    /// One replacement of bytes of the original file.
    public struct Edit: Sendable {
        public let byteStart: Int
        public let byteEnd: Int
        /// The new text, decoded from ``bytes`` in the file's encoding.
        public let replacement: String
        /// The new bytes, in the file's encoding.
        public let bytes: [UInt8]

        public init(byteStart: Int, byteEnd: Int, replacement: String, bytes: [UInt8]) {
            self.byteStart = byteStart
            self.byteEnd = byteEnd
            self.replacement = replacement
            self.bytes = bytes
        }
    }

    /// One fix the edits apply.
    public struct Applied: Sendable {
        public let rule: String
        public let title: String
        public let safety: String
        /// The 1-based line of the finding, in the file as it was in the round that fixed it.
        public let line: Int
        public let followUp: String?

        public init(rule: String, title: String, safety: String, line: Int, followUp: String?) {
            self.rule = rule
            self.title = title
            self.safety = safety
            self.line = line
            self.followUp = followUp
        }
    }

    public let path: String
    /// The encoding the file is stored in (`utf-8-bom`, `utf-16le`, `cp1252`…).
    public let encoding: String
    public let edits: [Edit]
    public let applied: [Applied]
    /// Rules whose fixes were held back, with why.
    public let refused: [String]
    /// Files that hold a catalog signed over the old INF, which must be regenerated and re-signed.
    public let catalogs: [String]

    public init(path: String, encoding: String, edits: [Edit], applied: [Applied], refused: [String], catalogs: [String]) {
        self.path = path
        self.encoding = encoding
        self.edits = edits
        self.applied = applied
        self.refused = refused
        self.catalogs = catalogs
    }
}

/// Writes the fixes a `fix --diff` run would make as one JSON document, for editors and bots that
/// apply them themselves. Files are listed in the order they were checked; edits of a file are in
/// ascending byte order and do not overlap, each replacing whole lines.
public struct FixJSONReporter: Sendable {
    public static let schema = "isolint-fixes/1"
    public let toolVersion: String

    public init(toolVersion: String) {
        self.toolVersion = toolVersion
    }

    public func render(_ files: [FixedFileReport]) -> String {
        let document: JSONValue = .object([
            ("schema", .string(Self.schema)),
            ("tool", .object([("name", .string("isolint")), ("version", .string(toolVersion))])),
            ("files", .array(files.map(Self.file))),
            ("summary", .object([
                ("files_changed", .int(files.filter { !$0.edits.isEmpty }.count)),
                ("fixes", .int(files.reduce(0) { $0 + $1.applied.count })),
            ])),
        ])
        return document.formatted()
    }

    private static func file(_ file: FixedFileReport) -> JSONValue {
        .object([
            ("path", .string(file.path)),
            ("encoding", .string(file.encoding)),
            ("edits", .array(file.edits.map { edit in
                .object([
                    ("byte_start", .int(edit.byteStart)),
                    ("byte_end", .int(edit.byteEnd)),
                    ("replacement", .string(edit.replacement)),
                    ("replacement_base64", .string(Data(edit.bytes).base64EncodedString())),
                ])
            })),
            ("fixes", .array(file.applied.map { fix in
                .object([
                    ("rule", .string(fix.rule)),
                    ("title", .string(fix.title)),
                    ("safety", .string(fix.safety)),
                    ("line", .int(fix.line)),
                    ("follow_up", .nullable(fix.followUp)),
                ])
            })),
            ("refused", .array(file.refused.map { .string($0) })),
            ("catalogs_to_resign", .array(file.catalogs.map { .string($0) })),
        ])
    }
}
