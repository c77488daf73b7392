import Findings
import INFSyntax
import IsolationEngine
import IsolationRules
import Testing

/// Findings name the InfVerif code of the problem they report first: per violation for rules that
/// cover several codes, and per mode where InfVerif's modes use different codes.
@Suite("InfVerif codes of findings")
struct InfVerifCodeTests {
    static func codes(_ rule: any Rule.Type, _ text: String, mode: Mode = .isolation) -> [Int] {
        let checker = Checker(options: CheckOptions(mode: mode), rules: [rule])
        let tree = INFParser.parse(bytes: Array(text.utf8), path: "contoso.inf")
        return checker.check(tree: tree, displayPath: "contoso.inf").compactMap(\.codes.first)
    }

    static let registry = """
        [Version]
        Signature = "$Windows NT$"
        [Install]
        AddReg = Reg
        [Reg]
        HKLM, SOFTWARE\\Contoso, Level, 0x00010001, 4
        HKLM, SOFTWARE\\Contoso\\Empty
        HKEY_LOCAL_MACHINE, SOFTWARE\\Contoso, Other, , x
        """

    @Test("registry roots: 1321 for values and 1320 for keys in /w, 1304 in /k and /u, 1224 for a root SetupAPI does not know")
    func registryRoots() {
        #expect(Self.codes(RegistryRootNotHKR.self, Self.registry) == [1321, 1320, 1224])
        #expect(Self.codes(RegistryRootNotHKR.self, Self.registry, mode: .declarative) == [1304, 1304, 1224])
    }

    @Test("copies outside the driver store: 1322 in /w, 1306 in /u, 2600 in a display INF")
    func destinations() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            Class = %Class%
            [DestinationDirs]
            Files = 12
            [Install]
            CopyFiles = Files
            [Files]
            contoso.sys
            [Strings]
            Class = "System"
            """
        #expect(Self.codes(DestinationNotDriverStore.self, text) == [1322])
        #expect(Self.codes(DestinationNotDriverStore.self, text, mode: .universal) == [1306])
        #expect(Self.codes(DestinationNotDriverStore.self, text.replacingOccurrences(of: "\"System\"", with: "\"Display\"")) == [2600])
    }

    @Test("legacy directives name their own code, and 1382 in an extension INF")
    func legacyDirectives() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            [Manufacturer]
            %Mfg% = Models, NTamd64
            [Models.NTamd64]
            %Desc% = Install, PCI\\VEN_1234
            [Install.NTamd64]
            DelReg = Old_Reg
            DelFiles = Old_Files
            LogConfig = Config
            [Strings]
            Mfg = "Contoso"
            Desc = "Device"
            """
        #expect(Self.codes(LegacyDirective.self, text) == [1308, 1302, 1300])
        let extensionINF = text.replacingOccurrences(of: "Signature = \"$Windows NT$\"",
                                                     with: "Signature = \"$Windows NT$\"\nClass = Extension")
        #expect(Self.codes(LegacyDirective.self, extensionINF) == [1382, 1382, 1382])
    }

    @Test("missing sections: 2006 for a service-install section, 1261 for a device install section, 1203 otherwise")
    func missingSections() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            [Manufacturer]
            %Mfg% = Models, NTamd64
            [Models.NTamd64]
            %Desc% = Missing_Install, PCI\\VEN_1234
            %Desc% = Install, PCI\\VEN_5678
            [Install.NTamd64]
            CopyFiles = No_Files
            [Install.NTamd64.Services]
            AddService = Contoso, 2, No_Service
            [Strings]
            Mfg = "Contoso"
            Desc = "Device"
            """
        #expect(Set(Self.codes(MissingSection.self, text)) == [1261, 1203, 2006])
    }
}
