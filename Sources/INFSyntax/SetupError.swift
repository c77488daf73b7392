/// The Win32 error codes SetupAPI reports when it opens an INF file.
public enum SetupErrorCode: UInt32, Sendable, Hashable, CaseIterable {
    case success = 0
    case fileNotFound = 2
    case notEnoughMemory = 8
    case fileInvalid = 1006
    case expectedSectionName = 0xE000_0000
    case badSectionNameLine = 0xE000_0001
    case sectionNameTooLong = 0xE000_0002
    case generalSyntax = 0xE000_0003
    case wrongInfStyle = 0xE000_0100

    /// The symbolic name, as in `winerror.h` and `setupapi.h`.
    public var name: String {
        switch self {
        case .success: return "ERROR_SUCCESS"
        case .fileNotFound: return "ERROR_FILE_NOT_FOUND"
        case .notEnoughMemory: return "ERROR_NOT_ENOUGH_MEMORY"
        case .fileInvalid: return "ERROR_FILE_INVALID"
        case .expectedSectionName: return "ERROR_EXPECTED_SECTION_NAME"
        case .badSectionNameLine: return "ERROR_BAD_SECTION_NAME_LINE"
        case .sectionNameTooLong: return "ERROR_SECTION_NAME_TOO_LONG"
        case .generalSyntax: return "ERROR_GENERAL_SYNTAX"
        case .wrongInfStyle: return "ERROR_WRONG_INF_STYLE"
        }
    }
}

/// Why SetupAPI would refuse to open a file, with the file and the physical line it blames.
public struct SetupOpenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The SetupAPI error.
    public let code: SetupErrorCode
    /// The file, as its path was given.
    public let file: String
    /// The 1-based physical line SetupAPI blames; `nil` when it names none, 0 for the whole file.
    public let line: Int?
    /// A sentence for people.
    public let message: String

    public init(code: SetupErrorCode, file: String, line: Int?, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file):\(line ?? 0): \(code.name): \(message)"
    }
}
