import Findings
import INFModel
import INFSyntax
import IsolationEngine
import IsolationKnowledge
import IsolationRules
import Testing

/// Isolint fails a build where InfVerif does and nowhere else: levels per mode against InfVerif's
/// published table, and one test for each kind of disagreement found on packages InfVerif accepts.
@Suite("InfVerif's verdicts")
struct InfVerifVerdictTests {
    static func findings(_ text: String, mode: Mode = .isolation, rule: String? = nil) -> [Finding] {
        let checker = Checker(options: CheckOptions(mode: mode))
        return checker.check(tree: INFParser.parse(bytes: Array(text.utf8), path: "x.inf"), displayPath: "x.inf")
            .filter { rule == nil || $0.rule == rule }
    }

    static let infVerifModes: [(mode: Mode, column: Int)] = [(.declarative, 0), (.universal, 1), (.isolation, 2)]

    /// The level InfVerif's table gives `code` in the column (`k`, `u`, `w`), if the table lists it.
    static func tableLevel(_ code: Int, column: Int) -> Character? {
        guard let entry = InfVerifCodes.entry(for: code) else { return nil }
        let columns = entry.levels.split(separator: " ")
        return column < columns.count ? columns[column].first : nil
    }

    @Test("a rule is an error in a mode only where InfVerif's table makes one of its codes an error, and off where all are off")
    func levelsFollowTheTable() {
        for rule in RuleCatalog.descriptions where !rule.codes.isEmpty {
            for (mode, column) in Self.infVerifModes {
                let levels = rule.codes.compactMap { Self.tableLevel($0, column: column) }
                guard !levels.isEmpty else { continue }
                if rule.levels[mode] == .error {
                    #expect(levels.contains("E"), "\(rule.name) is an error in \(mode) though no code of \(rule.codes) is")
                }
                if levels.allSatisfy({ $0 == "-" }) {
                    #expect(rule.levels[mode] == nil, "\(rule.name) reports in \(mode) though every code of \(rule.codes) is off there")
                }
            }
        }
    }

    @Test("a rule InfVerif does not have is at most a warning in InfVerif's modes")
    func isolintOnlyRulesWarn() {
        for rule in RuleCatalog.descriptions where rule.codes.isEmpty {
            for mode in [Mode.isolation, .signature, .universal, .declarative] {
                #expect(rule.levels[mode].map { $0 <= .warning } ?? true, "\(rule.name) is an error in \(mode)")
            }
        }
    }

