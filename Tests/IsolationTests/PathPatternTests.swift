import Findings
import INFModel
import IsolationEngine
import IsolationKnowledge
import IsolationRules
import Testing

/// The shapes of global paths the binary rules look for in strings.
@Suite("Path patterns")
struct PathPatternTests {
    @Test("machine-wide registry keys", arguments: [
        ("\\Registry\\Machine\\SYSTEM\\CurrentControlSet\\Services\\x", true),
        ("\\REGISTRY\\MACHINE", true),
        ("\\Registry\\User\\S-1-5-18\\Software", true),
        ("HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso", true),
        ("Key: HKEY_CLASSES_ROOT\\CLSID\\{x}", true),
        ("HKLM\\SOFTWARE\\Contoso", true),
        ("SYSTEM\\CurrentControlSet\\Control\\Class", true),
        ("x\\SYSTEM\\ControlSet001\\Services", true),
        ("HKEY_CURRENT_USER\\Software\\Contoso", false),
        ("hkU\\x", false),
        ("HKU\\", false),
        ("\\Registry\\MachineName", false),
        ("MYSYSTEM\\CurrentControlSet\\x", false),
        ("Parameters\\Settings", false),
    ])
    func registry(text: String, expected: Bool) {
        #expect(PathPatterns.isGlobalRegistryPath(text) == expected)
    }

    @Test("absolute file paths", arguments: [
        ("C:\\Windows\\System32\\x.dll", true),
        ("\\??\\C:\\Data\\log.txt", true),
        ("\\\\?\\D:\\state.bin", true),
        ("Opening \"E:\\Logs\\trace.etl\"", true),
        ("\\SystemRoot\\System32\\drivers\\x.sys", true),
        ("%SystemRoot%\\System32\\drivers\\x.sys", true),
        ("System32\\DriverStore\\FileRepository\\x.inf_amd64", true),
        ("C:\\Windows\\", true),
        ("d:\\a\\_work\\1\\s\\driver\\x64\\Release\\isodrv.pdb", false),
        ("c:\\src\\driver\\queue.c", false),
        ("r:\\a7", false),
        ("9C:\\Windows\\x", false),
        ("C:\\", false),
        ("%SystemRoot%\\System32\\kernel32.dll", false),
        ("\\DriverData\\Contoso\\x.dat", false),
    ])
    func files(text: String, expected: Bool) {
        #expect(PathPatterns.isAbsoluteFilePath(text) == expected)
    }

    @Test("device names", arguments: [
        ("\\DosDevices\\IsoDrv", "IsoDrv"),
        ("\\DosDevices\\Global\\IsoDrv", "IsoDrv"),
        ("\\??\\IsoDrv", "IsoDrv"),
        ("\\GLOBAL??\\IsoDrv", "IsoDrv"),
        ("\\\\.\\IsoDrv", "IsoDrv"),
        ("\\Device\\IsoDrv0", "IsoDrv0"),
        ("open \"\\\\.\\COM7\"", "COM7"),
        ("\\??\\C:\\x.txt", nil),
        ("\\\\.\\C:", nil),
        ("\\??\\UNC\\server\\share", nil),
        ("\\\\.\\pipe\\IsoDrv", nil),
        ("\\Device\\", nil),
        ("prefix\\Device\\IsoDrv", nil),
        ("\\Registry\\Machine\\SYSTEM\\x\\Device Parameters", nil),
    ] as [(String, String?)])
    func devices(text: String, expected: String?) {
        #expect(PathPatterns.deviceName(in: text) == expected)
    }

    @Test("files in the root of shared data folders", arguments: [
        ("%ProgramData%\\isoopen.log", "%ProgramData%", "isoopen.log"),
        ("%PROGRAMDATA%\\x.db", "%PROGRAMDATA%", "x.db"),
        ("C:\\ProgramData\\trace.etl", "C:\\ProgramData", "trace.etl"),
        ("\\SystemRoot\\System32\\drivers\\DriverData\\state.bin", "\\DriverData", "state.bin"),
        ("%DriverData%\\cache.dat", "%DriverData%", "cache.dat"),
        ("\"%TEMP%\\setup.log\" /q", "%TEMP%", "setup.log"),
        ("%TMP%\\%s.tmp", "%TMP%", "%s.tmp"),
    ])
    func dataRoots(text: String, folder: String, file: String) {
        let found = PathPatterns.dataRootFile(in: text)
        #expect(found?.folder == folder)
        #expect(found?.file == file)
    }

    @Test("company subfolders, folders and other roots are fine", arguments: [
        "%ProgramData%\\Contoso\\isoenum.log",
        "%ProgramData%\\Contoso",
        "\\DriverData\\Contoso\\x.dat",
        "%ProgramData%\\",
        "X%TEMP%\\a.log",
        "%LOCALAPPDATA%\\x.log",
    ])
    func noDataRoot(text: String) {
        #expect(PathPatterns.dataRootFile(in: text) == nil)
    }

    @Test("Parameters key paths, and what a scan keeps")
    func parametersAndCandidates() {
        #expect(PathPatterns.namesParametersKey("\\Parameters"))
        #expect(PathPatterns.namesParametersKey("isodrv\\Parameters\\Tuning"))
        #expect(!PathPatterns.namesParametersKey("\\ParametersBackup"))
        #expect(PathPatterns.isCandidate("isodrv\\Parameters"))
        #expect(PathPatterns.isCandidate("\\\\.\\IsoDrv"))
        #expect(!PathPatterns.isCandidate("Contoso\\state.bin"))
        #expect(!PathPatterns.isCandidate("HKEY_LOCAL_MACHINE"))
    }
}

/// The state-API knowledge behind `binary-api-newer-than-target`.
@Suite("State APIs")
struct StateAPITests {
    @Test("lookups follow the caller's mode; decorations follow the first version")
    func lookups() throws {
        let wdm = try #require(StateAPIs.api(named: "IoOpenDriverRegistryKey", kernelMode: true))
        #expect(wdm.family == .wdm && wdm.module == "ntoskrnl.exe")
        #expect(wdm.minimumVersion == WindowsVersion(major: 10, minor: 0, build: 17134))
        #expect(wdm.decoration(for: .amd64) == "NTamd64.10.0...17134")
        #expect(StateAPIs.api(named: "IoOpenDriverRegistryKey", kernelMode: false) == nil)
        #expect(StateAPIs.api(named: "WdfDriverOpenPersistentStateRegistryKey", kernelMode: true)?.frameworkVersion == "KMDF 1.25")
        #expect(StateAPIs.api(named: "WdfDriverOpenPersistentStateRegistryKey", kernelMode: false)?.frameworkVersion == "UMDF 2.25")
        #expect(StateAPIs.api(named: "IoGetDevicePropertyData", kernelMode: true)?.decoration(for: .x86) == "NTx86.6.0")
        #expect(StateAPIs.api(named: "GetSharedServiceDirectory", kernelMode: false)?.minimumVersion.build == 22000)
        #expect(Set(StateAPIs.all.map(\.family)) == Set(StateAPIFamily.allCases))
    }
}
