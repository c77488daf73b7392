import DriverPackage
import Findings
import INFSyntax
import IsolationEngine
import IsolationRules
import Testing

/// What the InfVerif parity rules do beyond their examples: the file kind (.inf or .inx), built
/// packages, the lesser level of heuristic findings, and files read once per architecture.
@Suite("InfVerif parity rules")
struct ParityRuleTests {
    static func findings(_ rule: any Rule.Type, _ text: String, path: String = "contoso.inf",
                         package: [String]? = nil, mode: Mode = .isolation) -> [Finding] {
        let checker = Checker(options: CheckOptions(mode: mode), rules: [rule])
        let tree = INFParser.parse(bytes: Array(text.utf8), path: path)
        let contents = package.map { PackageContents(root: "package", relativePaths: $0) }
        return checker.check(tree: tree, displayPath: path, package: contents)
    }

    static let stampedSource = """
        [Version]
        Signature = "$Windows NT$"
        CatalogFile = contoso.cat
        [SourceDisksNames]
        1 = %Disk%
        [SourceDisksFiles]
        contoso.sys = 1
        [Manufacturer]
        %Mfg% = Contoso, NT$ARCH$
        [Contoso.NT$ARCH$]
        %Desc% = Install, ROOT\\CONTOSO
        [Strings]
        Mfg = "Contoso"
        Disk = "Disk"
        Desc = "Contoso device"
        """

    @Test("$ARCH$ in an .inx is expected; in a source tree's .inf it is a note, in a built package an error")
    func unresolvedTokenByFileKind() {
        #expect(Self.findings(UnresolvedToken.self, Self.stampedSource, path: "contoso.inx").isEmpty)
        let source = Self.findings(UnresolvedToken.self, Self.stampedSource)
        #expect(source.count == 2)
        #expect(source.allSatisfy { $0.level == .note })
        let built = Self.findings(UnresolvedToken.self, Self.stampedSource, package: ["contoso.inf", "contoso.sys"])
        #expect(built.count == 2)
        #expect(built.allSatisfy { $0.level == .error })
    }

    @Test("an .inx template needs no CatalogFile: stampinf can add it")
    func catalogMissingSkipsTemplates() {
        let text = "[Version]\nSignature = \"$Windows NT$\"\n"
        #expect(Self.findings(CatalogMissing.self, text, path: "contoso.inx").isEmpty)
        #expect(Self.findings(CatalogMissing.self, text).count == 1)
    }

    @Test("names known only from the samples, and classes reserved for system use, are warnings")
    func heuristicFindingsAreWarnings() {
        let services = """
            [Version]
            Signature = "$Windows NT$"
            [Install.NT.Services]
            AddService = echo, 2, Service
            AddService = kbfiltr, , Filter
            """
        let found = Self.findings(ReservedServiceName.self, services)
        #expect(found.map(\.level) == [.error, .warning])
        let system = "[Version]\nSignature = \"$Windows NT$\"\nClass = LegacyDriver\n"
        #expect(Self.findings(ReservedClass.self, system).map(\.level) == [.warning])
        #expect(Self.findings(ReservedClass.self, system, mode: .desktop).map(\.level) == [.warning])
    }

    @Test("a file with $ARCH$ uses the sections of every architecture it can be stamped for")
    func unusedSectionReadsEveryArchitecture() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            [Manufacturer]
            %Mfg% = Standard, NT$ARCH$
            [Standard.NTarm64]
            %Desc% = Install, ACPI\\CTSO0001
            [Install.NT]
            CopyFiles = Files
            [Install.NT.Services]
            AddService = Contoso, 2, Service
            [Files]
            contoso.sys
            [Orphan]
            HKR,,A,,B
            [Strings]
            Mfg = "Contoso"
            Desc = "Contoso device"
            """
        let found = Self.findings(UnusedSection.self, text)
        #expect(found.map(\.message) == ["Section [Orphan] not referenced or used."])
    }

    @Test("an inbox INF's sections for Include/Needs are used")
    func inboxLibrarySections() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            [KS.Registration]
            AddReg = KS.Reg
            [KS.Reg]
            HKR,,A,,B
            """
        #expect(Self.findings(UnusedSection.self, text, path: "ks.inf").isEmpty)
        #expect(Self.findings(UnusedSection.self, text, path: "contoso.inf").count == 1)
    }
}
