import Findings
import INFModel
import IsolationEngine

/// Whether `text` holds nothing but white space, no-break spaces and the `Â` that a UTF-8 no-break space
/// reads as in an ANSI file.
func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{00C2}" }
}

/// Whether a field still holds an unresolved `%strkey%` or a template token, so its value is not known.
func isUnresolved(_ value: String) -> Bool {
    value.containsByte(0x25) || value.containsByte(0x24)
}

extension RuleContext {
    /// The range of field `index` of `line`, or of its key when the field is empty (an empty field has no text to point at).
    func rangeOfValue(_ line: INFLine, field index: Int) -> Range<Int> {
        guard let token = document.token(of: line, field: index), !token.range.isEmpty,
              !(line.rawField(index) ?? "").trimmingCharacters(in: " \t").isEmpty else { return range(of: line, field: 0) }
        return token.range
    }
}
