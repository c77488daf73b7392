/// A unified diff of two texts, line by line, with three lines of context.
public enum UnifiedDiff {
    /// The diff of `old` and `new`, with `path` in the `---`/`+++` headers; empty when they are equal.
    public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < script.count {
            guard script[index].kind != .same else { index += 1; continue }
            // A hunk: from `context` lines before this change to `context` lines after the last change
            // that is at most 2 × context lines away.
            let start = max(0, index - context)
            var end = index
            var last = index
            while end < script.count {
                if script[end].kind != .same { last = end }
                if end - last > 2 * context { break }
                end += 1
            }
            end = min(script.count, last + context + 1)
            let hunk = script[start..<end]
            let oldStart = hunk.first.map { $0.oldIndex } ?? 0
            let newStart = hunk.first.map { $0.newIndex } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for step in hunk {
                switch step.kind {
                case .same: output += " " + a[step.oldIndex] + "\n"
                case .delete: output += "-" + a[step.oldIndex] + "\n"
                case .insert: output += "+" + b[step.newIndex] + "\n"
                }
            }
            index = end
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        let first = count == 0 ? start : start + 1
        return count == 1 ? "\(first)" : "\(first),\(count)"
    }

    /// The lines of a text without their line ends (a CR before LF is dropped too).
    static func lines(_ text: String) -> [String] {
        // Split on the scalar LF: as Characters, CR LF is one grapheme that "\n" would not match.
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if current.last == "\r" { current.removeLast() }
                result.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    struct Step {
        enum Kind { case same, delete, insert }
        let kind: Kind
        /// The index in the old lines (for `.insert`, where the line goes).
        let oldIndex: Int
        /// The index in the new lines (for `.delete`, where the line was).
        let newIndex: Int
    }

    /// The shortest edit script between `a` and `b` (Myers' O(ND) algorithm), with common prefix and
    /// suffix taken off first so that its cost depends on the size of the change.
    static func editScript(_ a: [String], _ b: [String]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var steps = (0..<prefix).map { Step(kind: .same, oldIndex: $0, newIndex: $0) }
        for step in myers(x, y) {
            steps.append(Step(kind: step.kind, oldIndex: step.oldIndex + prefix, newIndex: step.newIndex + prefix))
        }
        for k in 0..<suffix {
            steps.append(Step(kind: .same, oldIndex: a.count - suffix + k, newIndex: b.count - suffix + k))
        }
        return steps
    }

    private static func myers(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { Step(kind: .insert, oldIndex: 0, newIndex: $0) } }
        if m == 0 { return (0..<n).map { Step(kind: .delete, oldIndex: $0, newIndex: 0) } }
        let maximum = n + m
        var v = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...maximum {
            trace.append(Array(v[(maximum - d)...(maximum + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[maximum + k - 1] < v[maximum + k + 1]) {
                    x = v[maximum + k + 1]
                } else {
                    x = v[maximum + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[maximum + k] = x
                if x >= n && y >= m { found = true; break }
            }
            if found { break }
        }
        // Walk back through the saved frontiers (each saved before its step, offset by d).
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let frontier = trace[d]
            func value(_ k: Int) -> Int { frontier[k + d] }
            let k = x - y
            let previousK: Int
            if d == 0 {
                while x > 0, y > 0 { x -= 1; y -= 1; steps.append(Step(kind: .same, oldIndex: x, newIndex: y)) }
                break
            }
            if k == -d || (k != d && value(k - 1) < value(k + 1)) { previousK = k + 1 } else { previousK = k - 1 }
            let previousX = value(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY { x -= 1; y -= 1; steps.append(Step(kind: .same, oldIndex: x, newIndex: y)) }
            if x == previousX {
                y -= 1
                steps.append(Step(kind: .insert, oldIndex: x, newIndex: y))
            } else {
                x -= 1
                steps.append(Step(kind: .delete, oldIndex: x, newIndex: y))
            }
        }
        return steps.reversed()
    }
}
