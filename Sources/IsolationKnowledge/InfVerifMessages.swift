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
        // Cut by bytes: the placeholder is ASCII, so every cut falls between characters.
        let bytes = Array(template.utf8)
        let mark = Array(placeholder.utf8)
        var result: [String] = []
        var start = 0
        var index = 0
        while index + mark.count <= bytes.count {
            if bytes[index] == mark[0] && bytes[index..<index + mark.count].elementsEqual(mark) {
                result.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += mark.count
                start = index
            } else {
                index += 1
            }
        }
        result.append(String(decoding: bytes[start...], as: UTF8.self))
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
