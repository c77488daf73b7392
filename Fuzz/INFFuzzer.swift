import DriverPackage
import INFModel
import INFSyntax

/// libFuzzer entry: parse any bytes as an INF, print the tree back, build the model, the section
/// graph and the install plan of every architecture, and render the infdump document.
@_cdecl("LLVMFuzzerTestOneInput")
public func infFuzzTest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let tree = INFParser.parse(bytes: bytes, path: "fuzz.inf")
    // The tree is lossless: printing it must give back the input.
    if tree.print() != bytes { fatalError("print(tree) differs from the input") }
    let document = INFDocument(tree: tree, options: ModelOptions(stampArchitecture: "amd64"))
    _ = document.openError()
    _ = InfDump.render(document)
    let graph = SectionGraph(document: document)
    _ = graph.installSectionNames
    for architecture in Architecture.allCases {
        _ = InstallPlan(document: document, target: TargetPlatform(architecture: architecture, version: .newest), infName: "fuzz.inf")
        _ = document.deviceInstalls(architectures: [architecture])
    }
    return 0
}
