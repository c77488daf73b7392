import DriverPackage
import INFModel

/// Renders an install plan as an indented tree, as JSON or as an HTML page, marking each entry isolated or not with
/// the rules that say so.
public struct InstallPlanReport: Sendable {
    public let file: String
    public let plan: InstallPlan
    /// The rules that call each item not isolated.
    public let verdicts: InstallVerdicts
    /// Files of the package folder that no INF of the package installs.
    public let uninstalledFiles: [String]

    public init(file: String, plan: InstallPlan, verdicts: InstallVerdicts, uninstalledFiles: [String] = []) {
        self.file = file
        self.plan = plan
        self.verdicts = verdicts
        self.uninstalledFiles = uninstalledFiles
    }

    static func mark(_ rules: [String]) -> String {
        rules.isEmpty ? "isolated" : "NOT isolated: " + rules.joined(separator: ", ")
    }

    /// The plan as an indented tree.
    public func text() -> String {
        var out = "\(file) — \(plan.target.architecture.rawValue), Windows \(plan.target.version)\n"
        out += "  driver store: \(plan.driverStore)\n"
        if plan.devices.isEmpty { out += "  (no device or DefaultInstall applies on this target)\n" }
        for (deviceIndex, device) in plan.devices.enumerated() {
            let ids = device.hardwareIDs.isEmpty ? "" : " " + device.hardwareIDs.joined(separator: ", ")
            let models = device.modelsSection.isEmpty ? "" : "[\(device.modelsSection)] → "
            out += "\n  device \"\(device.description)\"\(ids)\n    \(models)[\(device.installSection)] (line \(device.line.lineNumber))\n"
            out += "    files\n"
            if device.files.isEmpty { out += "      (none)\n" }
            for (index, file) in device.files.enumerated() {
                out += "      \(file.name) ← \(file.source.isEmpty ? file.name : file.source)\n"
                out += "        → \(file.folder)\\\(file.name)   [\(Self.mark(verdicts.file(index, device: deviceIndex)))]\n"
            }
            out += "    registry\n"
            if device.registry.isEmpty { out += "      (none)\n" }
            for (index, value) in device.registry.enumerated() {
                let name = value.valueName.map { $0.isEmpty ? "(Default)" : $0 } ?? "(key only)"
                let verb = value.operation == .addReg ? "" : "\(value.operation.rawValue) "
                let data = value.data.isEmpty ? "" : " = " + value.data.joined(separator: ", ")
                out += "      \(verb)\(value.key)\n        \(name) \(value.type)\(data)   [\(Self.mark(verdicts.registryValue(index, device: deviceIndex)))] (line \(value.line.lineNumber))\n"
            }
            out += "    services\n"
            if device.services.isEmpty { out += "      (none)\n" }
            for (index, service) in device.services.enumerated() {
                let start = service.startType.map { " start \(Self.startName($0))" } ?? ""
                out += "      \(service.name)\(start)\n"
                if let binary = service.binary, let resolved = service.resolvedBinary {
                    let binaryRules = verdicts.service(index, device: deviceIndex)
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
        for (deviceIndex, device) in plan.devices.enumerated() {
            let ids = device.hardwareIDs.isEmpty ? "" : " <code class=\"dim\">\(htmlEscape(device.hardwareIDs.joined(separator: ", ")))</code>"
            let models = device.modelsSection.isEmpty ? "" : "[\(device.modelsSection)] → "
            out += "<li><span class=\"label\">device “\(htmlEscape(device.description))”</span>\(ids)"
            out += "<div class=\"dim\"><code>\(htmlEscape(models))[\(htmlEscape(device.installSection))]</code> (line \(device.line.lineNumber))</div>\n"
            out += "<ul>\n<li><span class=\"label\">files</span>\n<ul>\n"
            if device.files.isEmpty { out += "<li class=\"dim\">none</li>\n" }
            for (index, file) in device.files.enumerated() {
                let source = file.source.isEmpty ? file.name : file.source
                out += "<li><code>\(htmlEscape(file.name))</code> <span class=\"dim\">← \(htmlEscape(source))</span>"
                    + "<div>→ <code>\(htmlEscape(file.folder + "\\" + file.name))</code>\(Self.badge(verdicts.file(index, device: deviceIndex)))</div></li>\n"
            }
            out += "</ul>\n</li>\n<li><span class=\"label\">registry</span>\n<ul>\n"
            if device.registry.isEmpty { out += "<li class=\"dim\">none</li>\n" }
            for (index, value) in device.registry.enumerated() {
                let name = value.valueName.map { $0.isEmpty ? "(Default)" : $0 } ?? "(key only)"
                let verb = value.operation == .addReg ? "" : "\(value.operation.rawValue) "
                let data = value.data.isEmpty ? "" : " = " + value.data.joined(separator: ", ")
                out += "<li><code>\(htmlEscape(verb + value.key))</code>"
                    + "<div><code>\(htmlEscape(name)) \(htmlEscape(value.type.description))\(htmlEscape(data))</code>"
                    + "\(Self.badge(verdicts.registryValue(index, device: deviceIndex))) <span class=\"dim\">(line \(value.line.lineNumber))</span></div></li>\n"
            }
            out += "</ul>\n</li>\n<li><span class=\"label\">services</span>\n<ul>\n"
            if device.services.isEmpty { out += "<li class=\"dim\">none</li>\n" }
            for (index, service) in device.services.enumerated() {
                let start = service.startType.map { " <span class=\"dim\">start \(Self.startName($0))</span>" } ?? ""
                out += "<li><code>\(htmlEscape(service.name))</code>\(start)"
                if let binary = service.binary, let resolved = service.resolvedBinary {
                    out += "<div>binary <code>\(htmlEscape(binary))</code> → <code>\(htmlEscape(resolved))</code>\(Self.badge(verdicts.service(index, device: deviceIndex)))</div>"
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
        for (deviceIndex, device) in plan.devices.enumerated() {
            w.beginObject()
            w.string(device.description, key: "description")
            w.strings(device.hardwareIDs, key: "hardware_ids")
            w.string(device.modelsSection, key: "models_section")
            w.string(device.installSection, key: "install_section")
            w.integer(device.line.lineNumber, key: "line")
            w.beginArray("files")
            for (index, file) in device.files.enumerated() {
                w.beginObject()
                w.string(file.name, key: "name")
                w.string(file.source, key: "source")
                w.integer(file.dirid, key: "dirid")
                w.string(file.folder + "\\" + file.name, key: "destination")
                w.integer(file.line.lineNumber, key: "line")
                let names = verdicts.file(index, device: deviceIndex)
                w.bool(names.isEmpty, key: "isolated")
                w.strings(names, key: "rules")
                w.endObject()
            }
            w.endArray()
            w.beginArray("registry")
            for (index, value) in device.registry.enumerated() {
                w.beginObject()
                w.string(value.operation.rawValue, key: "operation")
                w.string(value.key, key: "key")
                w.string(value.valueName, key: "value_name")
                w.string(value.type.description, key: "type")
                w.strings(value.data, key: "data")
                w.string(value.context.description, key: "hkr_means")
                w.integer(value.line.lineNumber, key: "line")
                let names = verdicts.registryValue(index, device: deviceIndex)
                w.bool(names.isEmpty, key: "isolated")
                w.strings(names, key: "rules")
                w.endObject()
            }
            w.endArray()
            w.beginArray("services")
            for (index, service) in device.services.enumerated() {
                w.beginObject()
                w.string(service.name, key: "name")
                w.string(service.binary, key: "binary")
                w.string(service.resolvedBinary, key: "resolved_binary")
                w.integer(service.serviceType, key: "service_type")
                w.integer(service.startType, key: "start_type")
                w.integer(service.line.lineNumber, key: "line")
                let names = verdicts.service(index, device: deviceIndex)
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
