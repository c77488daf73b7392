import DriverPackage
import Foundation
import INFModel
import INFSyntax
import Isolation
import Reporting

/// `isolint explain PATH`: the install plan of each INF under a path.
struct ExplainPlan {
    let path: String
    let outputFormat: String
    let os: String?
    let arch: String?

    func run() throws -> String {
        let (files, _) = Discovery.find([path])
        var output = ""
        var installedNames = Set<String>()
        var packageRoots = Set<String>()
        var reports: [InstallPlanReport] = []
        for file in files {
            let source = try SourceFile.read(path: file.path)
            let tree = INFParser.parse(source)
            let stamp = tree.source.text.units.contains(0x24) ? (arch ?? "amd64") : nil
            let document = INFDocument(tree: tree, options: ModelOptions(stampArchitecture: stamp))
            let architecture = try target(for: document)
            let plan = InstallPlan(document: document, target: architecture,
                                   infName: URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent + ".inf")
            let findings = Checker(options: CheckOptions(architectures: [architecture.architecture], targetVersion: architecture.version))
                .check(tree: tree, displayPath: file.displayPath)
            for architecture in Architecture.allCases {
                for entry in document.sourceDiskFiles(for: architecture) { installedNames.insert(entry.name.lowercased()) }
            }
            packageRoots.insert(file.packageRoot)
            let report = InstallPlanReport(file: file.displayPath, plan: plan, findings: findings)
            reports.append(report)
            if outputFormat != "html" { output += outputFormat == "json" ? report.json() : report.text() + "\n" }
        }
        // Files of a package folder that no INF of the folder names.
        var uninstalled: [String] = []
        for root in packageRoots.sorted() {
            let contents = PackageContents(root: root)
            for (lower, relative) in contents.files.sorted(by: { $0.key < $1.key }) {
                let name = (relative as NSString).lastPathComponent.lowercased()
                if Discovery.isINF(name) || name.hasSuffix(".cat") || name.hasSuffix(".orig") || installedNames.contains(name) { continue }
                _ = lower
                uninstalled.append(relative)
            }
        }
        if outputFormat == "html" { return InstallPlanReport.html(reports, uninstalledFiles: uninstalled) }
        if !uninstalled.isEmpty {
            if outputFormat == "json" {
                var writer = JSONWriter()
                writer.beginObject()
                writer.strings(uninstalled, key: "uninstalled_files")
                writer.endObject()
                output += writer.output + "\n"
            } else {
                output += "Files in the package that no INF installs:\n" + uninstalled.map { "  \($0)\n" }.joined()
            }
        }
        return output
    }

    /// The architecture and Windows version to evaluate: the options, or the INF's first declared
    /// architecture on the newest Windows.
    func target(for document: INFDocument) throws -> TargetPlatform {
        var architecture = document.declaredArchitectures.first(where: { $0 == .amd64 }) ?? document.declaredArchitectures.first ?? .amd64
        var version = WindowsVersion.newest
        if let arch {
            guard let value = Architecture(name: arch) else { throw ExplainError("--arch must be one of x86, amd64, arm, arm64, ia64") }
            architecture = value
        }
        if let os {
            if let decoration = PlatformDecoration(parsing: os), decoration.major != nil {
                version = decoration.minimumVersion
                if let decorated = decoration.architecture, arch == nil { architecture = decorated }
            } else if let parsed = WindowsVersion(parsing: os) {
                version = parsed
            } else {
                throw ExplainError("--os takes a Windows version such as 10.0.17763 or NTamd64.10.0...17763")
            }
        }
        return TargetPlatform(architecture: architecture, version: version)
    }
}

struct ExplainError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
