import DriverPackage
import INFModel
import Isolation
import IsolationKnowledge

/// Renders an install plan as an indented tree, as JSON or as an HTML page, marking each entry isolated or not with
/// the rules that say so.
public struct InstallPlanReport: Sendable {
    public let file: String
    public let plan: InstallPlan
    /// The findings of a check of the same file, to mark entries.
    public let findings: [Finding]
    /// Files of the package folder that no INF of the package installs.
    public let uninstalledFiles: [String]

    public init(file: String, plan: InstallPlan, findings: [Finding], uninstalledFiles: [String] = []) {
        self.file = file
        self.plan = plan
        self.findings = findings
        self.uninstalledFiles = uninstalledFiles
    }

    /// The isolation rules that report the line `line`.
    func rules(onLine line: Int) -> [String] {
        Array(Set(findings.filter { $0.location.line == line && $0.level >= .warning }.map(\.rule))).sorted()
    }

    /// The rules about a file's destination: the file-destination findings on its DestinationDirs line,
    /// or, when the check reported none there (a rule not selected), the rule the DIRID table names.
    func fileRules(_ file: InstallPlan.File) -> [String] {
        guard let dirid = file.dirid else {
            // No DestinationDirs entry at all, or one whose DIRID does not resolve (a placeholder).
            guard let line = file.destinationLine else { return [NoDestination.description.name] }
            let reported = rules(onLine: line.lineNumber)
            return reported.isEmpty ? [UnresolvableDirid.description.name] : reported
        }
        if dirid == DirectoryIDs.driverStore { return [] }
        let expected = DirectoryIDs.isProgramFiles(dirid) ? ProgramFilesDestination.description.name : DestinationNotDriverStore.description.name
        if let line = file.destinationLine {
            let reported = rules(onLine: line.lineNumber).filter { Self.destinationRules.contains($0) }
            if !reported.isEmpty { return reported }
        }
        return [expected]
    }

    /// The rules that judge where a file is copied.
    static let destinationRules: Set<String> = [
        DestinationNotDriverStore.description.name, ProgramFilesDestination.description.name, DeprecatedDirid.description.name,
    ]

    /// The rules about a service's binary: those on its line, or the destination rule when it does
    /// not run from the driver store.
    func serviceRules(_ service: InstallPlan.Service) -> [String] {
        let onLine = service.binaryLine.map { rules(onLine: $0.lineNumber) } ?? []
        if !onLine.isEmpty { return onLine }
        guard let resolved = service.resolvedBinary, !resolved.lowercased().hasPrefix(plan.driverStore.lowercased()) else { return [] }
        // An inbox driver (WUDFRd.sys, WinUSB.sys…) is Windows' own file, where Windows keeps it.
        let name = resolved.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map { String($0).lowercased() } ?? ""
        if InboxKnowledge.serviceBinaries[name] != nil { return [] }
        return ["destination-not-driver-store"]
    }

    static func mark(_ rules: [String]) -> String {
        rules.isEmpty ? "isolated" : "NOT isolated: " + rules.joined(separator: ", ")
    }

    /// The plan as an indented tree.
    public func text() -> String {
        var out = "\(file) — \(plan.target.architecture.rawValue), Windows \(plan.target.version)\n"
        out += "  driver store: \(plan.driverStore)\n"
        if plan.devices.isEmpty { out += "  (no device or DefaultInstall applies on this target)\n" }
        for device in plan.devices {
            let ids = device.hardwareIDs.isEmpty ? "" : " " + device.hardwareIDs.joined(separator: ", ")
            let models = device.modelsSection.isEmpty ? "" : "[\(device.modelsSection)] → "
            out += "\n  device \"\(device.description)\"\(ids)\n    \(models)[\(device.installSection)] (line \(device.line.lineNumber))\n"
            out += "    files\n"
            if device.files.isEmpty { out += "      (none)\n" }
            for file in device.files {
                out += "      \(file.name) ← \(file.source.isEmpty ? file.name : file.source)\n"
                out += "        → \(file.folder)\\\(file.name)   [\(Self.mark(fileRules(file)))]\n"
            }
            out += "    registry\n"
            if device.registry.isEmpty { out += "      (none)\n" }
            for value in device.registry {
                let name = value.valueName.map { $0.isEmpty ? "(Default)" : $0 } ?? "(key only)"
                let verb = value.operation == .addReg ? "" : "\(value.operation.rawValue) "
                let data = value.data.isEmpty ? "" : " = " + value.data.joined(separator: ", ")
                out += "      \(verb)\(value.key)\n        \(name) \(value.type)\(data)   [\(Self.mark(rules(onLine: value.line.lineNumber)))] (line \(value.line.lineNumber))\n"
            }
            out += "    services\n"
            if device.services.isEmpty { out += "      (none)\n" }
            for service in device.services {
                let start = service.startType.map { " start \(Self.startName($0))" } ?? ""
                out += "      \(service.name)\(start)\n"
                if let binary = service.binary, let resolved = service.resolvedBinary {
                    let binaryRules = serviceRules(service)
                    out += "        binary \(binary) → \(resolved)   [\(Self.mark(binaryRules))]\n"
                }
            }
        }
        if !uninstalledFiles.isEmpty {
            out += "\n  files in the package that no INF installs\n"
            for file in uninstalledFiles { out += "    \(file)\n" }
        }
        return out
    }

