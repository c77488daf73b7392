import INFSyntax
/// A piece of a substituted value: literal text, or a reference to a DIRID.
public enum ValuePiece: Sendable, Hashable {
    /// Text, after `%strkey%` and `%%` substitution.
    case text(String)
    /// `%N%` naming a directory (a number no `[Strings]` key matched, rows 49–50).
    case dirid(Int)
}

extension Collection where Element == ValuePiece {
    /// The text pieces joined, DIRIDs left out: what follows a leading `%N%` in a path.
    public var textValue: String {
        var result = ""
        for piece in self { if case .text(let text) = piece { result += text } }
        return result
    }
}

/// `%strkey%` substitution as SetupAPI performs it at query time (rows 42–50).
///
/// A `%` opens and the next `%` closes a name; `%%` gives a single `%`; a name found in the strings
/// tables gives its raw value (no recursion); a decimal number gives a DIRID's folder, losing its own
/// trailing backslash when a backslash follows; anything else is kept as written, percent signs included.
public struct Substituter: Sendable {
    /// The strings tables names are looked up in.
    public let strings: StringTable
    /// How DIRIDs are rendered.
    public let rendering: DirectoryRendering

    public init(strings: StringTable, rendering: DirectoryRendering) {
        self.strings = strings
        self.rendering = rendering
    }

    /// The value of `raw` after substitution.
    public func substitute(_ raw: String) -> String {
        guard raw.containsByte(0x25) else { return raw }
        return Self.withBytes(raw) { bytes in
            // The commonest form, one whole `%name%` (nothing follows it): its value, or the text as written.
            if let name = Self.wholeName(bytes) {
                return value(of: UnsafeBufferPointer(rebasing: bytes[name]), nextIsBackslash: false) ?? raw
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            Self.walk(bytes) { piece in
                switch piece {
                case .literal(let range): out.append(contentsOf: bytes[range])
                case .name(let name, let nextIsBackslash, let whole):
                    if let value = value(of: UnsafeBufferPointer(rebasing: bytes[name]), nextIsBackslash: nextIsBackslash) {
                        out.append(contentsOf: value.utf8)
                    } else {
                        out.append(contentsOf: bytes[whole])
                    }
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The value of `raw` as text and DIRID pieces: strings are substituted, DIRIDs are kept apart.
    public func pieces(_ raw: String) -> [ValuePiece] {
        guard raw.containsByte(0x25) else { return raw.isEmpty ? [] : [.text(raw)] }
        return Self.withBytes(raw) { bytes in
            if let range = Self.wholeName(bytes) {
                let name = UnsafeBufferPointer(rebasing: bytes[range])
                if let value = strings.value(utf8: name) { return value.isEmpty ? [] : [.text(value)] }
                if let dirid = Self.decimal(name) { return [.dirid(dirid)] }
                return [.text(raw)]
            }
            var result: [ValuePiece] = []
            var text: [UInt8] = []
            func flush() {
                if !text.isEmpty { result.append(.text(String(decoding: text, as: UTF8.self))); text.removeAll(keepingCapacity: true) }
            }
            Self.walk(bytes) { piece in
                switch piece {
                case .literal(let range): text.append(contentsOf: bytes[range])
                case .name(let range, _, let whole):
                    let name = UnsafeBufferPointer(rebasing: bytes[range])
                    if let value = strings.value(utf8: name) {
                        text.append(contentsOf: value.utf8)
                    } else if let dirid = Self.decimal(name) {
                        flush()
                        result.append(.dirid(dirid))
                    } else {
                        text.append(contentsOf: bytes[whole])
                    }
                }
            }
            flush()
            return result
        }
    }

    /// `body` given the UTF-8 of `text` as one buffer (a native string's own storage).
    private static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }

    /// A part of a raw value, as byte offsets into it.
    private enum Piece {
        case literal(Range<Int>)
        case name(Range<Int>, nextIsBackslash: Bool, whole: Range<Int>)
    }

    /// Splits `bytes` at its percent signs: `%%` is a literal `%`, `%name%` a name. The signs and the
    /// backslash are ASCII, so the slices between them hold whole characters' bytes.
    private static func walk(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (Piece) -> Void) {
        var start = 0
        var inside = false
        for index in bytes.indices where bytes[index] == 0x25 {
            inside.toggle()
            if inside {
                if start < index { emit(.literal(start..<index)) }
                start = index
            } else {
                let after = index + 1
                if start + 1 == index {
                    emit(.literal(start..<start + 1))
                } else {
                    let next = after < bytes.count && bytes[after] == 0x5C
                    emit(.name(start + 1..<index, nextIsBackslash: next, whole: start..<after))
                }
                start = after
            }
        }
        if start < bytes.count { emit(.literal(start..<bytes.count)) }
    }

    /// The value of the name `name`: its string, or the folder of the DIRID it numbers.
    private func value(of name: UnsafeBufferPointer<UInt8>, nextIsBackslash: Bool) -> String? {
        if let value = strings.value(utf8: name) { return value }
        return diridPath(Self.decimal(name), nextIsBackslash: nextIsBackslash)
    }

    /// The folder of `dirid` when DIRIDs are rendered as folders.
    private func diridPath(_ dirid: Int?, nextIsBackslash: Bool) -> String? {
        guard case .table(let table) = rendering, let dirid, var path = table.path(for: dirid) else { return nil }
        if nextIsBackslash && path.hasSuffix("\\") { path.removeLast() }
        return path
    }

    /// The byte range of the name of `bytes` when they are one `%name%` and nothing else.
    private static func wholeName(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let count = bytes.count
        guard count >= 3, bytes[0] == 0x25, bytes[count - 1] == 0x25 else { return nil }
        for index in 1..<count - 1 where bytes[index] == 0x25 { return nil }
        return 1..<count - 1
    }

    /// A DIRID name read like C `strtol(name, &end, 10)` that must consume the whole name.
    static func decimal<Units: BidirectionalCollection>(_ units: Units) -> Int? where Units.Element: UnsignedInteger {
        var i = units.startIndex
        while i < units.endIndex, isCSpace(units[i]) { i = units.index(after: i) }
        var negative = false
        if i < units.endIndex, units[i] == 0x2B || units[i] == 0x2D {
            negative = units[i] == 0x2D
            i = units.index(after: i)
        }
        guard i < units.endIndex else { return nil }
        var value = 0
        while i < units.endIndex {
            let c = units[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            value = value * 10 + Int(c - 0x30)
            if value > Int(Int32.max) + 1 { return nil }
            i = units.index(after: i)
        }
        return negative ? -value : value
    }

    static func isCSpace<Unit: UnsignedInteger>(_ c: Unit) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
}
