/// Wildcards in the paths a user gives (`driver\*.inf`, `pkg/*/x?.inf`), expanded by Isolint itself:
/// Windows' shells pass them on unexpanded, and a quoted pattern reaches Isolint unexpanded anywhere.
///
/// `*` matches any run of characters in one name and `?` one character; a wildcard may stand in any
/// name of the path, but never matches a separator. Names starting with `.` match only a pattern that
/// starts with `.`. On Windows names match whatever their case.
public enum PathPattern {
    /// Whether `path` holds a wildcard.
    public static func hasWildcard(_ path: String) -> Bool {
        path.utf8.contains(UInt8(ascii: "*")) || path.utf8.contains(UInt8(ascii: "?"))
    }

    /// The existing files and folders `pattern` matches, sorted; none when nothing matches.
    public static func expand(_ pattern: String, syntax: PathSyntax = .host) -> [String] {
        // The part before the first name holding a wildcard is taken as written (root, drive, share).
        var start = pattern.startIndex
        var index = pattern.startIndex
        var base = ""
        var found = false
        while index <= pattern.endIndex {
            let atEnd = index == pattern.endIndex
            if atEnd || syntax.isSeparator(pattern[index]) {
                if hasWildcard(String(pattern[start..<index])) {
                    base = String(pattern[..<start])
                    found = true
                    break
                }
                if atEnd { break }
                start = pattern.index(after: index)
            }
            index = pattern.index(after: index)
        }
        guard found else { return [] }
        let names = syntax.components(String(pattern[start...]))
        var paths = [base]
        for name in names {
            var next: [String] = []
            for folder in paths {
                if !hasWildcard(String(name)) {
                    next.append(folder + name)
                    continue
                }
                let listed = folder.isEmpty ? Array(".".utf8) : Array(folder.utf8)
                guard case .success(let entries) = FileSystem.names(in: listed) else { continue }
                for entry in entries {
                    let text = String(decoding: entry, as: UTF8.self)
                    if text.hasPrefix(".") && !name.hasPrefix(".") { continue }
                    if matches(text, name, ignoresCase: syntax.ignoresCase) { next.append(folder + text) }
                }
            }
            paths = next.map { $0 + String(syntax.preferredSeparator) }
        }
        return paths.map { String($0.dropLast()) }
            .filter { (try? FileSystem.kind(of: Array($0.utf8), followingLinks: true).get()) != nil }
            .sorted()
    }

    /// Whether `name` matches `pattern` (`*` any run of characters, `?` one character).
    public static func matches<P: StringProtocol>(_ name: String, _ pattern: P, ignoresCase: Bool) -> Bool {
        let text = Array(ignoresCase ? name.lowercased() : name)
        let wanted = Array(ignoresCase ? pattern.lowercased() : String(pattern))
        // Iterative matching with one backtrack point for the last `*`.
        var t = 0, p = 0
        var star: Int? = nil, resume = 0
        while t < text.count {
            if p < wanted.count && (wanted[p] == "?" || wanted[p] == text[t]) {
                t += 1
                p += 1
            } else if p < wanted.count && wanted[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let s = star {
                p = s + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < wanted.count && wanted[p] == "*" { p += 1 }
        return p == wanted.count
    }
}
