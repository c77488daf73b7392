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

    private static let percent: UInt16 = 0x25
    private static let backslash: UInt16 = 0x5C

    /// The value of `raw` after substitution.
    public func substitute(_ raw: String) -> String {
        guard raw.containsByte(0x25) else { return raw }
        // The commonest form, one whole `%name%` (nothing follows it): its value, or the text as written.
        if let name = Self.wholeName(raw) { return value(of: name, nextIsBackslash: false) ?? raw }
        var out: [UInt16] = []
        walk(raw) { piece in
            switch piece {
            case .literal(let units): out.append(contentsOf: units)
            case .name(let units, let nextIsBackslash, let whole):
                if let value = lookup(units, nextIsBackslash: nextIsBackslash) {
                    out.append(contentsOf: value.utf16)
                } else {
                    out.append(contentsOf: whole)
                }
            }
        }
        return UTF16Text.string(out)
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
        var text: [UInt16] = []
        func flush() {
            if !text.isEmpty { result.append(.text(UTF16Text.string(text))); text.removeAll() }
        }
        walk(raw) { piece in
            switch piece {
            case .literal(let units): text.append(contentsOf: units)
            case .name(let units, _, let whole):
                let name = UTF16Text.string(units)
                if let value = strings.value(for: name) {
                    text.append(contentsOf: value.utf16)
                } else if let dirid = Self.decimal(units) {
                    flush()
                    result.append(.dirid(dirid))
                } else {
                    text.append(contentsOf: whole)
                }
            }
        }
        flush()
        return result
    }

    private enum Piece {
        case literal(ArraySlice<UInt16>)
        case name(ArraySlice<UInt16>, nextIsBackslash: Bool, whole: ArraySlice<UInt16>)
    }

    private func walk(_ raw: String, _ emit: (Piece) -> Void) {
        let u = Array(raw.utf16)
        var start = 0
        var inside = false
        for p in 0..<u.count where u[p] == Self.percent {
            inside.toggle()
            if inside {
                emit(.literal(u[start..<p]))
                start = p
            } else {
                if p == start + 1 {
                    emit(.literal([Self.percent][...]))
                } else {
                    let next = p + 1 < u.count && u[p + 1] == Self.backslash
                    emit(.name(u[(start + 1)..<p], nextIsBackslash: next, whole: u[start...p]))
                }
                start = p + 1
            }
        }
        if start < u.count { emit(.literal(u[start..<u.count])) }
    }

    private func lookup(_ name: ArraySlice<UInt16>, nextIsBackslash: Bool) -> String? {
        if let value = strings.value(for: UTF16Text.string(name)) { return value }
        return diridPath(Self.decimal(name), nextIsBackslash: nextIsBackslash)
    }

    /// ``lookup(_:nextIsBackslash:)`` for a name that is a slice of the text.
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
