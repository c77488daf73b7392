import DriverPackage
import INFModel
import Testing

/// The section graph's lists of install sections by role.
@Suite("Install section names of the section graph")
struct SectionGraphNamesTests {
    @Test("DefaultInstall sections and their variants are listed folded, sorted and once; other install sections are not")
    func defaultInstallNames() {
        let document = INFDocument(bytes: Array("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Dev% = Install, Root\\Contoso
        [Install.NTamd64]
        CopyFiles = Files
        [Install.NTamd64.Services]
        AddService = Contoso, 2, Service
        [Service]
        ServiceBinary = %13%\\contoso.sys
        [DefaultInstall.NTamd64]
        CopyFiles = Files
        [defaultinstall]
        CopyFiles = Files
        [Files]
        contoso.sys
        [Strings]
        Mfg = "Contoso"
        Dev = "Device"

        """.utf8))
        let graph = SectionGraph(document: document)
        #expect(graph.defaultInstallSectionNames == ["defaultinstall", "defaultinstall.ntamd64"])
        let install = graph.installSectionNames
        #expect(install == install.sorted() && Set(install).count == install.count)
        #expect(Set(graph.defaultInstallSectionNames).isSubset(of: install))
        #expect(install.contains("install.ntamd64") && install.contains("install.ntamd64.services") && install.contains("service"))
    }

    @Test("HKR in a section that several service and interface lines name means one key, chosen by kind and name")
    func registryContextOfASharedSection() {
        let document = INFDocument(bytes: Array("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64
        [Models.NTamd64]
        %Dev% = Install, Root\\Contoso
        [Install.NTamd64]
        CopyFiles = Files
        [Install.NTamd64.Services]
        AddService = Zeta, 2, Shared
        AddService = Alpha, , Shared
        [Install.NTamd64.Interfaces]
        AddInterface = {6b29fc40-ca47-1067-b31d-00dd010662da}, , Shared
        [Shared]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\contoso.sys
        AddReg = SharedValues
        [SharedValues]
        HKR, , Value, 0x00010001, 1
        [Files]
        contoso.sys
        [Strings]
        Mfg = "Contoso"
        Dev = "Device"

        """.utf8))
        let graph = SectionGraph(document: document)
        let contexts = graph.links(from: "Shared").compactMap { link -> RegistryContext? in
            if case .registry(_, let context) = link.role { return context }
            return nil
        }
        #expect(contexts == [.serviceKey("Alpha")])
    }
}
