import DriverPackage
import INFModel
import INFSyntax

/// What names a place of an INF: a section, a `%strkey%` or a `%N%` DIRID.
enum INFSymbol: Equatable {
    case section(String)
    case stringKey(String)
    case dirid(Int)
    /// The directive a line's key names.
    case directive(String)
    /// A registry line (the index of its logical line), which writes under the keys the install plan gives.
    case registryLine(Int)
}

/// Sections, string keys and DIRIDs of one buffer, found in its tree and model: what the cursor is
/// on, where it is defined and used, and the outline of the file.
struct Navigation {
    let document: INFDocument
    let graph: SectionGraph
    let checked: CheckedDocument

    init(_ checked: CheckedDocument) {
        self.checked = checked
        document = INFDocument(tree: checked.tree)
        graph = SectionGraph(document: document)
    }

    private var tree: SyntaxTree { checked.tree }

    /// The symbol at `position` and the code units it spans.
    func symbol(at position: LSPPosition) -> (symbol: INFSymbol, range: Range<Int>)? {
        let unit = checked.unit(at: position)
        guard let lineNumber = tree.lineIndex(containing: unit) ?? (unit > 0 ? tree.lineIndex(containing: unit - 1) : nil) else { return nil }
        let line = tree.lines[lineNumber]
        if let header = line.header, header.nameRange.lowerBound <= unit, unit <= header.nameRange.upperBound {
            return (.section(header.name.trimmingCharacters(in: " \t")), header.nameRange)
        }
        let tokens = (line.key.map { [$0] } ?? []) + line.fields
        guard let (tokenIndex, token) = tokens.enumerated().first(where: { $0.element.range.lowerBound <= unit && unit <= $0.element.range.upperBound })
        else { return nil }
        // A `%…%` around the cursor names a string key or a DIRID.
        let units = tree.source.text.units
        var start: Int?
        var index = token.range.lowerBound
        while index < token.range.upperBound {
            if units[index] == 0x25 {
                if let open = start {
                    if open < unit && unit <= index {
                        let inner = String(decoding: units[(open + 1)..<index], as: UTF16.self)
                        if inner.isEmpty { return nil }
                        if let number = Int(inner) { return (.dirid(number), open..<(index + 1)) }
                        return (.stringKey(inner), open..<(index + 1))
                    }
                    start = nil
                } else {
                    start = index
                }
            }
            index += 1
        }
        // A field a directive reads as a section name.
        let field = line.key == nil ? tokenIndex + 1 : tokenIndex
        if let link = graph.links.first(where: { $0.line.syntaxIndex == lineNumber && $0.field == field }) {
            return (.section(link.to), token.range)
        }
        if line.key != nil, tokenIndex == 0 {
            return (.directive(line.key?.value.trimmingCharacters(in: " \t") ?? ""), token.range)
        }
        if plan.devices.contains(where: { $0.registry.contains { $0.line.syntaxIndex == lineNumber } }) {
            return (.registryLine(lineNumber), line.range.lowerBound..<(line.range.lowerBound + 1))
        }
        return nil
    }

    /// The install plan on the file's first architecture (amd64 when it declares it) and the newest
    /// Windows, as `explain` shows it.
    var plan: InstallPlan {
        let declared = document.declaredArchitectures
        let architecture = declared.first { $0 == .amd64 } ?? declared.first ?? .amd64
        let name = tree.source.path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "package.inf"
        return InstallPlan(document: document, target: TargetPlatform(architecture: architecture, version: .newest),
                           infName: name, graph: graph)
    }

    /// Where `symbol` is defined: a section's headers, a string key's lines in every strings section.
    func definitions(of symbol: INFSymbol) -> [Range<Int>] {
        switch symbol {
        case .section(let name):
            return document.section(named: name)?.headers.map { tree.sections[$0].header.nameRange } ?? []
        case .stringKey(let key):
            return document.sections.filter(\.isStrings).flatMap { section in
                section.lines.filter { $0.rawKey.map { CaseInsensitive.equal($0, key) } ?? false }
                    .compactMap { document.token(of: $0, field: 0)?.range }
            }
        case .dirid, .directive, .registryLine:
            return []
        }
    }

    /// Where `symbol` is used: the directive fields that name a section, every `%key%` of a string key.
    func references(to symbol: INFSymbol) -> [Range<Int>] {
        switch symbol {
        case .section(let name):
            return graph.links(to: name).compactMap { link in document.token(of: link.line, field: link.field)?.range }
        case .stringKey(let key):
            let needle = Array("%\(key)%".lowercased().utf16)
            let units = tree.source.text.units
            var result: [Range<Int>] = []
            for line in tree.lines where line.header == nil {
                for token in (line.key.map { [$0] } ?? []) + line.fields where token.range.count >= needle.count {
                    var index = token.range.lowerBound
                    while index + needle.count <= token.range.upperBound {
                        if units[index] == 0x25, (0..<needle.count).allSatisfy({ Self.lower(units[index + $0]) == needle[$0] }) {
                            result.append(index..<(index + needle.count))
                            index += needle.count
                        } else {
                            index += 1
                        }
                    }
                }
            }
            return result
        case .dirid, .directive, .registryLine:
            return []
        }
    }

