import DriverPackage
import INFModel
import INFSyntax

/// libFuzzer entry for the parser and the model alone, fast enough for thousands of inputs a second:
/// parse any bytes as an INF, print the tree back, build the model (strings substituted, fields cut
/// at SetupAPI's limit), open it as SetupAPI would, render the infdump document, and build the
/// section graph and the install plan of one architecture.
@_cdecl("LLVMFuzzerTestOneInput")
public func modelFuzzTest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let tree = INFParser.parse(bytes: bytes, path: "fuzz.inf")
    // The tree is lossless: printing it must give back the input.
    if tree.print() != bytes { fatalError("print(tree) differs from the input") }
    let document = INFDocument(tree: tree, options: ModelOptions(stampArchitecture: "amd64"))
    _ = document.openError()
    _ = InfDump.render(document)
    // Every field the model holds is within SetupAPI's limit.
    for section in document.sections {
        for line in section.lines where line.fields.contains(where: { $0.utf16.count > SetupLimits.maximumStringLength * 2 }) {
            fatalError("a field of \(line.fields.map(\.utf16.count).max() ?? 0) code units passed the limit")
        }
    }
    let graph = SectionGraph(document: document)
    _ = graph.installSectionNames
    _ = InstallPlan(document: document, target: TargetPlatform(architecture: .amd64, version: .newest), infName: "fuzz.inf", graph: graph)
    return 0
}
