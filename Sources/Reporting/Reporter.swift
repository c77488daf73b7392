/// Turns a whole report into the text of one output format.
///
/// Every reporter is a value that renders the complete report at once (formats such as SARIF and
/// the text summary need all results), returns text ending in a line break, and writes the same
/// text for the same report.
public protocol Reporter: Sendable {
    /// The full output for `report`.
    func render(_ report: Report) -> String

    /// Hands the output for `report` to `output` piece by piece, so a large report need not be held
    /// as one text; the pieces joined are exactly `render(report)`.
    func write(_ report: Report, to output: (String) -> Void)

    /// Hands the output for `report` to `output` as UTF-8 bytes, piece by piece: the same output as
    /// ``write(_:to:)``, for writers that send bytes on without reading them as text.
    func writeUTF8(_ report: Report, to output: ([UInt8]) -> Void)
}

extension Reporter {
    public func write(_ report: Report, to output: (String) -> Void) {
        output(render(report))
    }

    public func writeUTF8(_ report: Report, to output: ([UInt8]) -> Void) {
        write(report) { output(Array($0.utf8)) }
    }
}
