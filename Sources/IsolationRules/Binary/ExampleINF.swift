import Findings
import IsolationEngine

/// INF texts for the binary rules' examples: a root-enumerated device that runs from the driver store.
enum ExampleINF {
    /// An INF whose device installs `files` (names in the package folder, or below the disk path
    /// `diskPath`) to DIRID 13, through a Models section decorated `decoration`. The first `.sys` file
    /// becomes the device's kernel service.
    static func installing(_ files: [String], decoration: String = "NTamd64.10.0...17763", diskPath: String? = nil) -> String {
        let driver = files.first { $0.lowercased().hasSuffix(".sys") }
        let service = driver.map { driver in
            """
            [Install.NTamd64.Services]
            AddService = IsoDrv, 0x2, Service
            [Service]
            ServiceType = 1
            StartType = 3
            ErrorControl = 1
            ServiceBinary = %13%\\\(driver)

            """
        } ?? """
            [Install.NTamd64.Services]
            AddService = , 0x2

            """
        return """
            [Version]
            Signature = "$Windows NT$"
            Class = System
            ClassGuid = {4d36e97d-e325-11ce-bfc1-08002be10318}
            Provider = %Mfg%
            CatalogFile = example.cat
            DriverVer = 01/01/2025,1.0.0.0
            PnpLockdown = 1
            [Manufacturer]
            %Mfg% = Contoso, \(decoration)
            [Contoso.\(decoration)]
            %Dev% = Install, Root\\IsoDrv
            [SourceDisksNames]
            1 = %Disk%,,,\(diskPath ?? "")
            [SourceDisksFiles]
            \(files.map { "\($0) = 1" }.joined(separator: "\n"))
            [DestinationDirs]
            DefaultDestDir = 13
            [Install.NTamd64]
            CopyFiles = Files
            \(service)[Files]
            \(files.joined(separator: "\n"))
            [Strings]
            Mfg = "Contoso"
            Dev = "IsoDrv device"
            Disk = "Disk"
            """
    }
}
