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
}
