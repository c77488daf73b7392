import Foundation

/// InfVerif's own spellings on the `check` command line (`isolint check /w /samples driver.inf`),
/// translated to Isolint's options so that a build script's InfVerif call can be swapped for Isolint.
///
/// Only exact switch names are translated, in any case; an argument that names an existing file or
/// folder (`/w` as a path) stays a path. A command line with one of InfVerif's switches prints in
/// InfVerif's format unless it names another with `--output-format`.
enum InfVerifSwitches {
    /// Switches without a value and the options they become (`[]`: accepted, nothing to do).
    static let flags: [String: [String]] = [
        "/w": ["--mode", "w"], "/h": ["--mode", "h"], "/u": ["--mode", "u"], "/k": ["--mode", "k"],
        "/samples": ["--samples"], "/msft": ["--msft"],
        // `$ARCH$` is always accepted.
        "/stampinf": [], "/v": ["--verbose"],
    ]

    /// Switches that take a value and the option the value goes to.
    static let withValue: [String: String] = ["/provider": "--provider", "/osver": "--os", "/rulever": "--rule-version"]

    /// `arguments` (after the program name) with InfVerif's switches of a `check` translated.
    static func translate(_ arguments: [String], exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> [String] {
        guard arguments.first == "check" else { return arguments }
        var result = ["check"]
        var translated = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            let folded = argument.lowercased()
            if argument == "--" {
                result += arguments[index...]
                break
            }
            // The tables are read first: a file system query for every path is what costs.
            if let options = flags[folded], !exists(argument) {
                result += options
                translated = true
            } else if let option = withValue[folded], index + 1 < arguments.count, !exists(argument) {
                result += [option, arguments[index + 1]]
                translated = true
                index += 1
            } else {
                result.append(argument)
            }
            index += 1
        }
        let namesFormat = arguments.contains { $0 == "--output-format" || $0.hasPrefix("--output-format=") }
        if translated && !namesFormat {
            let end = result.firstIndex(of: "--") ?? result.endIndex
            result.insert(contentsOf: ["--output-format", "infverif"], at: end)
        }
        return result
    }
}