    private static func lower(_ unit: UInt16) -> UInt16 { unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit }

    /// What hovering over `symbol` says (Markdown), if anything.
    func hover(_ symbol: INFSymbol) -> String? {
        switch symbol {
        case .dirid(let number):
            let name = checked.tree.source.path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map { String($0).lowercased() } ?? ""

            let table = DirectoryTable.native(infName: name.hasSuffix(".inf") ? name : "package.inf", architecture: "amd64")
            guard let path = table.path(for: number) else { return "DIRID \(number): not a directory Windows defines" }
            let note = number == 13 ? " — the driver store folder of this package, where isolated files run from" : ""
            return "DIRID \(number): `\(path)`\(note)"
        case .stringKey(let key):
            var lines: [String] = []
            for section in document.sections where section.isStrings {
                for line in section.lines where line.rawKey.map({ CaseInsensitive.equal($0, key) }) ?? false {
                    lines.append("[\(section.name)] line \(line.lineNumber): `\(line.rawField(1) ?? "")`")
                }
            }
            return lines.isEmpty ? "`%\(key)%` is defined in no [Strings] section" : "`%\(key)%`\n\n" + lines.map { "- \($0)" }.joined(separator: "\n")
        case .directive(let name):
            let schemas = [DirectiveKnowledge.installDirectives, DirectiveKnowledge.serviceDirectives, DirectiveKnowledge.versionDirectives,
                           DirectiveKnowledge.filterDirectives, DirectiveKnowledge.wdfServiceDirectives]
            guard let schema = schemas.lazy.compactMap({ $0[name.lowercased()] }).first else {
                guard let info = DirectiveTable.info(name) else { return nil }
                var text = "`\(info.name)`"
                switch info.sectionFields {
                case .all: text += info.isList ? ": every field names a section" : ": its field names a section"
                case .fields(let fields): text += ": field\(fields.count == 1 ? "" : "s") \(fields.map(String.init).joined(separator: ", ")) name\(fields.count == 1 ? "s" : "") a section"
                case .none: break
                }
                if let only = info.onlyIn { text += ". Only in a DDInstall.\(only) section" }
                return text + "."
            }
            var text = "`\(schema.name) = \(schema.fields.map(\.name).joined(separator: ", "))\(schema.list ? ", …" : "")`"
            if schema.required > 0 { text += "\n\nThe first \(schema.required) field\(schema.required == 1 ? " is" : "s are") required." }
            if let only = DirectiveTable.info(name)?.onlyIn { text += " Only in a DDInstall.\(only) section." }
            if schema.single { text += " Once per section." }
            return text
        case .registryLine(let line):
            let plan = self.plan
            var writes: [String] = []
            for device in plan.devices {
                for value in device.registry where value.line.syntaxIndex == line {
                    let name = value.valueName.map { $0.isEmpty ? "(Default)" : $0 } ?? "(the key)"
                    let entry = "`\(value.key)` \(value.operation == .addReg ? "←" : value.operation.rawValue) \(name) (HKR: \(value.context))"
                    if !writes.contains(entry) { writes.append(entry) }
                }
            }
            guard !writes.isEmpty else { return nil }
            return "On \(plan.target.architecture.rawValue), Windows \(plan.target.version), this line writes:\n\n" + writes.map { "- \($0)" }.joined(separator: "\n")
        case .section(let name):
            let roles = graph.roles(of: name)
            guard let section = document.section(named: name) else { return "[\(name)] does not exist in this file" }
            let uses = graph.links(to: name).map { "\($0.directive) in [\($0.from)] line \($0.line.lineNumber)" }
            var text = "[\(section.name)]: \(section.lines.count) line\(section.lines.count == 1 ? "" : "s")"
            if !roles.isEmpty { text += ", \(roles.map { "\($0)" }.sorted().joined(separator: ", "))" }
            if !uses.isEmpty { text += "\n\nused by:\n" + uses.map { "- \($0)" }.joined(separator: "\n") }
            return text
        }
    }

    /// The sections, each with the lines from its header to its last line (for symbols and folding).
    func outline() -> [(name: String, header: Range<Int>, nameRange: Range<Int>, lastLine: Int)] {
        tree.sections.map { node in
            let last = node.bodyLines.last(where: { tree.lines[$0].isEntry }) ?? node.headerLine
            return (node.header.name, tree.lines[node.headerLine].range, node.header.nameRange, last)
        }
    }

    /// A line of a section that leads to other sections, shown under the section in the outline:
    /// a manufacturer's Models sections, a device's install section, a directive's targets.
    struct OutlineStep {
        /// What the line is: the manufacturer, the device description or the directive.
        let name: String
        /// Where it leads (`→ [Install.NTamd64]`), and for a device its hardware IDs.
        let detail: String
        /// The kind of symbol: 2 (module) for a manufacturer, 12 (function) for a device, 7
        /// (property) for a directive.
        let kind: Int
        /// The line's text without its line end, and the part that names it.
        let range: Range<Int>
        let selection: Range<Int>
    }

