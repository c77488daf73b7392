import INFModel

/// A raw field that holds a `%`, with what substitution makes of it.
public struct PercentField: Sendable {
    public let section: INFSection
    public let line: INFLine
    /// The field's 1-based index.
    public let field: Int
    /// The field before substitution.
    public let raw: String
    /// The field as text and DIRID pieces (``Substituter/pieces(_:)``).
    public let pieces: [ValuePiece]
}

private enum PercentFieldsKey: RuleContextKey {
    typealias Value = [PercentField]
}

extension RuleContext {
    /// Every raw field (keys aside) that holds a `%`, in the order of the file's sections and their
    /// lines, with its pieces: the rules about DIRIDs and string keys read this list, built once per
    /// file, instead of each scanning every field.
    public var percentFields: [PercentField] {
        shared(PercentFieldsKey.self) {
            var result: [PercentField] = []
            let substituter = document.substituter
            for section in document.sections {
                for line in section.lines where line.rawHasPercent {
                    for (index, raw) in line.rawFields.enumerated() where raw.containsByte(0x25) {
                        result.append(PercentField(section: section, line: line, field: index + 1, raw: raw,
                                                   pieces: substituter.pieces(raw)))
                    }
                }
            }
            return result
        }
    }
}
