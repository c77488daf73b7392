import IsolationEngine
import Testing

/// Where a failing example is reported: at the example in its rule's source file.
private func location(filePath: String, line: Int) -> SourceLocation {
    let name = filePath.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? filePath
    return SourceLocation(fileID: "IsolationRules/" + name, filePath: filePath, line: line, column: 1)
}

extension RuleExample {
    /// The example's place in its rule's source, for `#expect(…, sourceLocation:)`.
    public var sourceLocation: SourceLocation { location(filePath: filePath, line: line) }
}

extension FixExample {
    /// The example's place in its rule's source, for `#expect(…, sourceLocation:)`.
    public var sourceLocation: SourceLocation { location(filePath: filePath, line: line) }
}

extension BinaryExample {
    /// The example's place in its rule's source, for `#expect(…, sourceLocation:)`.
    public var sourceLocation: SourceLocation { location(filePath: filePath, line: line) }
}
