/// Upper bounds on what is read from one file, so that a hostile or broken file costs bounded time and memory.
///
/// When a limit is reached, reading stops there and a ``PEWarning`` says so.
public struct PEReadLimits: Sendable, Hashable {
    /// A counted thing that has a limit.
    public enum Limit: String, Sendable, Hashable, CustomStringConvertible {
        /// Descriptors in one import or delay-load import directory.
        case importLibraries
        /// Entries in one library's import lookup (or name) table.
        case functionsPerLibrary
        /// Imported functions in all libraries of the file together.
        case importedFunctions
        /// Warnings kept for one file.
        case warnings

        public var description: String {
            switch self {
            case .importLibraries: return "imported libraries in one directory"
            case .functionsPerLibrary: return "functions imported from one library"
            case .importedFunctions: return "imported functions in all"
            case .warnings: return "warnings"
            }
        }
    }

    /// Descriptors read from each import directory (and from the delay-load directory).
    public var maxImportLibraries: Int
    /// Entries read from one library's lookup table.
    public var maxFunctionsPerLibrary: Int
    /// Imported functions read from the whole file.
    public var maxImportedFunctions: Int
    /// Bytes in a library or function name, not counting its NUL.
    public var maxNameLength: Int
    /// Warnings kept; one more says that the rest were dropped.
    public var maxWarnings: Int

    /// Limits far above what real drivers and libraries need.
    public init(
        maxImportLibraries: Int = 1024,
        maxFunctionsPerLibrary: Int = 16384,
        maxImportedFunctions: Int = 32768,
        maxNameLength: Int = 1024,
        maxWarnings: Int = 100
    ) {
        self.maxImportLibraries = maxImportLibraries
        self.maxFunctionsPerLibrary = maxFunctionsPerLibrary
        self.maxImportedFunctions = maxImportedFunctions
        self.maxNameLength = maxNameLength
        self.maxWarnings = maxWarnings
    }
}
