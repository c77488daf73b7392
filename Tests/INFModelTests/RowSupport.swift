import INFModel
import INFSyntax

/// Builds small INF files and their models for the behaviour-row tests.
enum RowINF {
    /// The `[Version]` section every file that must open with `INF_STYLE_WIN4` starts with.
    static let version = "[Version]\r\nSignature=\"$Windows NT$\"\r\n"

    /// One byte per character, for text made of characters up to U+00FF.
    static func ansi(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            precondition(scalar.value <= 0xFF, "\(scalar) is not a single-byte character")
            return UInt8(scalar.value)
        }
    }

    /// UTF-16 little endian, with or without the FF FE byte-order mark.
    static func utf16LE(_ text: String, bom: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = bom ? [0xFF, 0xFE] : []
        for unit in text.utf16 {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        return bytes
    }

    /// The model of `bytes`.
    static func document(_ bytes: [UInt8], locale: StringsLocale = .english,
                         directories: DirectoryRendering = .keep) -> INFDocument {
        INFDocument(bytes: bytes, path: "row.inf", options: ModelOptions(locale: locale, directories: directories))
    }

    /// The model of ANSI text.
    static func document(_ text: String, locale: StringsLocale = .english,
                         directories: DirectoryRendering = .keep) -> INFDocument {
        document(ansi(text), locale: locale, directories: directories)
    }

    /// The DIRID rendering of the conformance data, with DIRID 1 set to `source`.
    static func reference(source: String? = nil) -> DirectoryRendering {
        var table = DirectoryTable.reference
        table.sourceDirectory = source
        return .table(table)
    }
}

extension INFDocument {
    /// The substituted first field of the first line of `section` whose key is `key`.
    func rowValue(_ key: String, in section: String = "A") -> String? {
        self.section(named: section)?.firstLine(withKey: key)?.field(1)
    }
}
