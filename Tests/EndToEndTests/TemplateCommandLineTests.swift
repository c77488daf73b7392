import Foundation
import TestSupport
import Testing

/// INF templates of builds other than stampinf: `@VAR@` and `#VAR#` tokens get what `$VAR$` tokens get.
@Suite("Template tokens on the command line")
struct TemplateCommandLineTests {
    /// A driver INF as a CMake template, with `token` around each variable name.
    static func template(_ open: String, _ close: String) -> String {
        """
        [Version]
        Signature = "$Windows NT$"
        Class = System
        ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
        Provider = %Contoso%
        DriverVer = \(open)DRIVER_DATE\(close),\(open)DRIVER_VERSION\(close)
        CatalogFile = \(open)TARGET_NAME\(close).cat
        PnpLockdown = 1

        [Manufacturer]
        %Contoso% = Models,NT\(open)ARCH\(close).10.0...16299

        [Models.NT\(open)ARCH\(close).10.0...16299]
        %Device% = Install, ROOT\\CONTOSO

        [Install.NT]
        CopyFiles = Files

        [Install.NT.Services]
        AddService = \(open)SERVICE_NAME\(close), 2, Service

        [Service]
        ServiceType = 1
        StartType = 3
        ErrorControl = 1
        ServiceBinary = %13%\\\(open)TARGET_NAME\(close).sys

        [Files]
        \(open)TARGET_NAME\(close).sys

        [DestinationDirs]
        Files = 13

        [SourceDisksNames]
        1 = %Disk%

        [SourceDisksFiles]
        \(open)TARGET_NAME\(close).sys = 1

        [Strings]
        Contoso = "Contoso"
        Device = "Contoso Device"
        Disk = "Disk"

        """
    }

    /// The rules and levels each finding of a concise report has, in order, with the token rules
    /// named alike.
    static func verdicts(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.contains("[") && $0.contains("]: ") }.map { line in
            let head = line.split(separator: " ", maxSplits: 2)[1]
            return String(head).replacingOccurrences(of: "template-token-left", with: "token")
                .replacingOccurrences(of: "unresolved-token/1274", with: "token")
        }
    }

    @Test("an .inf.in template is checked like an .inx, and its INF like one stampinf has not stamped", arguments: [("@", "@"), ("#", "#")])
    func likeStampinf(open: String, close: String) throws {
        try TemporaryFolder.with("isolint-templates") { folder in
            for (name, text) in [("driver.inf.in", Self.template(open, close)), ("driver.inf", Self.template(open, close)),
                                 ("stamp.inx", Self.template("$", "$")), ("stamp.inf", Self.template("$", "$"))] {
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            }
            let template = try CommandLineTests.run(["check", "--no-config", "--output-format", "concise", "driver.inf.in"], in: folder)
            let inx = try CommandLineTests.run(["check", "--no-config", "--output-format", "concise", "stamp.inx"], in: folder)
            #expect(template.status == 0, "\(template.stdout)")
            #expect(Self.verdicts(template.stdout) == Self.verdicts(inx.stdout))
            let configured = try CommandLineTests.run(["check", "--no-config", "--output-format", "concise", "driver.inf"], in: folder)
            let stamped = try CommandLineTests.run(["check", "--no-config", "--output-format", "concise", "stamp.inf"], in: folder)
            #expect(configured.status == 0, "\(configured.stdout)")
            #expect(Self.verdicts(configured.stdout) == Self.verdicts(stamped.stdout), "\(configured.stdout)\n\(stamped.stdout)")
            #expect(configured.stdout.contains("note[template-token-left]: '\(open)ARCH\(close)' is a token of the INF's build template"))
            #expect(!configured.stdout.contains("error["))
            // A folder's templates are found like its INFs.
            let folderRun = try CommandLineTests.run(["check", "--no-config", "."], in: folder)
            #expect(folderRun.stdout.contains("Checked 4 INF files"), "\(folderRun.stdout)")
        }
    }
}
