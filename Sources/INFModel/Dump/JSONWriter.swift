/// A small streaming writer of compact JSON text, with keys in the order they are written.
public struct JSONWriter: Sendable {
    /// The JSON text written so far.
    public private(set) var output: String = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// Opens an object, as a value or (with `key`) as a member.
    public mutating func beginObject(_ key: String? = nil) {
        member(key)
        output += "{"
        needsComma.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        needsComma.removeLast()
        output += "}"
    }

    /// Opens an array, as a value or (with `key`) as a member.
    public mutating func beginArray(_ key: String? = nil) {
        member(key)
        output += "["
        needsComma.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        needsComma.removeLast()
        output += "]"
    }

    private mutating func member(_ key: String?) {
        separate()
        if let key { Self.appendString(key, to: &output); output += ":" }
    }

    /// Writes a string (or `null` for `nil`).
    public mutating func string(_ value: String?, key: String? = nil) {
        member(key)
        if let value { Self.appendString(value, to: &output) } else { output += "null" }
    }

    /// Writes an integer (or `null` for `nil`).
    public mutating func integer<I: BinaryInteger>(_ value: I?, key: String? = nil) {
        member(key)
        output += value.map { String($0) } ?? "null"
    }

    /// Writes a Boolean.
    public mutating func bool(_ value: Bool, key: String? = nil) {
        member(key)
        output += value ? "true" : "false"
    }

    /// Writes `null`.
    public mutating func null(key: String? = nil) {
        member(key)
        output += "null"
    }

    /// Writes an array of strings.
    public mutating func strings(_ values: [String], key: String? = nil) {
        beginArray(key)
        for value in values { string(value) }
        endArray()
    }

    /// Appends `value` as a JSON string literal: quotes, backslashes and control characters escaped.
    public static func appendString(_ value: String, to out: inout String) {
        out += "\""
        var plainStart = value.unicodeScalars.startIndex
        var index = plainStart
        let scalars = value.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                out += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
