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
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value as it stands nested `indent` levels deep in a document, without a line
    /// break, to the UTF-8 bytes `out`.
    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .string(let value): appendJSONString(value, to: &out)
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(contentsOf: ", ".utf8) }
                    item.write(to: &out, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            writeContainer(items, open: "[", close: "]", to: &out, indent: indent) { item, out in
                item.write(to: &out, indent: indent + 1)
            }
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            writeContainer(members, open: "{", close: "}", to: &out, indent: indent) { member, out in
                appendJSONString(member.0, to: &out)
                out.append(contentsOf: ": ".utf8)
                member.1.write(to: &out, indent: indent + 1)
            }
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        case .null, .bool, .int, .string: return true
        }
    }

    private func writeContainer<Element>(_ elements: [Element], open: Unicode.Scalar, close: Unicode.Scalar,
                                         to out: inout [UInt8], indent: Int,
                                         writeElement: (Element, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: open))
        out.append(0x0A)
        for (index, element) in elements.enumerated() {
            appendIndent(indent + 1, to: &out)
            writeElement(element, &out)
            if index < elements.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        appendIndent(indent, to: &out)
        out.append(UInt8(ascii: close))
    }
}

/// Appends two spaces per level.
func appendIndent(_ levels: Int, to out: inout [UInt8]) {
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * levels))
}

/// Appends `value` as a JSON string literal to the UTF-8 bytes `out`: quotes, backslashes and control
/// characters escaped, everything else (non-ASCII included) written as it is. Runs of bytes that need
/// no escape are copied whole.
func appendJSONString(_ value: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { bytes in
        var start = 0
        // The words before the first one holding a byte to escape are copied without a look at each byte.
        for index in endOfUnescapedWords(bytes)..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
            switch byte {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            default:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: "\\u".utf8)
                out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.utf8.count))
                out.append(contentsOf: hex.utf8)
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    out.append(UInt8(ascii: "\""))
}

/// The offset of the first eight-byte word of `bytes` holding a byte a JSON string escapes (below
/// 0x20, `"`, `\` or DEL), or of the last partial word: the bytes before it are copied as they are.
/// Each test finds a byte of its kind exactly (a borrow into bit 7 of that byte's lane).
func endOfUnescapedWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
    var index = 0
    while index &+ 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if (word &- 0x2020_2020_2020_2020) & ~word & highs != 0 || hasZero(word ^ (0x22 &* ones))
            || hasZero(word ^ (0x5C &* ones)) || hasZero(word ^ (0x7F &* ones)) { return index }
        index &+= 8
    }
    return index
}
