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
            for (key, indices) in Self.groupedByKey(device.registry) {
                out += "      \(key)\n"
                for index in indices {
                    let value = device.registry[index]
                    out += "        \(Self.describe(value))   [\(Self.mark(verdicts.registryValue(index, device: deviceIndex)))] (line \(value.line.lineNumber))\n"
                }
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
            if !device.filters.isEmpty {
                out += "    filters\n"
                for filter in device.filters { out += "      \(Self.describe(filter)) (line \(filter.line.lineNumber))\n" }
            }
            if !device.inclusions.isEmpty {
                out += "    from other INFs (Include and Needs; what those sections install is not shown)\n"
                for inclusion in device.inclusions { out += "      \(Self.describe(inclusion)) (line \(inclusion.line.lineNumber))\n" }
            }
        }
        if !uninstalledFiles.isEmpty {
            out += "\n  files in the package that no INF installs\n"
            for file in uninstalledFiles { out += "    \(file)\n" }
        }
        return out
    }

    /// The registry values' positions grouped under their keys (compared ignoring case), keys in the
    /// order they first appear and values in file order under each.
    static func groupedByKey(_ values: [InstallPlan.RegistryValue]) -> [(key: String, indices: [Int])] {
        var groups: [(key: String, indices: [Int])] = []
        var positions: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            let folded = value.key.lowercased()
            if let position = positions[folded] {
                groups[position].indices.append(index)
            } else {
                positions[folded] = groups.count
                groups.append((value.key, [index]))
            }
        }
        return groups
    }

    /// What one registry line does to its key: writes a value, deletes a value or the key, or changes bits.
    static func describe(_ value: InstallPlan.RegistryValue) -> String {
        let name = value.valueName.map { $0.isEmpty ? "(Default)" : $0 }
        switch value.operation {
        case .addReg:
            let data = value.data.isEmpty ? "" : " = " + value.data.joined(separator: ", ")
            return name.map { "\($0) \(value.type)\(data)" } ?? "(the key, no value)"
        case .delReg:
            return name.map { "delete \($0)" } ?? "delete the key"
        case .bitReg:
            return "change bits of \(name ?? "(Default)")" + (value.data.isEmpty ? "" : " (mask, byte: \(value.data.joined(separator: ", ")))")
        }
    }

    /// A declared filter: its name, position, level and section.
    static func describe(_ filter: InstallPlan.Filter) -> String {
        var text = filter.name
        if let position = filter.position { text += " \(position.lowercased())" }
        if let level = filter.level { text += " at level \(level)" }
        if let section = filter.section { text += " from [\(section)]" }
        return text
    }

    /// The Include and Needs of one section.
    static func describe(_ inclusion: InstallPlan.Inclusion) -> String {
        var parts: [String] = []
        if !inclusion.include.isEmpty { parts.append("Include = \(inclusion.include.joined(separator: ", "))") }
        if !inclusion.needs.isEmpty { parts.append("Needs = \(inclusion.needs.joined(separator: ", "))") }
        return "[\(inclusion.section)] " + parts.joined(separator: "; ")
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
            for (key, indices) in Self.groupedByKey(device.registry) {
                out += "<li><code>\(htmlEscape(key))</code>"
                for index in indices {
                    let value = device.registry[index]
                    out += "<div><code>\(htmlEscape(Self.describe(value)))</code>"
                        + "\(Self.badge(verdicts.registryValue(index, device: deviceIndex))) <span class=\"dim\">(line \(value.line.lineNumber))</span></div>"
                }
                out += "</li>\n"
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
            if !device.filters.isEmpty {
                out += "</ul>\n</li>\n<li><span class=\"label\">filters</span>\n<ul>\n"
                for filter in device.filters {
                    out += "<li><code>\(htmlEscape(Self.describe(filter)))</code> <span class=\"dim\">(line \(filter.line.lineNumber))</span></li>\n"
                }
            }
            if !device.inclusions.isEmpty {
                out += "</ul>\n</li>\n<li><span class=\"label\">from other INFs</span>\n<ul>\n"
                for inclusion in device.inclusions {
                    out += "<li><code>\(htmlEscape(Self.describe(inclusion)))</code> <span class=\"dim\">(line \(inclusion.line.lineNumber))</span></li>\n"
                }
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
            w.beginArray("filters")
            for filter in device.filters {
                w.beginObject()
                w.string(filter.name, key: "name")
                w.string(filter.position, key: "position")
                w.string(filter.level, key: "level")
                w.string(filter.section, key: "section")
                w.integer(filter.line.lineNumber, key: "line")
                w.endObject()
            }
            w.endArray()
            w.beginArray("inclusions")
            for inclusion in device.inclusions {
                w.beginObject()
                w.string(inclusion.section, key: "section")
                w.strings(inclusion.include, key: "include")
                w.strings(inclusion.needs, key: "needs")
                w.integer(inclusion.line.lineNumber, key: "line")
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
