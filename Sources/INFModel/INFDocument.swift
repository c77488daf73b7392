import Foundation
import INFSyntax

/// Options that change how a file's text is read into the model.
public struct ModelOptions: Sendable {
    /// The locale whose `[Strings.LLLL]` section substitution reads first.
    public var locale: StringsLocale
    /// How `%N%` DIRIDs appear in substituted fields.
    public var directories: DirectoryRendering
    /// The architecture that replaces `$ARCH$` tokens (as stampinf does for `.inx` files) in section
    /// names, keys and fields; `nil` keeps them as written, as SetupAPI reads them.
    public var stampArchitecture: String?

    public init(locale: StringsLocale = .english, directories: DirectoryRendering = .keep, stampArchitecture: String? = nil) {
        self.locale = locale
        self.directories = directories
        self.stampArchitecture = stampArchitecture
    }
}

/// The styles SetupAPI can open a file with.
public enum OpenStyle: String, Sendable, Hashable {
    /// `INF_STYLE_WIN4 | INF_STYLE_OLDNT`: what device installation uses; the signature is checked.
    case win4 = "INF_STYLE_WIN4|INF_STYLE_OLDNT"
    /// `INF_STYLE_OLDNT` alone: any file that parses opens.
    case oldNT = "INF_STYLE_OLDNT"
}

/// An INF file with SetupAPI's semantics: merged sections, substituted fields, the open result.
public struct INFDocument: Sendable {
    /// The lossless syntax tree the model reads from.
    public let tree: SyntaxTree
    /// The sections in order of first appearance, duplicates merged (row 33).
    public let sections: [INFSection]
    /// The strings tables used for substitution.
    public let strings: StringTable
    /// The substitution engine for this file's strings and DIRID rendering.
    public let substituter: Substituter
    /// The options the model was built with.
    public let options: ModelOptions
    /// The section names numbered: a section's number is its index in `sections`.
    public let sectionNames: NameInterner
    /// The distinct line keys of the file, numbered.
    public let keyNames: KeyNames
    /// The `[Version]` section's typed values.
    public let version: VersionInfo
    /// The lines of `[Manufacturer]`.
    public let manufacturers: [ManufacturerEntry]
    /// The typed `[DestinationDirs]` section.
    public let destinationDirs: DestinationDirs
    /// Tables built the first time they are asked for.
    let cache = DocumentCache()

    /// The path of the file, as given.
    public var path: String { tree.source.path }

    /// Builds the model of a parsed file.
    public init(tree: SyntaxTree, options: ModelOptions = ModelOptions()) {
        self.tree = tree
        self.options = options

        // Merge sections by name, keeping the first spelling and the file order of lines.
        var index = NameInterner()
        var names: [String] = []
        var headers: [[Int]] = []
        var entries: [[Int]] = []
        let stamp = Self.stamper(options.stampArchitecture)
        let stamping = options.stampArchitecture != nil
        for (nodeIndex, node) in tree.sections.enumerated() {
            let name = stamp(node.header.name)
            let slot = Int(index.intern(name))
            if slot == names.count {
                names.append(name)
                headers.append([])
                entries.append([])
            }
            headers[slot].append(nodeIndex)
            for lineIndex in node.bodyLines where tree.lines[lineIndex].isEntry { entries[slot].append(lineIndex) }
        }
        let strings = StringTable(names: names, locale: options.locale) { slot in
            entries[slot].map { lineIndex in
                let line = tree.lines[lineIndex]
                return (Self.rawKey(key: line.key, fields: line.fields), line.fields.first?.value)
            }
        }
        let substituter = Substituter(strings: strings, rendering: options.directories)
        self.strings = strings
        self.substituter = substituter
        self.sectionNames = index
        var keyNames = KeyNames.Builder()
        var keyIDs: [[Int32]] = []
        keyIDs.reserveCapacity(names.count)
        var lines: [[INFLine]] = []
        lines.reserveCapacity(names.count)
        for slot in names.indices {
            var sectionLines: [INFLine] = []
            var sectionKeyIDs: [Int32] = []
            sectionLines.reserveCapacity(entries[slot].count)
            sectionKeyIDs.reserveCapacity(entries[slot].count)
            for lineIndex in entries[slot] {
                // The parts of the syntax line read one by one: copying the whole line value costs more.
                let tokens = tree.lines[lineIndex].fields
                let keyToken = tree.lines[lineIndex].key
                let rawFields = tokens.map(\.value)
                let rawKey = Self.rawKey(key: keyToken, fields: tokens)
                let key = rawKey.map { stamp(substituter.substitute($0)) }
                var rawHasPercent = rawKey?.containsByte(0x25) ?? false
                sectionKeyIDs.append(keyNames.id(of: key))
                // Most fields substitute to themselves: the two lists then share one array.
                var fields = rawFields
                for index in rawFields.indices {
                    let raw = rawFields[index]
                    let percent = raw.containsByte(0x25)
                    rawHasPercent = rawHasPercent || percent
                    // Only a `%`, an architecture token being stamped or a field over SetupAPI's length changes the value.
                    guard percent || (stamping && (raw.containsByte(0x24) || raw.containsByte(0x40) || raw.containsByte(0x23))) || raw.utf8.count > SetupLimits.maximumStringLength
                    else { continue }
                    // SetupAPI returns at most MAX_INF_STRING_LENGTH characters of a field (row 10).
                    let value = SetupLimits.cut(stamp(substituter.substitute(raw)))
                    if value != raw { fields[index] = value }
                }
                sectionLines.append(INFLine(
                    key: key, rawKey: rawKey, hasExplicitKey: keyToken != nil, fields: fields, rawFields: rawFields,
                    rawHasPercent: rawHasPercent, syntaxIndex: lineIndex, lineNumber: tree.lines[lineIndex].firstPhysicalLine))
            }
            lines.append(sectionLines)
            keyIDs.append(sectionKeyIDs)
        }
        let table = keyNames.build()
        self.keyNames = table
        let modelSections = names.indices.map { slot in
            INFSection(name: names[slot], number: slot, lines: lines[slot], headers: headers[slot], keyIDs: keyIDs[slot], keyNames: table)
        }
        self.sections = modelSections
        func named(_ name: String) -> INFSection? { index.id(of: name).map { modelSections[Int($0)] } }
        self.version = VersionInfo(section: named("Version"))
        self.manufacturers = Self.manufacturers(in: named("Manufacturer"))
        self.destinationDirs = DestinationDirs(section: named("DestinationDirs"))
    }

