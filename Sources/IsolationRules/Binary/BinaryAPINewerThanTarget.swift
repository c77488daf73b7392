import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// A package binary imports a state API that a Windows version the INF installs it on does not have.
public struct BinaryAPINewerThanTarget: BinaryRule {
    public static let description = RuleDescription(
        name: "binary-api-newer-than-target", codes: [],
        title: "A binary imports a state API newer than the Windows versions it installs on",
        why: "An imported function that Windows does not export stops the binary from loading at all; the isolation APIs are recent (IoOpenDriverRegistryKey and IoGetDriverDirectory came with Windows 10 version 1803, GetServiceRegistryStateKey with 2004), while an undecorated Models section installs on every older version.",
        fix: "Look the function up at run time (MmGetSystemRoutineAddress in a kernel driver, GetProcAddress in user mode) and fall back when it is missing, or keep the package off older versions by decorating the Manufacturer line and Models section with NT<arch>.10.0...<build>.",
        levels: levels("W W W W"), fixable: false, group: .binaries)

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isodrv.sys"], decoration: "NTamd64"), fixture: "isodrv-x64.sys", path: "isodrv.sys",
            reports: [.init("IoOpenDriverRegistryKey", .warning)]),
        BinaryExample(
            inf: ExampleINF.installing(["isoclean.sys"], decoration: "NTamd64.10.0...17134"), fixture: "isoclean-x64.sys",
            path: "isoclean.sys", reports: [.init("RtlQueryRegistryValueWithFallback", .warning)]),
        BinaryExample(
            inf: ExampleINF.installing(["isoopen.dll"], decoration: "NTamd64.10.0...17763"), fixture: "isoopen-x64.dll",
            path: "isoopen.dll", reports: [.init("GetServiceDirectory", .warning)]),
        BinaryExample(
            inf: ExampleINF.installing(["isodrv.sys"], decoration: "NTamd64.10.0...17134"), fixture: "isodrv-x64.sys",
            path: "isodrv.sys"),
        BinaryExample(
            inf: ExampleINF.installing(["isoopen.dll"], decoration: "NTamd64.10.0...19041"), fixture: "isoopen-x64.dll",
            path: "isoopen.dll"),
    ]

    public init() {}

    public func check(_ binary: BinaryTarget) -> [Violation] {
        // The oldest version the INF installs the binary on, and the line (and Models range) that does.
        let sites = binary.installs.compactMap { site in site.lowestVersion.map { (site, $0) } }
        guard let (site, installed) = sites.min(by: { $0.1 < $1.1 }) else { return [] }
        // The linker's subsystem version is the oldest Windows the binary claims to run on.
        let floor = max(installed, binary.image.subsystemVersion ?? installed)
        var result: [Violation] = []
        var seen = Set<String>()
        for imported in binary.image.imports where seen.insert(imported.function).inserted {
            guard let api = StateAPIs.api(named: imported.function, kernelMode: binary.image.isKernelDriver),
                  floor < api.minimumVersion else { continue }
            let installer = site.modelsRange.map { "[\($0.sectionName)] installs it on \(Self.name(of: installed))" }
                ?? "[\(site.install.installSection)] installs it on \(Self.name(of: installed))"
            let delay = imported.isDelayLoaded ? " (delay-loaded: the first call fails unless it is guarded)" : ""
            let message = "\(imported.function) (\(imported.library)) needs \(api.release) (\(api.minimumVersion)"
                + (api.frameworkVersion.map { ", \($0)" } ?? "") + ")\(delay), but \(installer); "
                + "\(api.runtimeLookup), or decorate the Models section as \(api.decoration(for: site.install.architecture))"
            let related = site.modelsLine.map { [(range: $0, message: "this Models section installs it on older versions")] } ?? []
            result.append(binary.violation(at: imported.offset, message, related: related,
                                           maximumLevel: imported.isDelayLoaded ? .warning : nil))
        }
        return result
    }

    /// The versions from `version` on, as messages show them.
    static func name(of version: WindowsVersion) -> String {
        version.major == 0 ? "any version" : "versions from \(version)"
    }
}
