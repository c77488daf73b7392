import IsolationKnowledge
import Testing

/// The service a registry path names under `SYSTEM\…\Services`, and the rest of the path.
@Suite("Service keys in registry paths")
struct ServiceKeyTests {
    @Test("the service and the rest, empty components skipped, in any case and any control set", arguments: [
        ("SYSTEM\\CurrentControlSet\\Services\\MyDriver\\Parameters", "MyDriver", "Parameters"),
        ("system\\controlset001\\services\\x", "x", ""),
        ("\\\\SYSTEM\\\\CurrentControlSet\\Services\\\\Svc\\\\A\\\\\\B\\", "Svc", "A\\B"),
        ("SYSTEM\\CurrentControlSet\\Services\\Caf\u{E9}\\Sub", "Caf\u{E9}", "Sub"),
    ])
    func found(_ row: (String, String, String)) throws {
        let key = try #require(RegistryKnowledge.serviceKey(in: row.0))
        #expect(key.service == row.1)
        #expect(key.rest == row.2)
    }

    @Test("paths elsewhere name no service", arguments: [
        "SYSTEM\\CurrentControlSet\\Services", "SYSTEM\\CurrentControlSet\\Control\\Class\\x",
        "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", " SYSTEM\\CurrentControlSet\\Services\\x",
        "SYSTEM\\CurrentControlSetX\\Services\\x", "",
    ])
    func notFound(_ path: String) {
        #expect(RegistryKnowledge.serviceKey(in: path) == nil)
    }
}
