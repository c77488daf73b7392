import Foundation

/// Programs the tests run: the built `isolint` and Python, found the same way on every system.
public enum Programs {
    /// The suffix executables carry on this system (`.exe` on Windows).
    public static var executableSuffix: String {
        #if os(Windows)
        return ".exe"
        #else
        return ""
        #endif
    }

    /// The built `isolint` executable: beside the test bundle, or in the package's debug or release
    /// build folder.
    public static var isolint: URL? {
        let name = "isolint" + executableSuffix
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        for configuration in ["debug", "release"] {
            let candidate = SharedData.packageRoot.appendingPathComponent(".build").appendingPathComponent(configuration)
                .appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Python 3 on the search path (`python3`, or `python` as Windows installs it), or `nil`.
    public static var python: URL? { onSearchPath("python3", "python") }

    /// Git on the search path, or `nil`.
    public static var git: URL? { onSearchPath("git") }

    /// The first of `names` (with the system's executable suffix) found on the search path.
    public static func onSearchPath(_ names: String...) -> URL? {
        let names = names.map { $0 + executableSuffix }
        #if os(Windows)
        let separator: Character = ";"
        let pathVariable = ProcessInfo.processInfo.environment["Path"] ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        #else
        let separator: Character = ":"
        let pathVariable = ProcessInfo.processInfo.environment["PATH"] ?? ""
        #endif
        for name in names {
            for folder in pathVariable.split(separator: separator) where !folder.isEmpty {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Python was not found on the search path.
    public struct PythonMissing: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "python3 is not on the search path" }
    }

    /// A process that runs Python with `arguments`.
    public static func pythonProcess(_ arguments: [String]) throws -> Process {
        guard let python else { throw PythonMissing() }
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        return process
    }

    /// Runs `program` with `arguments` in `directory` (standard input from `input`, standard error
    /// discarded) and returns its standard output, as bytes, and its exit status.
    public static func run(_ program: URL, _ arguments: [String], in directory: URL, input: URL? = nil) throws -> (output: [UInt8], status: Int32) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (Array(data), process.terminationStatus)
    }
}
