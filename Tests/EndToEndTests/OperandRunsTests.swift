import Testing
@testable import isolint

/// Long operand lists are carried past the argument parser and come back in their places.
@Suite("Operand runs")
struct OperandRunsTests {
    /// `arguments` parsed as the command line parses them: shortened, parsed, restored.
    static func parsedThroughRuns(_ arguments: [String]) throws -> (operands: [String], held: Int) {
        var runs = OperandRuns()
        let shortened = runs.shorten(arguments)
        let command = try Isolint.parseAsRoot(shortened)
        let holder = try #require(command as? any OperandHolding)
        return (runs.restore(holder.operands), runs.held.count)
    }

    /// `arguments` parsed directly.
    static func parsedDirectly(_ arguments: [String]) throws -> [String] {
        try #require(Isolint.parseAsRoot(arguments) as? any OperandHolding).operands
    }

    @Test("A run keeps its first two arguments and a placeholder for the rest")
    func shortensRuns() {
        var runs = OperandRuns()
        let shortened = runs.shorten(["check", "a", "b", "c", "d", "e", "--mode", "w", "f", "g"])
        #expect(shortened == ["check", "a", "b", OperandRuns.placeholderPrefix + "0", "--mode", "w", "f", "g"])
        #expect(runs.held == [["c", "d", "e"]])
        #expect(runs.restore(["a", "b", OperandRuns.placeholderPrefix + "0", "f", "g"]) == ["a", "b", "c", "d", "e", "f", "g"])
    }

    @Test("Other commands and short runs pass unchanged")
    func leavesOthers() {
        var runs = OperandRuns()
        #expect(runs.shorten(["explain", "a", "b", "c", "d"]) == ["explain", "a", "b", "c", "d"])
        #expect(runs.shorten(["check", "a", "--ignore", "x", "b", "c"]) == ["check", "a", "--ignore", "x", "b", "c"])
        #expect(runs.held.isEmpty)
    }

    @Test("check, fix and dump get every operand back in order, with options, their values and -- among them",
          arguments: [
              ["check"] + (1...40).map { "p\($0).inf" } + ["--select", "hkr", "q1", "q2", "q3", "q4", "--mode", "w"]
                  + (1...30).map { "r\($0)" } + ["--", "-dash", "s1", "s2", "--", "s3"],
              ["fix", "--diff"] + (1...25).map { "a\($0)" } + ["--ignore", "unused-section"] + (1...5).map { "b\($0)" },
              ["dump", "--locale", "0407"] + (1...50).map { "d\($0).inf" },
              ["check", "--output-format", "json", "same", "same", "same", "same", "same", "--mode", "h"],
          ])
    func restoresOperands(arguments: [String]) throws {
        let (operands, held) = try Self.parsedThroughRuns(arguments)
        #expect(held > 0)
        #expect(operands == (try Self.parsedDirectly(arguments)))
    }
}
