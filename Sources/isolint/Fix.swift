import ArgumentParser

/// `isolint fix`: the same as `isolint check --fix`.
struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Port INF files to isolation: apply the fixes that findings offer.",
        // The options are check's, gathered as a group: the generated usage would name both commands.
        usage: "isolint fix [<options>] [<paths> ...]",
        discussion: """
        Applies safe fixes (add --unsafe-fixes for the others), writing each file atomically in its \
        own encoding and line-ending style, then reports what remains. A file SetupAPI cannot open is \
        never touched.

        Examples:
          isolint fix driver/                      apply safe fixes
          isolint fix --unsafe-fixes --diff x.inf  show every fix as a diff, write nothing
          isolint fix --unsafe-fixes --backup x.inf
        """
    )

    @OptionGroup var arguments: CheckArguments

    func run() throws {
        var arguments = self.arguments
        arguments.fix = true
        try FixRunner(arguments: arguments).run()
    }
}
