import ArgumentParser

/// Long lists of operands (`isolint check $(find . -name '*.inf')`) carried past the argument
/// parser, whose work grows with the square of the number of positional values it collects
/// (thousands of paths took seconds before a single file was read).
///
/// Every option takes at most one value, so in a run of consecutive arguments that do not start
/// with `-` every argument after the first is an operand (the first may be an option's value), and
/// after `--` every argument is one. A longer run keeps its first two arguments and a placeholder
/// for the rest, which the parsed command gets back in their place.
struct OperandRuns {
    /// The subcommands whose operands are paths.
    static let commands: Set<String> = ["check", "fix", "dump"]
    /// How a placeholder starts: with a NUL, which no command-line argument can hold.
    static let placeholderPrefix = "\u{0}operands "

    /// The operands each placeholder stands for, by its number.
    private(set) var held: [[String]] = []

    /// `arguments` with each run of more than three operands cut to its first two and a placeholder.
    mutating func shorten(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, Self.commands.contains(command) else { return arguments }
        var result = [command]
        var index = 1
        var afterTerminator = false
        while index < arguments.count {
            let argument = arguments[index]
            guard afterTerminator || !argument.hasPrefix("-") else {
                result.append(argument)
                afterTerminator = argument == "--"
                index += 1
                continue
            }
            var end = index + 1
            while end < arguments.count, afterTerminator || !arguments[end].hasPrefix("-") { end += 1 }
            if end - index > 3 {
                result += arguments[index..<index + 2]
                result.append(Self.placeholderPrefix + String(held.count))
                held.append(Array(arguments[index + 2..<end]))
            } else {
                result += arguments[index..<end]
            }
            index = end
        }
        return result
    }

    /// `operands` as parsed, each placeholder replaced by the operands it stands for.
    func restore(_ operands: [String]) -> [String] {
        guard !held.isEmpty else { return operands }
        var result: [String] = []
        result.reserveCapacity(operands.count + held.reduce(0) { $0 + $1.count })
        for operand in operands {
            if operand.hasPrefix(Self.placeholderPrefix), let number = Int(operand.dropFirst(Self.placeholderPrefix.count)),
               held.indices.contains(number) {
                result += held[number]
            } else {
                result.append(operand)
            }
        }
        return result
    }
}

/// A command whose operands are a list of paths, which ``OperandRuns`` may have shortened.
protocol OperandHolding: ParsableCommand {
    var operands: [String] { get set }
}

extension Check: OperandHolding {
    var operands: [String] {
        get { arguments.paths }
        set { arguments.paths = newValue }
    }
}

extension Fix: OperandHolding {
    var operands: [String] {
        get { arguments.paths }
        set { arguments.paths = newValue }
    }
}

extension Dump: OperandHolding {
    var operands: [String] {
        get { files }
        set { files = newValue }
    }
}
