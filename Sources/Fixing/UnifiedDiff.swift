/// A unified diff of two files, line by line, with three lines of context. Lines are compared and
/// written as the bytes they are: a line ends at LF, and a CR before it stays part of the line, so
/// that `git apply` and `patch` apply the diff of a CR LF file; a last line without a line end is
/// followed by `\ No newline at end of file`, as diff writes it.
public enum UnifiedDiff {
    /// The diff of the bytes `old` and `new`, with `path` in the `---`/`+++` headers; empty when
    /// they are equal.
    public static func render(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> [UInt8] {
        let a = lines(old), b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return [] }
        var output = Array("--- a/\(path)\n+++ b/\(path)\n".utf8)
        func append(_ mark: UInt8, _ line: Line) {
            output.append(mark)
            output += line.bytes
            output.append(0x0A)
            if !line.ended { output += Array("\\ No newline at end of file\n".utf8) }
        }
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
            output += Array("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n".utf8)
            for step in hunk {
                switch step.kind {
                case .same: append(0x20, a[step.oldIndex])
                case .delete: append(0x2D, a[step.oldIndex])
                case .insert: append(0x2B, b[step.newIndex])
                }
            }
            index = end
        }
        return output
    }

    /// The diff of two texts, as their UTF-8 bytes (for text decoded from another encoding).
    public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        String(decoding: render(old: Array(old.utf8), new: Array(new.utf8), path: path, context: context), as: UTF8.self)
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        let first = count == 0 ? start : start + 1
        return count == 1 ? "\(first)" : "\(first),\(count)"
    }

    /// A line: its bytes without the LF (a CR before it kept), and whether an LF ended it.
    struct Line: Equatable {
        let bytes: ArraySlice<UInt8>
        let ended: Bool
    }

    /// The lines of `bytes`, split at LF.
    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            result.append(Line(bytes: bytes[start..<index], ended: true))
            start = index + 1
        }
        if start < bytes.count { result.append(Line(bytes: bytes[start...], ended: false)) }
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
    static func editScript(_ a: [Line], _ b: [Line]) -> [Step] {
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

    private static func myers(_ a: [Line], _ b: [Line]) -> [Step] {
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
