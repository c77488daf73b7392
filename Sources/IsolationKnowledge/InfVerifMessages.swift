/// InfVerif's own wording of each code, for output that reads like InfVerif's.
///
/// A template holds `<value>` wherever InfVerif substitutes something from the INF (a section name,
/// a path, a key); a message is whole only when every placeholder gets a value.
public enum InfVerifMessages {
    /// The mark in a template that InfVerif replaces with a value.
    public static let placeholder = "<value>"

    /// InfVerif's message template for `code`, if its table lists the code.
    public static func template(for code: Int) -> String? {
        templates[code]
    }

    /// How many values the template of `code` takes (0 for a code InfVerif's table does not list).
    public static func valueCount(for code: Int) -> Int {
        pieces[code].map { $0.count - 1 } ?? 0
    }

    /// Each template cut at its placeholders, once.
    private static let pieces: [Int: [String]] = templates.mapValues { template in
        var result: [String] = []
        var rest = Substring(template)
        while let range = rest.firstRange(of: placeholder) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }

    /// InfVerif's message for `code` with `values` substituted in order; `nil` when the table does
    /// not list the code or the number of values is not the number of placeholders.
    public static func message(code: Int, values: [String]) -> String? {
        guard let pieces = pieces[code], pieces.count == values.count + 1 else { return nil }
        var message = pieces[0]
        for (value, piece) in zip(values, pieces.dropFirst()) {
            message += value
            message += piece
        }
        return message
    }
}
