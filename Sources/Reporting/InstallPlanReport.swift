import DriverPackage
import INFModel
import Isolation

/// Renders an install plan as an indented tree or as JSON, marking each entry isolated or not with
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

    func fileRules(_ file: InstallPlan.File) -> [String] {
        guard let dirid = file.dirid else { return ["no-destination"] }
        if dirid == 13 { return [] }
        return [(16422...16428).contains(dirid) ? "program-files-destination" : "destination-not-driver-store"]
    }

    /// The rules about a service's binary: those on its line, or the destination rule when it does
    /// not run from the driver store.
    func serviceRules(_ service: InstallPlan.Service) -> [String] {
        let onLine = service.binaryLine.map { rules(onLine: $0.lineNumber) } ?? []
        if !onLine.isEmpty { return onLine }
        guard let resolved = service.resolvedBinary, !resolved.lowercased().hasPrefix(plan.driverStore.lowercased()) else { return [] }
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
