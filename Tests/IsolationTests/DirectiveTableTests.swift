import DriverPackage
import INFModel
import Findings
@testable import IsolationEngine
@testable import IsolationRules
import Testing

/// The directive table of the model layer is the one place that says which fields name sections and
/// where a directive belongs; the argument schemas of the rules must agree with it.
@Suite("One table of INF directives")
struct DirectiveTableTests {
    @Test("every directive is listed once")
    func unique() {
        let names = DirectiveTable.directives.map { CaseInsensitive.fold($0.name) }
        #expect(Set(names).count == names.count)
    }

    @Test("the argument schemas name sections in exactly the fields the table does")
    func schemasAgree() {
        for (name, schema) in DirectiveKnowledge.installDirectives {
            let schemaFields = schema.fields.indices.filter { schema.fields[$0].kind == .section }.map { $0 + 1 }
            let info = DirectiveTable.info(name)
            switch info?.sectionFields ?? .none {
            case .none: #expect(schemaFields.isEmpty, "\(name): the schema names sections the table does not")
            case .all: #expect(schema.list, "\(name): the table lists sections, the schema takes no list")
            case .fields(let fields): #expect(fields == schemaFields, "\(name): table \(fields), schema \(schemaFields)")
            }
        }
    }

    @Test("the section graph links what the table says names sections")
    func graphFollowsTable() throws {
        let text = """
            [Version]
            Signature = "$Windows NT$"
            [DefaultInstall.NTamd64]
            CopyFiles = Files
            [DefaultInstall.NTamd64.Wdf]
            KmdfService = svc, Svc_Wdf
            [DefaultInstall.NTamd64.Filters]
            AddFilter = flt, , Flt_Inst
            [Files]
            a.sys
            [Svc_Wdf]
            KmdfLibraryVersion = 1.15
            [Flt_Inst]
            FilterPosition = Upper
            """
        let document = INFDocument(bytes: Array(text.utf8))
        let graph = SectionGraph(document: document)
        #expect(graph.isUsed("Svc_Wdf"))
        #expect(graph.isUsed("Flt_Inst"))
        #expect(graph.links(to: "Flt_Inst").first?.field == 3)
    }
}
