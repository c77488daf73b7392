import INFModel
import Testing

/// The Windows release tables and the names they read.
@Suite("Windows releases")
struct WindowsReleasesTests {
    @Test("Every release in the tables has a name that gives back its build")
    func releaseTables() {
        for (release, build) in WindowsReleases.windows10 {
            #expect(WindowsReleases.build(named: "10-" + release) == build)
        }
        for (release, build) in WindowsReleases.windows11 {
            #expect(WindowsReleases.build(named: "11-" + release) == build)
        }
        for (release, build) in WindowsReleases.servers {
            #expect(WindowsReleases.build(named: "Server " + release) == build)
        }
        #expect(WindowsReleases.name(ofBuild: 17763) == "Windows 10 version 1809 / Windows Server 2019")
    }
}