    @Test("a primitive INF's [DefaultUninstall] script, kept for builds before 1903 with LegacyUninstall = 1, is not legacy")
    func primitiveLegacyUninstall() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            Class = Software
            ClassGuid = {5c4c3332-344d-483c-8739-259e934c9cc8}
            Provider = %P%
            [DefaultInstall.NTamd64]
            CopyFiles = Files
            LegacyUninstall = 1
            [DefaultUninstall.NTamd64]
            DelFiles = Files
            [DefaultUninstall.NTamd64.Services]
            DelService = Tool, 0x200
            [Files]
            tool.sys
            [Strings]
            P = "Contoso"
            """
        #expect(Self.findings(text, rule: "legacy-directive").isEmpty)
        // Without LegacyUninstall the same directives are legacy.
        let withoutFlag = text.replacingOccurrences(of: "LegacyUninstall = 1\n", with: "")
        #expect(Self.findings(withoutFlag, rule: "legacy-directive").count == 2)
    }

    @Test("[ClassInstall32] for the INF's own class is accepted in every mode; a class installer it registers is not")
    func ownClassInstall() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            Class = ContosoWidgets
            ClassGuid = {4b1f1b2a-7f43-4c1e-9a0e-1d2c3b4a5f60}
            [ClassInstall32]
            AddReg = ClassReg
            [ClassReg]
            HKR,,,,"Contoso widgets"
            """
        for mode in [Mode.isolation, .universal, .declarative] {
            #expect(Self.findings(text, mode: mode, rule: "legacy-section").isEmpty, "\(mode)")
        }
        let installer = text + "\nHKR,,Installer32,,\"contosoci.dll,ClassInstaller\""
        #expect(Self.findings(installer, rule: "legacy-section").map(\.location.line) == [9])
    }

    @Test("a banner before the first section is a warning when [Strings] makes SetupAPI ignore it, an error when it stops the file")
    func banner() {
        let text = """
            /*++
            Copyright (c) Contoso. All rights reserved.
            --*/
            [Version]
            Signature = "$Windows NT$"
            [Strings]
            P = "Contoso"
            """
        let opened = Self.findings(text, rule: "syntax-error")
        #expect(!opened.isEmpty && opened.allSatisfy { $0.level == .warning })
        let refused = Self.findings(text.replacingOccurrences(of: "[Strings]\nP = \"Contoso\"", with: ""), rule: "syntax-error")
        #expect(refused.contains { $0.level == .error })
    }

    @Test("AddService = WUDFRd in a Models range below Windows 11 is the documented form, not an inbox-service error")
    func wudfrdBeforeWindows11() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            [Manufacturer]
            %Mfg% = Models, NTamd64.10.0...18362
            [Models.NTamd64.10.0...18362]
            %Desc% = Install, USB\\VID_1234&PID_5678
            [Install]
            CopyFiles = UMDriverCopy
            [Install.Services]
            AddService = WUDFRd, 0x000001fa, WUDFRD_ServiceInstall
            [WUDFRD_ServiceInstall]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %12%\\WUDFRd.sys
            [UMDriverCopy]
            contoso.dll
            [Strings]
            Mfg = "Contoso"
            Desc = "Contoso device"
            """
        #expect(Self.findings(text, rule: "inbox-service-binary").isEmpty)
        #expect(Self.findings(text, rule: "service-binary-not-copied").isEmpty)
    }

    @Test("the documented usbser.sys pattern (Include = mdmcpq.inf, ServiceBinary = %12%\\usbser.sys) copies nothing and is fine")
    func usbser() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            Class = Modem
            ClassGuid = {4D36E96D-E325-11CE-BFC1-08002BE10318}
            [Manufacturer]
            %Mfg% = Models, NTamd64
            [Models.NTamd64]
            %Desc% = Install, USB\\VID_1234&PID_5678
            [DestinationDirs]
            FakeModemCopyFileSection = 12
            [Install.NTamd64]
            include = mdmcpq.inf
            CopyFiles = FakeModemCopyFileSection
            [Install.NTamd64.Services]
            AddService = usbser, 0x00000002, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %12%\\usbser.sys
            [FakeModemCopyFileSection]
            [Strings]
            Mfg = "Contoso"
            Desc = "Contoso modem"
            """
        let errors = Self.findings(text).filter { $0.level == .error }.map(\.rule)
        #expect(!errors.contains("service-binary-not-copied"))
        #expect(!errors.contains("inbox-service-binary"))
        #expect(!errors.contains("destination-not-driver-store"))
    }

    @Test("a DelReg that removes a stale filter value registers no filter")
    func delRegFilter() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            [Install.HW]
            DelReg = Stale
            [Stale]
            HKR,,UpperFilters
            """
        #expect(Self.findings(text, rule: "filter-via-registry").isEmpty)
        #expect(Self.findings(text, rule: "legacy-directive").count == 1)
    }

    @Test("--samples drops what InfVerif's /samples drops, and nothing else")
    func samples() {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            Class = Sample
            ClassGuid = {78A1C341-4539-11d3-B88D-00C04FAD5171}
            [ClassInstall32]
            AddReg = ClassReg
            [ClassReg]
            HKR,,,,"Sample"
            [Unused]
            HKR,,A,,B
            """
        var options = CheckOptions()
        let plain = Checker(options: options).check(tree: INFParser.parse(bytes: Array(text.utf8), path: "x.inf"), displayPath: "x.inf")
        options.suppressedCodes = InfVerifCodes.suppressedBySamples
        let samples = Checker(options: options).check(tree: INFParser.parse(bytes: Array(text.utf8), path: "x.inf"), displayPath: "x.inf")
        #expect(plain.contains { $0.codes.first == 1284 })
        #expect(!samples.contains { $0.codes.first.map(InfVerifCodes.suppressedBySamples.contains) ?? false })
        let kept = plain.filter { !($0.codes.first.map(InfVerifCodes.suppressedBySamples.contains) ?? false) }
        #expect(samples.map(\.rule) == kept.map(\.rule))
    }

    static let perArchitecture = """
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %Mfg%
        [Manufacturer]
        %Mfg% = Models, NTx86, NTarm64
        [Models.NTx86]
        %Desc% = Install32, root\\contoso
        [Models.NTarm64]
        %Desc% = Install64, root\\contoso
        [DestinationDirs]
        DefaultDestDir = 13
        [SourceDisksNames]
        1 = %Disk%
        [SourceDisksFiles.x86]
        contoso32.sys = 1
        [SourceDisksFiles.arm64]
        contosoa64.sys = 1
        [Install32]
        CopyFiles = Files32
        [Install64]
        CopyFiles = Files64
        [Files32]
        contoso.sys, contoso32.sys
        [Files64]
        contoso.sys, contosoa64.sys
        [Strings]
        Mfg = "Contoso"
        Desc = "Contoso device"
        Disk = "Disk"
        """

    @Test("a file list is judged on the architectures that install it, and copies of architectures that never install together do not conflict")
    func architecturesApart() {
        let findings = Self.findings(Self.perArchitecture)
        #expect(!findings.contains { $0.rule == "file-not-in-source-disks" }, "\(findings.map(\.message))")
        #expect(!findings.contains { $0.rule == "conflicting-destination" })
        // A file missing on the architecture that copies it is still reported, for that architecture.
        let missing = Self.perArchitecture.replacingOccurrences(of: "contosoa64.sys = 1\n", with: "")
        let reported = Self.findings(missing).filter { $0.rule == "file-not-in-source-disks" }
        #expect(reported.count == 1)
        #expect(reported.first?.scope?.architectures == [.arm64])
    }

    @Test("copies made by Models ranges of one architecture that never apply together do not conflict")
    func rangesApart() {
        let text = Self.perArchitecture
            .replacingOccurrences(of: "%Mfg% = Models, NTx86, NTarm64", with: "%Mfg% = Models, NTarm64, NTarm64.10.0...22000")
            .replacingOccurrences(of: "[Models.NTx86]", with: "[Models.NTarm64.10.0...22000]")
            .replacingOccurrences(of: "[SourceDisksFiles.x86]", with: "[SourceDisksFiles.arm64]\ncontoso32.sys = 1\n[Unused.x86]")
        #expect(!Self.findings(text).contains { $0.rule == "conflicting-destination" })
    }

    @Test("1322 stands where InfVerif puts it: on the header of each file list, with the DestinationDirs entry related")
    func destinationLine() throws {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            [DestinationDirs]
            DefaultDestDir = 12
            [Install.NTamd64]
            CopyFiles = Drivers, Helpers
            [Drivers]
            a.sys
            [Helpers]
            b.dll
            """
        let found = Self.findings(text, rule: "destination-not-driver-store")
        #expect(found.map(\.location.line) == [7, 9])
        #expect(found.allSatisfy { $0.codes.first == 1322 && $0.related.map(\.location.line) == [4] })
    }
}

/// InfVerif's `/rulever` in signature mode: sections that install only on later builds are not validated.
@Suite("Signature mode's rule version")
struct RuleVersionTests {
    static let text = """
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %P%
        [Manufacturer]
        %P% = Models, NTamd64, NTamd64.10.0...22000
        [Models.NTamd64]
        %D% = Old_Install, ROOT\\CONTOSO
        [Models.NTamd64.10.0...22000]
        %D% = New_Install, ROOT\\CONTOSO
        [Old_Install]
        AddReg = Old_Reg
        [New_Install]
        AddReg = New_Reg
        [Old_Reg]
        HKLM, SOFTWARE\\Contoso\\Old, Level, 0x00010001, 1
        [New_Reg]
        HKLM, SOFTWARE\\Contoso\\New, Level, 0x00010001, 1
        [Strings]
        P = "Contoso"
        D = "Contoso device"
        """

    static func lines(ruleVersion: WindowsVersion?) -> [Int] {
        var options = CheckOptions(mode: .signature)
        options.ruleVersion = ruleVersion
        return Checker(options: options).check(tree: INFParser.parse(bytes: Array(text.utf8), path: "x.inf"), displayPath: "x.inf")
            .filter { $0.rule == "registry-root-not-hkr" }.map(\.location.line)
    }

    @Test("without a rule version every section is validated; with 10.0.17763 the branch for build 22000 and later is not")
    func sectionsAboveTheRuleVersionAreSkipped() {
        #expect(Self.lines(ruleVersion: nil) == [17, 19])
        #expect(Self.lines(ruleVersion: WindowsVersion(major: 10, minor: 0, build: 17763)) == [17])
        #expect(Self.lines(ruleVersion: WindowsVersion(major: 10, minor: 0, build: 22000)) == [17, 19])
    }
}