    static func startName(_ value: UInt32) -> String {
        switch value {
        case 0: return "boot"
        case 1: return "system"
        case 2: return "automatic"
        case 3: return "on demand"
        case 4: return "disabled"
        default: return String(value)
        }
    }

    /// The plan as one self-contained HTML page with a tree per device.
    public func html() -> String {
        Self.html([self], uninstalledFiles: uninstalledFiles)
    }

    /// The plans of several INF files on one page, and the package files that no INF installs.
    public static func html(_ reports: [InstallPlanReport], uninstalledFiles: [String]) -> String {
        var body = "<header>\n<h1>Install plan</h1>\n"
        body += "<p class=\"meta\">\(counted(reports.count, "INF file", "INF files")): where every file lands, "
            + "which absolute key each registry line writes, and every service, marked isolated or not.</p>\n</header>\n<main class=\"plan\">\n"
        for report in reports { body += report.htmlSection() }
        if !uninstalledFiles.isEmpty {
            body += "<section>\n<h2>Files in the package that no INF installs</h2>\n<ul class=\"tree\">\n"
            body += uninstalledFiles.map { "<li><code>\(htmlEscape($0))</code></li>\n" }.joined()
            body += "</ul>\n</section>\n"
        }
        body += "</main>\n"
        return HTMLPage.document(title: "Install plan", body: body)
    }

