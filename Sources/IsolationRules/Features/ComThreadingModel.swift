import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge

/// A COM class ThreadingModel other than Apartment, Both, Free or Neutral.
public struct ComThreadingModel: Rule {
    public static let description = RuleDescription(
        name: "com-threading-model", codes: [1160],
        title: "A COM class has an invalid threading model",
        why: "COM reads the ThreadingModel of an in-process server to choose the apartment it loads in; any value other than Apartment, Both, Free or Neutral is not a threading model, and the class loads in the wrong apartment or not at all.",
        fix: "Set ThreadingModel to Apartment, Both, Free or Neutral, or leave it out to load in the caller's first apartment.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.COM]
        AddComServer = ContosoServer,, Server_Inst
        [Server_Inst]
        ServerType = 1
        ServerBinary = %13%\\contoso.dll
        AddComClass = {11111111-2222-3333-4444-555555555555}, 0, Class_Inst
        [Class_Inst]
        ThreadingModel = ↓Single
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Com_Reg
        [Com_Reg]
        HKR, Classes\\CLSID\\{11111111-2222-3333-4444-555555555555}\\InprocServer32, ThreadingModel, , ↓"Multi"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Install.COM]
        AddComServer = ContosoServer,, Server_Inst
        [Server_Inst]
        ServerType = 1
        ServerBinary = %13%\\contoso.dll
        AddComClass = {11111111-2222-3333-4444-555555555555}, 0, Class_Inst
        [Class_Inst]
        ThreadingModel = Both
        [Install]
        AddReg = Com_Reg
        [Com_Reg]
        HKR, Classes\\CLSID\\{11111111-2222-3333-4444-555555555555}\\InprocServer32, ThreadingModel, , "Apartment"
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        var seen = Set<String>()
        for server in context.targets(of: "AddComServer", field: 3) {
            guard let serverSection = server.section else { continue }
            for line in serverSection.directive(.addComClass) {
                guard let name = line.field(3).map(trimmed), !name.isEmpty, let section = context.document.section(named: name),
                      seen.insert(section.foldedName).inserted else { continue }
                for model in section.directive(.threadingModel) {
                    let value = trimmed(model.field(1) ?? "")
                    guard !FeatureKnowledge.threadingModels.contains(value.lowercased()) else { continue }
                    result.append(Violation(range: context.range(of: model, field: 1),
                                            message: "ThreadingModel '\(value)' of [\(section.name)] is not Apartment, Both, Free or Neutral",
                                            infVerifValues: [value, trimmed(line.field(1) ?? section.name)]))
                }
            }
        }
        for item in context.uniqueRegistryEntries where item.entry.operation == .addReg {
            let entry = item.entry
            guard let name = entry.valueName, CaseInsensitive.equal(name, "ThreadingModel"),
                  entry.normalizedSubkey.hasSuffix("\\inprocserver32"),
                  let value = entry.data.first.map(trimmed), !value.isEmpty,
                  !FeatureKnowledge.threadingModels.contains(value.lowercased()) else { continue }
            result.append(Violation(range: context.range(of: entry.line, field: 5),
                                    message: "ThreadingModel '\(value)' of an InprocServer32 key is not Apartment, Both, Free or Neutral",
                                    infVerifValues: [value, entry.subkey]))
        }
        return result
    }
}
