import DriverPackage
import Findings
import Foundation
import INFModel
import IsolationEngine
import IsolationRules
import Reporting
import Workspace

/// `isolint explain PATH`: the install plan of each INF under a path, a view of the workspace's
/// explanation under the same settings `check` reads (`isolint.toml` included).
struct ExplainPlan {
    let path: String
    let outputFormat: String
    let os: String?
    let arch: String?

    func run() throws -> String {
        var input = SettingsInput()
        input.paths = [path]
        input.os = os
        input.arch = arch
        let settings: WorkspaceSettings
        do {
            settings = try WorkspaceSettings.resolve(input)
        } catch {
            throw ExplainError(error.description)
        }
        let explanation = Workspace(paths: [path], settings: settings).explain()
        CheckArguments.reportProblems(explanation.problems)
        var output = ""
        var reports: [InstallPlanReport] = []
        for item in explanation.items {
            guard let plan = item.plan else {
                throw ExplainError(item.findings.first?.message ?? "\(item.file.displayPath) cannot be read")
            }
            let report = InstallPlanReport(file: item.file.displayPath, plan: plan, verdicts: item.verdicts)
            reports.append(report)
            if outputFormat != "html" { output += outputFormat == "json" ? report.json() : report.text() + "\n" }
        }
        let uninstalled = explanation.uninstalledFiles
        if outputFormat == "html" { return InstallPlanReport.html(reports, uninstalledFiles: uninstalled) }
        if !uninstalled.isEmpty {
            if outputFormat == "json" {
                var writer = JSONWriter()
                writer.beginObject()
                writer.strings(uninstalled, key: "uninstalled_files")
                writer.endObject()
                output += writer.output + "\n"
            } else {
                output += "Files in the package that no INF installs:\n" + uninstalled.map { "  \($0)\n" }.joined()
            }
        }
        return output
    }
}

struct ExplainError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