    /// One INF's plan as a section of the page.
    func htmlSection() -> String {
        var out = "<section>\n<h2>\(htmlEscape(file))</h2>\n"
        out += "<p class=\"meta\">\(htmlEscape(plan.target.architecture.rawValue)), Windows \(htmlEscape(plan.target.version.description)) · "
            + "driver store <code>\(htmlEscape(plan.driverStore))</code></p>\n"
        if plan.devices.isEmpty { out += "<p class=\"dim\">No device or DefaultInstall applies on this target.</p>\n" }
        out += "<ul class=\"tree\">\n"
        for device in plan.devices {
            let ids = device.hardwareIDs.isEmpty ? "" : " <code class=\"dim\">\(htmlEscape(device.hardwareIDs.joined(separator: ", ")))</code>"
            let models = device.modelsSection.isEmpty ? "" : "[\(device.modelsSection)] → "
            out += "<li><span class=\"label\">device “\(htmlEscape(device.description))”</span>\(ids)"
            out += "<div class=\"dim\"><code>\(htmlEscape(models))[\(htmlEscape(device.installSection))]</code> (line \(device.line.lineNumber))</div>\n"
            out += "<ul>\n<li><span class=\"label\">files</span>\n<ul>\n"
            if device.files.isEmpty { out += "<li class=\"dim\">none</li>\n" }
            for file in device.files {
                let source = file.source.isEmpty ? file.name : file.source
                out += "<li><code>\(htmlEscape(file.name))</code> <span class=\"dim\">← \(htmlEscape(source))</span>"
                    + "<div>→ <code>\(htmlEscape(file.folder + "\\" + file.name))</code>\(Self.badge(fileRules(file)))</div></li>\n"
            }
            out += "</ul>\n</li>\n<li><span class=\"label\">registry</span>\n<ul>\n"
            if device.registry.isEmpty { out += "<li class=\"dim\">none</li>\n" }
            for value in device.registry {
                let name = value.valueName.map { $0.isEmpty ? "(Default)" : $0 } ?? "(key only)"
                let verb = value.operation == .addReg ? "" : "\(value.operation.rawValue) "
                let data = value.data.isEmpty ? "" : " = " + value.data.joined(separator: ", ")
                out += "<li><code>\(htmlEscape(verb + value.key))</code>"
                    + "<div><code>\(htmlEscape(name)) \(htmlEscape(value.type.description))\(htmlEscape(data))</code>"
                    + "\(Self.badge(rules(onLine: value.line.lineNumber))) <span class=\"dim\">(line \(value.line.lineNumber))</span></div></li>\n"
            }
            out += "</ul>\n</li>\n<li><span class=\"label\">services</span>\n<ul>\n"
            if device.services.isEmpty { out += "<li class=\"dim\">none</li>\n" }
            for service in device.services {
                let start = service.startType.map { " <span class=\"dim\">start \(Self.startName($0))</span>" } ?? ""
                out += "<li><code>\(htmlEscape(service.name))</code>\(start)"
                if let binary = service.binary, let resolved = service.resolvedBinary {
                    out += "<div>binary <code>\(htmlEscape(binary))</code> → <code>\(htmlEscape(resolved))</code>\(Self.badge(serviceRules(service)))</div>"
                }
                out += "</li>\n"
            }
            out += "</ul>\n</li>\n</ul>\n</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    /// The isolated / not isolated mark as a badge.
    static func badge(_ rules: [String]) -> String {
        rules.isEmpty ? "<span class=\"badge isolated\">isolated</span>"
            : "<span class=\"badge not-isolated\">NOT isolated: \(htmlEscape(rules.joined(separator: ", ")))</span>"
    }

    /// The plan as JSON (`isolint-plan/1`).
    public func json() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("isolint-plan/1", key: "schema")
        w.string(file, key: "file")
        w.string(plan.target.architecture.rawValue, key: "architecture")
        w.string(plan.target.version.description, key: "windows_version")
        w.string(plan.driverStore, key: "driver_store")
        w.beginArray("devices")
        for device in plan.devices {
            w.beginObject()
            w.string(device.description, key: "description")
            w.strings(device.hardwareIDs, key: "hardware_ids")
            w.string(device.modelsSection, key: "models_section")
            w.string(device.installSection, key: "install_section")
            w.integer(device.line.lineNumber, key: "line")
            w.beginArray("files")
            for file in device.files {
                w.beginObject()
                w.string(file.name, key: "name")
                w.string(file.source, key: "source")
                w.integer(file.dirid, key: "dirid")
                w.string(file.folder + "\\" + file.name, key: "destination")
                w.integer(file.line.lineNumber, key: "line")
                let names = fileRules(file)
                w.bool(names.isEmpty, key: "isolated")
                w.strings(names, key: "rules")
                w.endObject()
            }
            w.endArray()
            w.beginArray("registry")
            for value in device.registry {
                w.beginObject()
                w.string(value.operation.rawValue, key: "operation")
                w.string(value.key, key: "key")
                w.string(value.valueName, key: "value_name")
                w.string(value.type.description, key: "type")
                w.strings(value.data, key: "data")
                w.string(value.context.description, key: "hkr_means")
                w.integer(value.line.lineNumber, key: "line")
                let names = self.rules(onLine: value.line.lineNumber)
                w.bool(names.isEmpty, key: "isolated")
                w.strings(names, key: "rules")
                w.endObject()
            }
            w.endArray()
            w.beginArray("services")
            for service in device.services {
                w.beginObject()
                w.string(service.name, key: "name")
                w.string(service.binary, key: "binary")
                w.string(service.resolvedBinary, key: "resolved_binary")
                w.integer(service.serviceType, key: "service_type")
                w.integer(service.startType, key: "start_type")
                w.integer(service.line.lineNumber, key: "line")
                let names = serviceRules(service)
                w.bool(names.isEmpty, key: "isolated")
                w.strings(names, key: "rules")
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.strings(uninstalledFiles, key: "uninstalled_files")
        w.endObject()
        return w.output + "\n"
    }
}
