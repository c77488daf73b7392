import Foundation
import TestSupport
import Testing

/// `isolint api` asked about a call that is not isolated: it answers with what to call instead.
@Suite("api reverse lookup")
struct ApiCommandLineTests {
    @Test("registry calls on global paths answer with the isolated call per kind of state and family",
          arguments: ["ZwOpenKey", "zwcreatekey", "RtlWriteRegistryValue", "RtlQueryRegistryValues"])
    func kernelRegistry(name: String) throws {
        let run = try CommandLineTests.run(["api", name, "--kind", "kmdf", "--min-os", "1709"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("— not isolated "))
        #expect(run.stdout.contains("service-parameters-registry  KMDF  WdfDriverOpenParametersRegistryKey"))
        #expect(run.stdout.contains("internal-service-registry    KMDF  WdfDriverOpenPersistentStateRegistryKey"))
        // 1709 is older than the persistent-state key.
        #expect(run.stdout.contains("KMDF 1.25 — newer than the target 10.0.16299"))
        #expect(!run.stdout.contains(" WDM "))
    }

    @Test("RegOpenKeyEx answers for UMDF and user mode; CreateFile adds device interfaces for fixed device names")
    func userMode() throws {
        let registry = try CommandLineTests.run(["api", "RegOpenKeyExW"])
        #expect(registry.status == 0, "\(registry.stderr)")
        #expect(registry.stdout.hasPrefix("RegOpenKeyExW — not isolated on a path under HKEY_LOCAL_MACHINE"))
        #expect(registry.stdout.contains("user mode"))
        #expect(registry.stdout.contains("UMDF"))
        let file = try CommandLineTests.run(["api", "CreateFile", "--kind", "user"])
        #expect(file.stdout.contains("driver-data-directory   user mode  GetServiceDirectory(ServiceDirectoryPersistentState)"), "\(file.stdout)")
        #expect(file.stdout.contains("CM_Get_Device_Interface_List"))
        let kernelFile = try CommandLineTests.run(["api", "ZwCreateFile"])
        #expect(kernelFile.stdout.contains("driver-data-directory"))
        #expect(kernelFile.stdout.contains("IoGetDriverDirectory") || kernelFile.stdout.contains("WdfDriverRetrieveDriverDataDirectoryString"), "\(kernelFile.stdout)")
    }

    @Test("IoCreateSymbolicLink answers with device interfaces; a family that never calls it is an error")
    func symbolicLinks() throws {
        let run = try CommandLineTests.run(["api", "IoCreateSymbolicLink"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("IoRegisterDeviceInterface"))
        #expect(run.stdout.contains("WdfDeviceCreateDeviceInterface"))
        let wrongFamily = try CommandLineTests.run(["api", "ZwOpenKey", "--kind", "user"])
        #expect(wrongFamily.status == 2)
        #expect(wrongFamily.stderr.contains("ZwOpenKey is called from WDM and KMDF, not user mode"))
        let typo = try CommandLineTests.run(["api", "ZwOpenKee"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'ZwOpenKey'?"))
    }
}
