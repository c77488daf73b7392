import Findings
import INFModel
import IsolationEngine

/// A ServiceBinary that the service control manager cannot read as an image path.
public struct ServiceBinaryImagePath: Rule {
    public static let description = RuleDescription(
        name: "service-binary-image-path", codes: [1254],
        title: "ServiceBinary cannot be parsed as an image path",
        why: "ServiceBinary becomes the service's ImagePath, a command line: an unbalanced quote makes it unreadable, and a path with spaces that is not quoted is cut at the first space, so a different file (or none) is started.",
        fix: "Quote a path with spaces inside the INF string, as the docs show: ServiceBinary = \"\"\"%13%\\Sub Dir\\x.sys\"\"\"; balance every quote.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x2, Service
        AddService = ContosoSvc, , Win32_Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓%13%\\Sub Dir\\contoso.sys
        [Win32_Service]
        ServiceType = 0x10
        StartType = 3
        ErrorControl = 1
        ServiceBinary = ↓\"\"\"%13%\\Sub Dir\\contososvc.exe\"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.NT.Services]
        AddService = Contoso, 0x2, Service
        AddService = ContosoSvc, , Win32_Service
        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = \"\"\"%13%\\Sub Dir\\contoso.sys\"\"\"
        [Win32_Service]
        ServiceType = 0x10
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contososvc.exe -service
        """),
    ]

    public init() {}

    /// What is wrong with an image path (DIRIDs written as `%N%`), or `nil` when it parses.
    static func problem(_ path: String) -> String? {
        let quotes = path.filter { $0 == "\"" }.count
        if quotes % 2 == 1 { return "has an unbalanced quote" }
        if quotes > 0 {
            guard path.first == "\"", let close = path.dropFirst().firstIndex(of: "\"") else {
                return "has quotes that do not enclose the path"
            }
            let rest = path[path.index(after: close)...]
            if let next = rest.first, next != " " && next != "\t" { return "has text right after its closing quote" }
            return nil
        }
        guard let space = path.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        // An unquoted image followed by arguments is fine; spaces inside the path are not.
        let image = path[..<space].lowercased()
        if [".sys", ".exe", ".dll"].contains(where: { image.hasSuffix($0) }) { return nil }
        return "has spaces but is not quoted"
    }

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for (install, service) in context.serviceInstallSections {
            guard let line = service.serviceBinaryLine, let path = context.serviceBinaryPath(service),
                  let problem = Self.problem(path) else { continue }
            result.append(Violation(range: context.range(of: line, field: 1),
                                    message: "ServiceBinary '\(path)' \(problem), so it cannot be parsed as an image path",
                                    infVerifValues: [install.name, path]))
        }
        return result
    }
}