    /// The lines that lead to other sections, by the index of their logical line: the structure the
    /// Models table and the section graph give (Manufacturer → Models → install section →
    /// CopyFiles, AddReg, AddService…).
    func outlineSteps() -> [Int: OutlineStep] {
        var steps: [Int: OutlineStep] = [:]
        func add(_ line: INFLine, name: String, targets: [String], kind: Int, extra: String = "") {
            let index = line.syntaxIndex
            guard steps[index] == nil, tree.lines.indices.contains(index) else { return }
            let logical = tree.lines[index]
            let tokens = (logical.key.map { [$0] } ?? []) + logical.fields
            guard let first = tokens.first, let last = tokens.last else { return }
            let end = max(last.range.upperBound, logical.comments.last?.upperBound ?? 0)
            let detail = (targets.isEmpty ? "" : "→ " + targets.map { "[\($0)]" }.joined(separator: ", ")) + extra
            steps[index] = OutlineStep(name: name, detail: detail, kind: kind,
                                       range: logical.range.lowerBound..<max(end, first.range.upperBound), selection: first.range)
        }
        for entry in document.manufacturers {
            let names = [entry.modelsSection] + entry.decorations.map { "\(entry.modelsSection).\($0.text)" }
            let existing = names.compactMap { document.section(named: $0)?.name }
            add(entry.line, name: entry.line.key ?? entry.modelsSection, targets: existing, kind: 2)
            for name in existing {
                for model in document.models(in: name) {
                    let ids = model.hardwareIDs.isEmpty ? "" : " (\(model.hardwareIDs.joined(separator: ", ")))"
                    add(model.line, name: model.description, targets: installVariants(of: model.installSection), kind: 12, extra: ids)
                }
            }
        }
        var targets: [Int: (directive: String, line: INFLine, to: [String])] = [:]
        var order: [Int] = []
        for link in graph.links {
            let index = link.line.syntaxIndex
            if targets[index] == nil {
                targets[index] = (link.directive, link.line, [])
                order.append(index)
            }
            targets[index]?.to.append(document.section(named: link.to)?.name ?? link.to)
        }
        for index in order {
            guard let target = targets[index] else { continue }
            add(target.line, name: target.directive, targets: target.to, kind: 7)
        }
        return steps
    }

    /// The sections a Models line's install section stands for: itself and its decorated variants.
    private func installVariants(of base: String) -> [String] {
        let folded = CaseInsensitive.fold(base)
        return document.sections.filter { section in
            section.foldedName == folded
                || (section.foldedName.hasPrefix(folded + ".") && graph.roles(of: section).contains(.deviceInstall))
        }.map(\.name)
    }

    /// What can be typed at `position`: a `%strkey%` after an open `%`; a section name in a directive
    /// field that names one; a directive valid in the section's kind at the start of a line.
    func completions(at position: LSPPosition) -> [(label: String, kind: Int)] {
        let unit = checked.unit(at: position)
        let units = tree.source.text.units
        let lineStart = tree.lineStarts[min(max(0, position.line), tree.lineStarts.count - 1)]
        let before = String(decoding: units[lineStart..<max(lineStart, min(unit, units.count))], as: UTF16.self)
        if before.hasPrefix("[") || before.contains(";") { return [] }
        let currentField = before.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? before
        if currentField.filter({ $0 == "%" }).count % 2 == 1 {
            var keys: [String] = []
            for section in document.sections where section.isStrings {
                for line in section.lines {
                    if let key = line.rawKey, !keys.contains(where: { CaseInsensitive.equal($0, key) }) { keys.append(key) }
                }
            }
            return keys.map { ($0, 21) }
        }
        // The section the line is in: the last header before it.
        let header = tree.sections.last { tree.lines[$0.headerLine].range.lowerBound <= lineStart }?.header.name ?? ""
        let folded = CaseInsensitive.fold(header)
        if folded == "strings" || folded.hasPrefix("strings.") { return [] }
        if let equals = before.firstIndex(of: "=") {
            let directive = String(before[..<equals]).trimmingCharacters(in: " \t")
            let field = before[before.index(after: equals)...].filter { $0 == "," }.count + 1
            guard let info = DirectiveTable.info(directive) else { return [] }
            switch info.sectionFields {
            case .all: break
            case .fields(let fields) where fields.contains(field): break
            default: return []
            }
            return document.sections.filter { !$0.isStrings }.map { ($0.name, 9) }
        }
        let suffix = folded.split(separator: ".").last.map(String.init) ?? ""
        return DirectiveTable.directives
            .filter { $0.onlyIn.map { CaseInsensitive.equal($0, suffix) } ?? true }
            .map { ($0.name, 14) }
    }
}

