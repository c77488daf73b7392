/// Suggestions for mistyped rule names.
public enum RuleNames {
    /// The rule name closest to `text` by edit distance, when close enough to be a typo.
    public static func nearest(to text: String) -> String? {
        let names = RuleCatalog.descriptions.map(\.name)
        let scored = names.map { ($0, distance(Array(text), Array($0))) }.min { $0.1 < $1.1 }
        guard let (name, score) = scored, score <= max(2, text.count / 3) else { return nil }
        return name
    }

    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
