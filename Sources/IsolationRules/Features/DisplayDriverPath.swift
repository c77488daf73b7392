import DriverPackage
import Findings
import INFModel
import IsolationEngine

/// A display driver's user-mode driver value that does not name its file in the driver store.
public struct DisplayDriverPath: Rule {
    /// The HKR values through which a display INF names the user-mode drivers the graphics kernel
    /// loads (Direct3D, OpenGL and Vulkan, native and WOW64).
    static let driverValues: Set<String> = [
        "usermodedrivername", "usermodedrivernamewow", "opengldrivername", "opengldrivernamewow",
        "vulkandrivername", "vulkandrivernamewow",
    ]

    public static let description = RuleDescription(
        name: "display-driver-path", codes: [2601],
        title: "A display driver names its user-mode driver outside the driver store",
        why: "Since WDDM 2.1 a display driver package runs from the driver store, and the graphics kernel loads the user-mode drivers from the paths these values give; a bare name or a System32 path loads whatever file of that name another package left there.",
        fix: "Copy the user-mode drivers to DIRID 13 and write each value as %13%\\name.dll (one string per entry of a REG_MULTI_SZ list).",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Display
        ClassGuid = {4d36e968-e325-11ce-bfc1-08002be10318}
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, PCI\\VEN_1234&DEV_5678
        [Install.NTamd64]
        AddReg = Umd_Reg
        [Umd_Reg]
        HKR,,UserModeDriverName,%REG_MULTI_SZ%,↓contosoumd.dll,↓%11%\\contosoumd.dll
        HKR,,OpenGLDriverName,%REG_MULTI_SZ%,%13%\\contosogl.dll
        [Strings]
        REG_MULTI_SZ = 0x00010000
        Mfg = "Contoso"
        Desc = "Contoso graphics"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Display
        ClassGuid = {4d36e968-e325-11ce-bfc1-08002be10318}
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Desc% = Install, PCI\\VEN_1234&DEV_5678
        [Install.NTamd64]
        AddReg = Umd_Reg
        [Umd_Reg]
        HKR,,UserModeDriverName,%REG_MULTI_SZ%,%13%\\contosoumd.dll,%13%\\contosoumd.dll
        HKR,,UserModeDriverNameWow,%REG_MULTI_SZ%,%13%\\contosoumd32.dll
        [Strings]
        REG_MULTI_SZ = 0x00010000
        Mfg = "Contoso"
        Desc = "Contoso graphics"
        """),
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        Class = Media
        [Install]
        AddReg = Reg
        [Reg]
        HKR,,UserModeDriverName,,contoso.dll
        """),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard context.isDisplayINF else { return [] }
        var result: [Violation] = []
        for item in context.uniqueRegistryEntries where item.entry.operation == .addReg && item.entry.root == .relative {
            guard let name = item.entry.valueName, Self.driverValues.contains(name.lowercased()) else { continue }
            for (offset, raw) in item.entry.rawData.enumerated() {
                let text = raw.trimmingCharacters(in: "\" ")
                guard !text.isEmpty else { continue }
                if case .dirid(DirectoryIDs.driverStore)? = context.document.substituter.pieces(text).first { continue }
                result.append(Violation(
                    range: context.range(of: item.entry.line, field: 5 + offset),
                    message: "\(name) entry '\(item.entry.data[offset])' is not a path under DIRID 13; display drivers name their user-mode drivers as %13%\\name",
                    infVerifValues: [name, item.entry.data[offset], "13"]))
            }
        }
        return result
    }
}

extension RuleContext {
    /// Whether the INF installs display adapters: `Class = Display` or the Display class GUID.
    var isDisplayINF: Bool { isOfClass("Display") }
}
