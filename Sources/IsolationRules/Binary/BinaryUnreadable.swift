import Findings
import IsolationEngine

/// A package binary that cannot be read as a PE image, or only in part.
public struct BinaryUnreadable: BinaryRule {
    public static let description = RuleDescription(
        name: "binary-unreadable", codes: [],
        title: "A package binary could not be read whole",
        why: "A .sys, .dll or .exe that is cut off or not a Portable Executable at all fails to load (and its catalog hash describes a broken file); it usually means an interrupted copy or build. A binary with more matching strings than a scan keeps is checked only in part.",
        fix: "Rebuild the binary or copy it into the package again; for a binary checked in part, fix the paths reported and check it again.",
        levels: levels("W W W W"), fixable: false, group: .binaries)

    public static let binaryExamples = [
        BinaryExample(
            inf: ExampleINF.installing(["isodrv.sys"]), fixture: "isodrv-cut-in-headers.sys", path: "isodrv.sys",
            reports: [.init(level: .warning)]),
        BinaryExample(
            inf: ExampleINF.installing(["isodrv.sys"]), fixture: "isodrv-cut-in-sections.sys", path: "isodrv.sys",
            reports: [.init(level: .warning)]),
        BinaryExample(inf: ExampleINF.installing(["isodrv.sys"]), fixture: "isodrv-x64.sys", path: "isodrv.sys"),
    ]

    public init() {}

    public func check(_ binary: BinaryTarget) -> [Violation] {
        var result: [Violation] = []
        if let damage = binary.image.damage {
            if damage.isFatal {
                return [binary.violation(at: damage.offset, "'\(binary.path)' cannot be read as a PE image: \(damage.message)")]
            }
            result.append(binary.violation(at: damage.offset, "'\(binary.path)' is damaged, so it was checked only in part: \(damage.message)",
                                           maximumLevel: .warning))
        }
        if binary.image.stringsLimitReached, let last = binary.image.strings.last {
            result.append(binary.violation(
                at: last.offset,
                "'\(binary.path)' holds more than \(binary.image.strings.count) strings that look like global paths; those after this one were not checked",
                maximumLevel: .note))
        }
        return result
    }
}
