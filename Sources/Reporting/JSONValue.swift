/// A JSON value whose objects keep their members in the order they were built, so that documents
/// come out with a fixed, documented key order.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// `.int(value)`, or `.null` for `nil`.
    static func nullable(_ value: Int?) -> JSONValue {
        value.map { .int($0) } ?? .null
    }

    /// `.string(value)`, or `.null` for `nil`.
    static func nullable(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// An array of integers.
    static func ints(_ values: [Int]) -> JSONValue {
        .array(values.map { .int($0) })
    }

    /// The value as indented JSON text (two spaces per level, arrays of plain values on one line),
    /// ending in a line break. Strings are written as UTF-8 with only the escapes JSON requires.
    func formatted() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// The value as it stands nested `indent` levels deep in a document, without a line break.
    func formatted(indent: Int) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        case .null, .bool, .int, .string: return true
        }
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): appendJSONString(value, to: &out)
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += ", " }
                    item.write(to: &out, indent: indent)
                }
                out += "]"
                return
            }
            writeContainer(items, open: "[", close: "]", to: &out, indent: indent) { item, out in
                item.write(to: &out, indent: indent + 1)
            }
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            writeContainer(members, open: "{", close: "}", to: &out, indent: indent) { member, out in
                appendJSONString(member.0, to: &out)
                out += ": "
                member.1.write(to: &out, indent: indent + 1)
            }
        }
    }

    private func writeContainer<Element>(_ elements: [Element], open: String, close: String,
                                         to out: inout String, indent: Int,
                                         writeElement: (Element, inout String) -> Void) {
        let inner = String(repeating: "  ", count: indent + 1)
        out += open + "\n"
        for (index, element) in elements.enumerated() {
            out += inner
            writeElement(element, &out)
            out += index == elements.count - 1 ? "\n" : ",\n"
        }
        out += String(repeating: "  ", count: indent) + close
    }
}

/// Appends `value` as a JSON string literal: quotes, backslashes and control characters escaped,
/// everything else (non-ASCII included) written as it is.
func appendJSONString(_ value: String, to out: inout String) {
    out += "\""
    // Most strings need no escape: append them whole instead of scalar by scalar.
    if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
        out += value
        out += "\""
        return
    }
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out += "\""
}
