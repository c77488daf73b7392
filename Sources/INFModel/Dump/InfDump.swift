import INFSyntax

/// The `infdump/1` document: what SetupAPI reads from a file, section by section and line by line.
///
/// It is printed straight from the model, so that comparing it with SetupAPI's own reading of the same
/// file proves the parser and the model right.
public enum InfDump {
    /// The schema name written in every document.
    public static let schema = "infdump/1"

    /// The document for a modelled file.
    public static func render(_ document: INFDocument) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string(schema, key: "schema")
        json.string(document.path, key: "file")
        json.integer(document.tree.source.bytes.count, key: "size")
        json.bool(document.tree.source.encoding.isUTF16, key: "is_text_unicode")
        let primary = document.openError(style: .win4)
        writeOpen(&json, key: "open", style: .win4, error: primary)
        var dumped = primary == nil
        if primary != nil {
            let fallback = document.openError(style: .oldNT)
            writeOpen(&json, key: "fallback_open", style: .oldNT, error: fallback)
            dumped = fallback == nil
            if dumped { json.string("fallback_open", key: "dumped_from") } else { json.null(key: "dumped_from") }
        } else {
            json.null(key: "fallback_open")
            json.string("open", key: "dumped_from")
        }
        json.string("SetupEnumInfSectionsW", key: "section_enum")
        if dumped {
            json.beginArray("sections")
            for section in document.sections { writeSection(&json, section) }
            json.endArray()
        } else {
            json.null(key: "sections")
        }
        json.endObject()
        return json.output
    }

    /// The document for a file that could not be read at all.
    public static func render(unreadable error: SourceReadError) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string(schema, key: "schema")
        json.string(error.path, key: "file")
        json.null(key: "size")
        json.bool(false, key: "is_text_unicode")
        let code: SetupErrorCode = error.reason == .notFound ? .fileNotFound : .fileInvalid
        writeOpen(&json, key: "open", style: .win4,
                  error: SetupOpenError(code: code, file: error.path, line: nil, message: error.description))
        json.null(key: "fallback_open")
        json.null(key: "dumped_from")
        json.string("SetupEnumInfSectionsW", key: "section_enum")
        json.null(key: "sections")
        json.endObject()
        return json.output
    }

    private static func writeOpen(_ json: inout JSONWriter, key: String, style: OpenStyle, error: SetupOpenError?) {
        json.beginObject(key)
        json.string(style.rawValue, key: "style")
        json.bool(error == nil, key: "ok")
        let code = error?.code ?? .success
        json.integer(code.rawValue, key: "error")
        json.string(code.name, key: "error_name")
        json.integer(error?.line, key: "error_line")
        json.endObject()
    }

    private static func writeSection(_ json: inout JSONWriter, _ section: INFSection) {
        json.beginObject()
        json.string(section.name, key: "name")
        json.integer(section.lines.count, key: "line_count")
        json.beginArray("lines")
        for line in section.lines {
            json.beginObject()
            json.string(line.key, key: "key")
            json.string(line.rawKey, key: "key_raw")
            json.integer(line.fields.count, key: "field_count")
            json.strings(line.fields, key: "fields")
            json.strings(line.rawFields, key: "raw")
            json.string(line.text, key: "text")
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