    /// The key of a line before substitution: the text before `=`, or a lone field (row 27).
    private static func rawKey(key: Token?, fields: [Token]) -> String? {
        key?.value ?? (fields.count == 1 ? fields[0].value : nil)
    }

    /// A function replacing the architecture token (``TemplateTokens``) with `architecture`, or the identity.
    static func stamper(_ architecture: String?) -> @Sendable (String) -> String {
        guard let architecture else { return { $0 } }
        return { text in TemplateTokens.stamp(text, architecture: architecture) }
    }

    /// Reads, parses and models the file at `path`.
    public static func open(path: String, options: ModelOptions = ModelOptions()) throws(SourceReadError) -> INFDocument {
        INFDocument(tree: INFParser.parse(try SourceFile.read(path: path)), options: options)
    }

    /// Parses and models `bytes` as the content of a file at `path`.
    public init(bytes: [UInt8], path: String = "<memory>", options: ModelOptions = ModelOptions()) {
        self.init(tree: INFParser.parse(bytes: bytes, path: path), options: options)
    }

    /// The section named `name`, ignoring case.
    public func section(named name: String) -> INFSection? {
        sectionNames.id(of: name).map { sections[Int($0)] }
    }

    /// The sections named `base.suffix` for each of `suffixes` that exist, ignoring case, in the order
    /// of `suffixes`: looked up in one buffer instead of a new name for every suffix.
    public func sections(named base: String, suffixes: [String]) -> [(suffix: String, section: INFSection)] {
        var name = Array(base.utf8)
        name.append(UInt8(ascii: "."))
        let stem = name.count
        var result: [(suffix: String, section: INFSection)] = []
        for suffix in suffixes {
            name.removeSubrange(stem...)
            name.append(contentsOf: suffix.utf8)
            if let id = name.withUnsafeBufferPointer({ sectionNames.id(utf8: $0) }) { result.append((suffix, sections[Int(id)])) }
        }
        return result
    }

    /// Whether a section named `name` exists, ignoring case.
    public func hasSection(_ name: String) -> Bool {
        sectionNames.id(of: name) != nil
    }

    /// The substituted value of `raw` in this file.
    public func substitute(_ raw: String) -> String { substituter.substitute(raw) }

    /// Why SetupAPI would refuse to open the file with `style`, or `nil` when it opens.
    public func openError(style: OpenStyle = .win4) -> SetupOpenError? {
        let path = tree.source.path
        if tree.source.bytes.isEmpty {
            return SetupOpenError(code: .fileInvalid, file: path, line: nil, message: "the file is empty")
        }
        if let (code, line) = tree.readError {
            let message = code == .sectionNameTooLong
                ? "a section name is longer than 255 characters"
                : "a section header has no closing ']'"
            return SetupOpenError(code: code, file: path, line: line, message: message)
        }
        let noSections = tree.sections.isEmpty
        if let orphan = tree.firstOrphanLine, !hasSection("Strings"), !(noSections && style == .win4) {
            return SetupOpenError(code: .expectedSectionName, file: path, line: orphan,
                                  message: "text appears before the first section header")
        }
        guard style == .win4 else { return nil }
        if let signature = section(named: "Version")?.lines.first(where: {
            guard let key = $0.rawKey else { return false }
            return CaseInsensitive.equal(key, "Signature")
        }), let value = signature.rawFields.first,
           Self.acceptedSignatures.contains(where: { CaseInsensitive.equal($0, value) }) {
            return nil
        }
        return SetupOpenError(code: .wrongInfStyle, file: path, line: 0,
                              message: "[Version] has no Signature of $Windows NT$, $Chicago$ or $Windows 95$")
    }

    /// The signatures SetupAPI accepts (row 38).
    public static let acceptedSignatures = ["$Chicago$", "$Windows NT$", "$Windows 95$"]

    /// The 1-based physical line and column of a line's start.
    public func position(of line: INFLine) -> SourcePosition {
        tree.position(of: tree.lines[line.syntaxIndex].range.lowerBound)
    }

    /// The syntax token of field `index` (1-based) of `line`, or of its key for index 0.
    public func token(of line: INFLine, field index: Int) -> Token? {
        // The parts of the syntax line read one by one: copying the whole line value costs more.
        let fields = tree.lines[line.syntaxIndex].fields
        if index == 0 { return tree.lines[line.syntaxIndex].key ?? (fields.count == 1 ? fields[0] : nil) }
        return index <= fields.count ? fields[index - 1] : nil
    }
}
