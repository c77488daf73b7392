import INFSyntax

/// A small streaming writer of compact JSON text (UTF-8), with keys in the order they are written.
public struct JSONWriter: Sendable {
    private var buffer: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init() {}

    /// The JSON text written so far.
    public var output: String { String(decoding: buffer, as: UTF8.self) }

    /// The JSON text written so far, as UTF-8 bytes.
    public var bytes: [UInt8] { buffer }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { buffer.append(0x2C) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func member(_ key: String?) {
        separate()
        if let key {
            Self.appendString(key, to: &buffer)
            buffer.append(0x3A)
        }
    }

    /// Opens an object, as a value or (with `key`) as a member.
    public mutating func beginObject(_ key: String? = nil) {
        member(key)
        buffer.append(0x7B)
        needsComma.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        needsComma.removeLast()
        buffer.append(0x7D)
    }

    /// Opens an array, as a value or (with `key`) as a member.
    public mutating func beginArray(_ key: String? = nil) {
        member(key)
        buffer.append(0x5B)
        needsComma.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        needsComma.removeLast()
        buffer.append(0x5D)
    }

    /// Writes a string (or `null` for `nil`).
    public mutating func string(_ value: String?, key: String? = nil) {
        member(key)
        if let value { Self.appendString(value, to: &buffer) } else { raw("null") }
    }

    /// Writes an integer (or `null` for `nil`).
    public mutating func integer<I: BinaryInteger>(_ value: I?, key: String? = nil) {
        member(key)
        if let value { buffer.append(contentsOf: String(value).utf8) } else { raw("null") }
    }

    /// Writes a Boolean.
    public mutating func bool(_ value: Bool, key: String? = nil) {
        member(key)
        if value { raw("true") } else { raw("false") }
    }

    /// Writes `null`.
    public mutating func null(key: String? = nil) {
        member(key)
        raw("null")
    }

    /// Writes an array of strings.
    public mutating func strings(_ values: [String], key: String? = nil) {
        beginArray(key)
        for value in values { string(value) }
        endArray()
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `value` as a JSON string literal to UTF-8 bytes: quotes, backslashes and control
    /// characters escaped, everything else as is.
    public static func appendString(_ value: String, to out: inout [UInt8]) {
        // A lone UTF-16 surrogate (carried as a stand-in scalar, whose UTF-8 starts with 0xF4) is
        // written as its `\udXXX` escape.
        if value.containsByte(0xF4) {
            out.append(0x22)
            for scalar in value.unicodeScalars {
                if let unit = UTF16Text.loneSurrogate(scalar) {
                    out.append(contentsOf: [0x5C, 0x75] + Array(String(unit, radix: 16).utf8))
                } else {
                    appendEscaped(String(scalar), to: &out)
                }
            }
            out.append(0x22)
            return
        }
        out.append(0x22)
        appendEscaped(value, to: &out)
        out.append(0x22)
    }

    /// The bytes of `value` with JSON's escapes, without quotes: runs of bytes that need none are
    /// copied whole.
    private static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where escaped[Int(bytes[index])] {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscape(bytes[index], to: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// Which bytes JSON writes escaped: quote, backslash, control characters and DEL.
    private static let escaped: [Bool] = (0...255).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x0A: out.append(0x5C); out.append(0x6E)
        case 0x0D: out.append(0x5C); out.append(0x72)
        case 0x09: out.append(0x5C); out.append(0x74)
        default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        }
    }
}
