import Findings
import INFModel
import IsolationEngine

/// A malformed TargetOSVersion decoration on a `[Manufacturer]` line, or one with a build number
/// below 14310.
public struct BadDecoration: Rule {
    public static let description = RuleDescription(
        name: "bad-decoration", codes: [1287, 1288],
        title: "A TargetOSVersion decoration is malformed or its build number is below 14310",
        why: "Windows skips a Models section whose decoration it cannot read, so the devices it lists install nowhere; build numbers are read only from Windows 10 version 1607 (build 14310) on, and older builds ignore the decoration altogether.",
        fix: "Write NT<arch>[.major[.minor[.producttype[.suitemask[.build]]]]], e.g. NTamd64.10.0...17763 (two empty fields before the build number), with a build number of 14310 or more.",
        levels: levels("E E E E"), fixable: false, group: .infVerifParity)

    public static let triggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, ↓NTx64, ↓NTamd64.10.0.17763, ↓NTamd64.10.0...10240
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    public static let nonTriggeringExamples = [
        RuleExample("""
        [Version]
        Signature = "$Windows NT$"
        [Manufacturer]
        %Mfg% = Models, NTamd64, NTamd64.10.0...16299, NTarm64.10.0.1, NTx86.6.1
        [Strings]
        Mfg = "Contoso"
        """),
    ]

    /// The first build that reads the build-number field (Windows 10 version 1607 previews).
    static let firstBuildWithBuildNumbers = 14310

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var result: [Violation] = []
        for entry in context.document.manufacturers {
            for (offset, text) in entry.line.fields.enumerated().dropFirst() where !text.isEmpty {
                let range = context.range(of: entry.line, field: offset + 1)
                guard let decoration = PlatformDecoration(parsing: text) else {
                    result.append(Violation(range: range, message: "TargetOSVersion decoration '\(text)' is malformed; write NT<arch>[.major[.minor[.producttype[.suitemask[.build]]]]]",
                                            code: 1287, infVerifValues: [text, entry.modelsSection, "Manufacturer"]))
                    continue
                }
                if let productType = decoration.productType, !(1...3).contains(productType) {
                    let parts = text.split(ascii: ".", omittingEmptySubsequences: false)
                    let guess = productType >= 1000 && parts.count == 4
                        ? "; for a build number write \(parts[0...2].joined(separator: "."))...\(parts[3])"
                        : ""
                    result.append(Violation(range: range, message: "TargetOSVersion decoration '\(text)' has product type \(productType), which is not 1, 2 or 3\(guess)",
                                            code: 1287, infVerifValues: [text, entry.modelsSection, "Manufacturer"]))
                    continue
                }
                if let build = decoration.build, build < Self.firstBuildWithBuildNumbers {
                    result.append(Violation(range: range, message: "TargetOSVersion decoration '\(text)' has build number \(build); build numbers below \(Self.firstBuildWithBuildNumbers) are not supported",
                                            code: 1288,
                                            infVerifValues: ["\(decoration.major ?? 0)", "\(decoration.minor ?? 0)", "\(build)", "10", "0", "\(Self.firstBuildWithBuildNumbers)"]))
                }
            }
        }
        return result
    }
}
