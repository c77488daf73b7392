import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// COM registrations other than InprocServer32.
public struct ComClassNotInprocServer32: Rule {
    public static let description = RuleDescription(
        name: "com-class-not-inprocserver32", codes: [1325],
        title: "A COM class is registered other than as InprocServer32",
        why: "A driver package may register in-process COM servers only; local servers and handlers are applications.",
        fix: "Register the class with an InprocServer32 key, or ship the server as software outside the driver package.",
        levels: levels("E E W W"), fixable: false, group: .registry)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKCR, ↓CLSID\\{11111111-2222-3333-4444-555555555555}\\LocalServer32, , , "%13%\\server.exe"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKCR, CLSID\\{11111111-2222-3333-4444-555555555555}\\InprocServer32, , , "%13%\\apo.dll"
        HKCR, CLSID\\{11111111-2222-3333-4444-555555555555}\\InprocServer32, ThreadingModel, , "Both"
        """),
    ]

    static let servers: Set<String> = ["localserver32", "localserver", "inprochandler32", "inprochandler", "inprocserver"]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        context.uniqueRegistryEntries.compactMap { item in
            var key = item.entry.normalizedSubkey
            switch item.entry.root {
            case .classesRoot: break
            case .localMachine where key.hasPrefix("software\\classes\\"): key.removeFirst("software\\classes\\".count)
            default: return nil
            }
            let parts = key.split(ascii: "\\").map(String.init)
            guard parts.count >= 3, parts[0] == "clsid", Self.servers.contains(parts[2]) else { return nil }
            return Violation(range: context.range(of: item.entry.line, field: 2),
                             message: "Unsupported COM class registration '\(item.entry.subkey)', only InprocServer32 is supported",
                             infVerifValues: [item.entry.subkey])
        }
    }
}
