/// Writes indented JSON straight into UTF-8 bytes, in the layout ``JSONValue`` formats (two spaces
/// per level, one member or element per line, arrays of plain values on one line), without building
/// a value tree first: for the parts of a report written once per finding.
struct IndentedJSONWriter {
    /// The bytes written so far.
    var bytes: [UInt8]
    /// How deep the open container is.
    private var level: Int
    /// Whether the open container has no member or element yet, one entry per open container.
    private var empty: [Bool] = []

    /// A writer whose first value stands `level` levels deep in a document.
    init(level: Int = 0, reservingCapacity capacity: Int = 0) {
        self.level = level
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array whose elements are objects or arrays, one per line.
    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the next member of the open object: the separator, the indent and `"name": `, put
    /// together first and appended at once.
    mutating func key(_ name: StaticString) {
        let first = empty[empty.count - 1]
        if first { empty[empty.count - 1] = false }
        let indent = 2 &* level
        let nameLength = name.utf8CodeUnitCount
        let count = (first ? 1 : 2) &+ indent &+ nameLength &+ 4
        // Written with block copies: the separator, the indent, then `"name": `.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            guard var next = buffer.baseAddress else { return }
            if !first {
                next.initialize(to: UInt8(ascii: ","))
                next += 1
            }
            next.initialize(to: 0x0A)
            next += 1
            next.initialize(repeating: UInt8(ascii: " "), count: indent)
            next += indent
            next.initialize(to: UInt8(ascii: "\""))
            next += 1
            name.withUTF8Buffer { utf8 in
                if let source = utf8.baseAddress { next.initialize(from: source, count: nameLength) }
            }
            next += nameLength
            next.initialize(to: UInt8(ascii: "\""))
            (next + 1).initialize(to: UInt8(ascii: ":"))
            (next + 2).initialize(to: UInt8(ascii: " "))
            bytes.append(contentsOf: UnsafeBufferPointer(buffer))
        }
    }

    /// Starts the next element of the open array: the separator and the indent.
    mutating func nextItem() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(0x0A)
        indent()
    }

    mutating func string(_ value: String) { appendJSONString(value, to: &bytes) }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func int(_ value: Int) { appendDecimal(value, to: &bytes) }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    mutating func null() {
        bytes.append(contentsOf: Self.nullLiteral)
    }

    private static let nullLiteral: [UInt8] = Array("null".utf8)

    /// An array of integers, on one line.
    mutating func ints(_ values: [Int]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
                bytes.append(UInt8(ascii: " "))
            }
            int(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func open() {
        empty.append(true)
        level += 1
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        if empty.removeLast() {
            bytes.append(bracket)
            return
        }
        bytes.append(0x0A)
        indent()
        bytes.append(bracket)
    }

    /// Two spaces per level.
    private mutating func indent() {
        var remaining = 2 * level
        while remaining > 0 {
            let count = min(remaining, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<count])
            remaining -= count
        }
    }

    /// Spaces to indent with, appended in one piece rather than one at a time.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)
}

/// Appends `value` in decimal.
func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    if value < 0 {
        out.append(UInt8(ascii: "-"))
        // The magnitude of Int.min does not fit an Int; its digits come from the unsigned value.
        appendDecimal(UInt(bitPattern: value).magnitudeOfNegative, to: &out)
        return
    }
    appendDecimal(UInt(value), to: &out)
}

private func appendDecimal(_ value: UInt, to out: inout [UInt8]) {
    if value < 10 {
        out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
        return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
        repeat {
            buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            count += 1
        } while rest > 0
        out.append(contentsOf: buffer[(20 - count)...])
    }
}

private extension UInt {
    /// For the bit pattern of a negative Int, the magnitude of that Int.
    var magnitudeOfNegative: UInt { 0 &- self }
}
