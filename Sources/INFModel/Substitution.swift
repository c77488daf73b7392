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
        // The commonest form, one whole `%name%` (nothing follows it): its value, or the text as written.
        if let name = Self.wholeName(raw) { return value(of: name, nextIsBackslash: false) ?? raw }
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        walk(raw) { piece in
            switch piece {
            case .literal(let text): out += text
            case .name(let name, let nextIsBackslash, let whole):
                out += value(of: name, nextIsBackslash: nextIsBackslash) ?? String(whole)
            }
        }
        return out
    }

    /// The value of `raw` as text and DIRID pieces: strings are substituted, DIRIDs are kept apart.
    public func pieces(_ raw: String) -> [ValuePiece] {
        guard raw.containsByte(0x25) else { return raw.isEmpty ? [] : [.text(raw)] }
        if let name = Self.wholeName(raw) {
            if let value = strings.value(for: name) { return value.isEmpty ? [] : [.text(value)] }
            if let dirid = Self.decimal(name.utf16) { return [.dirid(dirid)] }
            return [.text(raw)]
        }
        var result: [ValuePiece] = []
        var text = ""
        func flush() {
            if !text.isEmpty { result.append(.text(text)); text = "" }
        }
        walk(raw) { piece in
            switch piece {
            case .literal(let literal): text += literal
            case .name(let name, _, let whole):
                if let value = strings.value(for: name) {
                    text += value
                } else if let dirid = Self.decimal(name.utf16) {
                    flush()
                    result.append(.dirid(dirid))
                } else {
                    text += whole
                }
            }
        }
        flush()
        return result
    }

    /// A part of a raw value, as a slice of it.
    private enum Piece {
        case literal(Substring)
        case name(Substring, nextIsBackslash: Bool, whole: Substring)
    }

    /// Splits `raw` at its percent signs: `%%` is a literal `%`, `%name%` a name. The signs and the
    /// backslash are ASCII, so the slices between them hold whole characters' code units.
    private func walk(_ raw: String, _ emit: (Piece) -> Void) {
        let utf8 = raw.utf8
        var start = utf8.startIndex
        var inside = false
        var index = utf8.startIndex
        while index < utf8.endIndex {
            defer { index = utf8.index(after: index) }
            guard utf8[index] == 0x25 else { continue }
            inside.toggle()
            if inside {
                if start < index { emit(.literal(Substring(utf8[start..<index]))) }
                start = index
            } else {
                let after = utf8.index(after: index)
                if utf8.index(after: start) == index {
                    emit(.literal("%"))
                } else {
                    let next = after < utf8.endIndex && utf8[after] == 0x5C
                    emit(.name(Substring(utf8[utf8.index(after: start)..<index]), nextIsBackslash: next,
                               whole: Substring(utf8[start..<after])))
                }
                start = after
            }
        }
        if start < utf8.endIndex { emit(.literal(Substring(utf8[start...]))) }
    }

    /// The value of the name `name`: its string, or the folder of the DIRID it numbers.
    private func value(of name: Substring, nextIsBackslash: Bool) -> String? {
        if let value = strings.value(for: name) { return value }
        return diridPath(Self.decimal(name.utf16), nextIsBackslash: nextIsBackslash)
    }

    /// The folder of `dirid` when DIRIDs are rendered as folders.
    private func diridPath(_ dirid: Int?, nextIsBackslash: Bool) -> String? {
        guard case .table(let table) = rendering, let dirid, var path = table.path(for: dirid) else { return nil }
        if nextIsBackslash && path.hasSuffix("\\") { path.removeLast() }
        return path
    }

    /// The name of `raw` when it is one `%name%` and nothing else.
    private static func wholeName(_ raw: String) -> Substring? {
        let utf8 = raw.utf8
        guard utf8.count >= 3, utf8.first == 0x25, utf8.last == 0x25 else { return nil }
        let inner = utf8.dropFirst().dropLast()
        guard !inner.contains(0x25) else { return nil }
        return raw[inner.startIndex..<inner.endIndex]
    }

    /// A DIRID name read like C `strtol(name, &end, 10)` that must consume the whole name.
    static func decimal<Units: BidirectionalCollection<UInt16>>(_ units: Units) -> Int? {
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

    static func isCSpace(_ c: UInt16) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
}
