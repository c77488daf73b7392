import ArgumentParser
import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge
import IsolationRules
import Platform
import Workspace

/// `isolint api`: the state-management APIs, which Windows version brought each, and which one to
/// call for a kind of state.
struct Api: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Look up the state-management APIs: what each is for, since when, and which to call for a kind of state.",
        discussion: """
        With a NAME: what the API is for, the first Windows (and KMDF/UMDF) version that has it, the \
        kinds of state it serves and what to call on older targets. A value such as \
        DriverRegKeyPersistentState finds its API. A call that is not isolated (ZwOpenKey, \
        RtlWriteRegistryValue, RegOpenKeyEx, ZwCreateFile, CreateFile, IoCreateSymbolicLink) answers \
        with the isolated call for each kind of state. With --kind and --state: the call that family \
        uses for that state, and a warning when --min-os is older than the call.

        Kinds: wdm, kmdf, umdf, user (user-mode services and applications).
        States: \(StateKind.allCases.map(\.rawValue).joined(separator: ", ")).

        Examples:
          isolint api IoOpenDriverRegistryKey
          isolint api ZwOpenKey --kind kmdf --min-os 1709
          isolint api DriverRegKeySharedPersistentState --min-os 10.0.19041
          isolint api --kind kmdf --state internal-service-registry --min-os 10.0.17134
          isolint api --state driver-data-directory
          isolint api --list
        """
    )

    @Argument(help: "An API name or argument value (any letter case).")
    var name: String?

    @Option(help: "The family: wdm, kmdf, umdf or user.")
    var kind: String?

    @Option(help: "The kind of state (see the list above).")
    var state: String?

    @Option(help: "The oldest Windows version the package supports, such as 1803, 10.0.17134 or NTamd64.10.0...17134.")
    var minOs: String?

    @Flag(help: "Print the tables of APIs and of state kinds.")
    var list = false

    func validate() throws {
        if list, name != nil || state != nil { throw ValidationError("--list takes no NAME or --state") }
        if !list, name == nil, kind == nil, state == nil {
            throw ValidationError("give an API NAME, --kind and/or --state, or --list")
        }
        if name != nil, state != nil { throw ValidationError("give either an API NAME or --state, not both") }
    }

    func run() throws {
        let family = try kind.map(Self.family(named:))
        let target = try minOs.map(Self.version(parsing:))
        if list {
            StandardStream.output.write(ApiTables.list(family: family))
        } else if let name {
            StandardStream.output.write(try Self.describe(name: name, family: family, target: target))
        } else {
            let kinds = try state.map { [try Self.stateKind(named: $0)] } ?? StateKind.allCases
            let families = family.map { [$0] } ?? StateAPIFamily.allCases
            var blocks: [String] = []
            for kind in kinds {
                for family in families {
                    if let access = StateKinds.access(kind, family: family) { blocks.append(ApiTables.recommendation(access, target: target)) }
                }
            }
            StandardStream.output.write(blocks.joined(separator: "\n"))
        }
    }

    /// The family named `text`: wdm, kmdf, umdf, user (or user-mode, usermode, win32).
    static func family(named text: String) throws -> StateAPIFamily {
        switch text.lowercased() {
        case "wdm": return .wdm
        case "kmdf": return .kmdf
        case "umdf": return .umdf
        case "user", "user-mode", "usermode", "win32": return .userMode
        default:
            let suggestion = nearest(to: text.lowercased(), in: ["wdm", "kmdf", "umdf", "user"]).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("--kind must be one of wdm, kmdf, umdf, user, not '\(text)'\(suggestion)")
        }
    }

    /// The state kind named `text`.
    static func stateKind(named text: String) throws -> StateKind {
        if let kind = StateKind(name: text) { return kind }
        let suggestion = nearest(to: text.lowercased(), in: StateKind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
        throw ValidationError("no state kind is named '\(text)'\(suggestion); the kinds are \(StateKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    /// A Windows version written as a release (`1803`, `11-24H2`), `10.0.17134`, `17134` or a decoration
    /// such as `NTamd64.10.0...17134`.
    static func version(parsing text: String) throws -> WindowsVersion {
        do {
            return try WorkspaceSettings.target(text, option: "--min-os").version
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The description of the API (or argument value) named `name`, for `family` when given.
    static func describe(name: String, family: StateAPIFamily?, target: WindowsVersion?) throws -> String {
        var apis = StateAPIs.apis(named: name)
        var selected: StateAPIArgument?
        if apis.isEmpty {
            // An argument value names its API.
            apis = StateAPIs.all.filter { $0.argument(named: name) != nil }
            selected = apis.first?.argument(named: name)
        }
        if let family {
            let families = apis.map(\.family.displayName)
            apis = apis.filter { $0.family == family }
            if apis.isEmpty, !families.isEmpty {
                throw ValidationError("\(name) belongs to \(families.joined(separator: " and ")), not \(family.displayName)")
            }
        }
        if apis.isEmpty, let call = UnisolatedCalls.call(named: name) {
            if let family, !call.families.contains(family) {
                throw ValidationError("\(name) is called from \(call.families.map(\.displayName).joined(separator: " and ")), not \(family.displayName)")
            }
            return ApiTables.replacements(for: call, named: name, families: family.map { [$0] } ?? call.families, target: target)
        }
        guard !apis.isEmpty else {
            let names = Set(StateAPIs.all.map(\.name) + StateAPIs.all.flatMap { $0.arguments.map(\.name) }
                + UnisolatedCalls.all.flatMap { [$0.name] + $0.aliases })
            let suggestion = nearest(to: name.lowercased(), in: names.sorted(), caseInsensitive: true).map { " (did you mean '\($0)'?)" } ?? ""
            let scope = family.map { " in \($0.displayName)" } ?? ""
            throw ValidationError("no state API is named '\(name)'\(scope)\(suggestion); `isolint api --list` prints them all")
        }
        return apis.map { ApiTables.describe($0, selected: selected, target: target) }.joined(separator: "\n")
    }

    /// The candidate closest to `text` by edit distance, when close enough to be a typo, or else the
    /// first candidate that holds every hyphen-separated word of `text`.
    static func nearest(to text: String, in candidates: [String], caseInsensitive: Bool = false) -> String? {
        let words = text.split(separator: "-")
        let holding = candidates.first { candidate in words.count > 1 && words.allSatisfy { candidate.lowercased().contains($0) } }
        let scored = candidates.map { ($0, RuleNames.distance(Array(text), Array(caseInsensitive ? $0.lowercased() : $0))) }
            .min { $0.1 < $1.1 }
        guard let (candidate, score) = scored, score <= max(2, text.count / 3) else { return holding }
        return candidate
    }
}

/// The text that `isolint api` prints.
enum ApiTables {
    /// What `api` is for, since when, the state kinds it serves and the alternatives for older targets.
    static func describe(_ api: StateAPI, selected: StateAPIArgument?, target: WindowsVersion?) -> String {
        var out = "\(api.name) — \(api.family.displayName), \(api.module)\n"
        out += "  \(api.purpose)\n"
        out += "  since: \(since(api.release, api.minimumVersion, framework: api.frameworkVersion))\n"
        if !api.arguments.isEmpty {
            out += "  values:\n"
            let width = api.arguments.map(\.name.count).max() ?? 0
            for argument in api.arguments {
                let number = argument.value.map { " = \($0)" } ?? ""
                let pad = String(repeating: " ", count: width - argument.name.count)
                let mark = argument == selected ? "  ◀" : ""
                out += "    \(argument.name)\(pad)  \(argument.type)\(number), \(since(argument.release, argument.minimumVersion, framework: nil))\(mark)\n"
            }
        }
        let uses = StateKinds.uses(of: api)
        if !uses.isEmpty {
            out += "  state kinds:\n"
            for access in uses {
                let value = access.argument.map { " (\($0))" } ?? ""
                let from = access.family == api.family ? "" : " [from \(access.family.displayName)]"
                out += "    \(access.kind.rawValue)\(value)\(from) → \(access.storage.description)\n"
            }
        }
        if !api.alternatives.isEmpty {
            out += "  alternatives:\n"
            for alternative in api.alternatives { out += "    \(alternative.call): \(alternative.when)\n" }
        }
        out += "  on older versions: \(api.runtimeLookup), or decorate the Models section as \(api.decoration(for: .amd64))\n"
        if let target {
            let needed = selected?.minimumVersion ?? api.minimumVersion
            let release = selected?.release ?? api.release
            let what = selected.map { "\(api.name)(\($0.name))" } ?? api.name
            if target < needed { out += "  warning: \(what) needs \(release) (\(needed)), newer than the target \(target)\n" }
        }
        return out
    }

    /// What to call instead of a call that is not isolated: one line per kind of state and family,
    /// marked when `target` is older than the replacement.
    static func replacements(for call: UnisolatedCall, named typed: String, families: [StateAPIFamily], target: WindowsVersion?) -> String {
        let spelled = ([call.name] + call.aliases).first { $0.lowercased() == typed.lowercased() } ?? call.name
        var out = "\(spelled) — not isolated \(call.breaksWhen) (\(call.families.map(\.displayName).joined(separator: ", ")))\n"
        let others = ([call.name] + call.aliases).filter { $0 != spelled }
        out += "  same for: \(others.joined(separator: ", "))\n"
        out += "  why: \(call.why)\n"
        if let fine = call.fine { out += "  isolated use: \(fine)\n" }
        var rows: [(kind: String, family: String, call: String, since: String)] = []
        for kind in call.kinds {
            for family in families {
                guard let access = StateKinds.access(kind, family: family) else { continue }
                guard access.isAvailable, let version = access.minimumVersion, let release = access.release else {
                    rows.append((kind.rawValue, family.displayName, "none: \(access.usage)", ""))
                    continue
                }
                var since = since(release, version, framework: access.frameworkVersion)
                if let target, target < version { since += " — newer than the target \(target)" }
                rows.append((kind.rawValue, family.displayName, access.calls.isEmpty ? access.usage : access.callDescription, since))
            }
        }
        if !rows.isEmpty {
            out += "  instead, by the state kept (isolint api --state KIND --kind FAMILY for more):\n"
            let kindWidth = rows.map(\.kind.count).max() ?? 0
            let familyWidth = rows.map(\.family.count).max() ?? 0
            for row in rows {
                let kind = row.kind + String(repeating: " ", count: kindWidth - row.kind.count)
                let family = row.family + String(repeating: " ", count: familyWidth - row.family.count)
                out += "    \(kind)  \(family)  \(row.call)\(row.since.isEmpty ? "" : "  (\(row.since))")\n"
            }
        }
        if !call.replacements.isEmpty {
            out += "  instead:\n" + call.replacements.map { "    \($0)\n" }.joined()
        }
        return out
    }

    /// The recommended call for one family and state kind, with a warning when `target` is older.
    static func recommendation(_ access: StateAccess, target: WindowsVersion?) -> String {
        var out = "\(access.kind.rawValue) — \(access.family.displayName)\n"
        guard let version = access.minimumVersion, let release = access.release else {
            return out + "  no call: \(access.usage)\n"
        }
        if access.calls.isEmpty {
            out += "  use: \(access.usage)\n"
        } else {
            out += "  call: \(access.callDescription)\n"
            out += "  how: \(access.usage)\n"
        }
        out += "  since: \(since(release, version, framework: access.frameworkVersion))\n"
        out += "  stored: \(access.storage.description)\n"
        if let notes = access.notes { out += "  notes: \(notes)\n" }
        if let target, target < version {
            out += "  warning: the target \(target) is older than \(release) (\(version))"
            if let api = access.calls.max(by: { $0.minimumVersion < $1.minimumVersion }) {
                out += "; \(api.runtimeLookup), or decorate the Models section as \(StateAPI.decoration(for: version, architecture: .amd64))\n"
                for alternative in access.calls.flatMap(\.alternatives) where alternative.replaces(on: target) {
                    out += "  instead: \(alternative.call): \(alternative.when)\n"
                }
            } else {
                out += "\n"
            }
        }
        return out
    }

    /// The API table and the state-kind table, for `family` or for all.
    static func list(family: StateAPIFamily?) -> String {
        let families = family.map { [$0] } ?? StateAPIFamily.allCases
        var out = ""
        for family in families {
            out += "\(family.displayName) APIs\n"
            let apis = StateAPIs.all.filter { $0.family == family }
            let width = apis.map(\.name.count).max() ?? 0
            for api in apis {
                let pad = String(repeating: " ", count: width - api.name.count)
                out += "  \(api.name)\(pad)  \(since(api.release, api.minimumVersion, framework: api.frameworkVersion))\n"
                for argument in api.arguments where argument.minimumVersion != api.minimumVersion {
                    out += "    (\(argument.name))\(String(repeating: " ", count: max(0, width - argument.name.count - 4)))  \(since(argument.release, argument.minimumVersion, framework: nil))\n"
                }
            }
            out += "\n"
        }
        for family in families {
            out += "\(family.displayName) state kinds\n"
            for access in StateKinds.all where access.family == family {
                let call = access.isAvailable ? access.callDescription : "none"
                let version = access.minimumVersion.map { " — " + since(access.release ?? "", $0, framework: access.frameworkVersion) } ?? ""
                out += "  \(access.kind.rawValue): \(call)\(version)\n"
                out += "      stored: \(access.storage.description)\n"
            }
            out += "\n"
        }
        return out
    }

    /// `Windows 10 version 1803 (10.0.17134), KMDF 1.25`.
    static func since(_ release: String, _ version: WindowsVersion, framework: String?) -> String {
        "\(release) (\(version))" + (framework.map { ", \($0)" } ?? "")
    }
}
