import INFSyntax

/// Builds the bytes of small INF files in the encodings SetupAPI reads.
enum RowBytes {
    /// One byte per character, for text made of characters up to U+00FF (ASCII and Latin-1, where
    /// code page 1252 agrees with Unicode). Bytes 0x80–0x9F are written as explicit byte arrays instead.
    static func ansi(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            precondition(scalar.value <= 0xFF, "\(scalar) is not a single-byte character")
            return UInt8(scalar.value)
        }
    }

    /// UTF-16 little endian, with or without the FF FE byte-order mark.
    static func utf16LE(_ text: String, bom: Bool = true) -> [UInt8] {
        utf16LE(units: Array(text.utf16), bom: bom)
    }

    /// UTF-16 little endian code units as written, lone surrogates included.
    static func utf16LE(units: [UInt16], bom: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = bom ? [0xFF, 0xFE] : []
        for unit in units {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        return bytes
    }

    /// UTF-16 big endian with its FE FF mark.
    static func utf16BE(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return bytes
    }

    /// UTF-8 with the EF BB BF byte-order mark.
    static func utf8BOM(_ text: String) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// Parses `bytes` and returns the tree.
    static func parse(_ bytes: [UInt8]) -> SyntaxTree {
        INFParser.parse(bytes: bytes, path: "row.inf")
    }

    /// Parses ANSI text.
    static func parse(_ text: String) -> SyntaxTree {
        parse(ansi(text))
    }
}

extension SyntaxTree {
    /// The lines that hold a key or fields, in file order.
    var entries: [LogicalLine] { lines.filter(\.isEntry) }

    /// The section names as written, in file order.
    var sectionNames: [String] { sections.map(\.header.name) }

    /// The lines holding a key or fields in the `index`-th section as written.
    func entries(inSection index: Int) -> [LogicalLine] {
        sections[index].bodyLines.map { lines[$0] }.filter(\.isEntry)
    }

    /// The kinds of the diagnostics, in the order they were found.
    var diagnosticKinds: [SyntaxDiagnostic.Kind] { diagnostics.map(\.kind) }

    /// The diagnostics of one kind.
    func diagnostics(_ kind: SyntaxDiagnostic.Kind) -> [SyntaxDiagnostic] {
        diagnostics.filter { $0.kind == kind }
    }
}

extension LogicalLine {
    /// The key as read (before substitution), or `nil` when no `=` split one off.
    var keyValue: String? { key?.value }

    /// The field values as read (before substitution).
    var values: [String] { fields.map(\.value) }
}
