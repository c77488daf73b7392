import Findings
import INFModel
import IsolationEngine

/// The service binary of every AddService, with the line that names it.
func serviceBinaries(_ context: RuleContext) -> [(line: INFLine, raw: String, value: String, service: String)] {
    var seen = Set<Int>()
    return context.services.compactMap { service in
        guard let install = service.section, let line = install.serviceBinaryLine, let raw = line.rawFields.first,
              seen.insert(line.syntaxIndex).inserted else { return nil }
        return (line, raw, line.fields.first ?? raw, service.install.name)
    }
}
