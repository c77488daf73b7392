@testable import INFModel
import Testing

/// Numbered names: one number per name ignoring case, exactly where case-insensitive keys are equal.
@Suite("Name numbering")
struct NameInternerTests {
    @Test("a name gets one number in any case, in ASCII and other scripts")
    func sameName() {
        var names = NameInterner()
        for (a, b) in [("CopyFiles", "COPYFILES"), ("Ünïcode", "üNÏCODE"), ("ΣΕΚΤΙΟΝ", "σεκτιον"), ("\u{212A}ey", "kEY"), ("", "")] {
            let id = names.intern(a)
            #expect(names.intern(b) == id, "\(a) \(b)")
            #expect(names.id(of: b) == id, "\(a) \(b)")
        }
        #expect(names.count == 5)
    }

    @Test("names of every length up to three words match in any case and differ by their last byte")
    func everyLength() {
        var names = NameInterner()
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123".utf8)
        for length in 1...24 {
            let lower = String(decoding: letters.prefix(length), as: UTF8.self)
            let id = names.intern(lower)
            #expect(names.id(of: lower.uppercased()) == id, "length \(length)")
            // The same name with its last character changed is another name.
            let other = String(lower.dropLast()) + "_"
            #expect(names.id(of: other) == nil, "length \(length)")
        }
        #expect(names.count == 24)
    }

    @Test("different names get different numbers; unknown names have none")
    func differentNames() {
        var names = NameInterner()
        let pairs = [("CopyFiles", "CopyFile"), ("AddReg", "DelReg"), ("é", "e"), ("Strings.0409", "Strings.0407")]
        for (a, b) in pairs {
            #expect(names.intern(a) != names.intern(b), "\(a) \(b)")
        }
        #expect(names.id(of: "CopyFilesX") == nil)
        #expect(names.id(of: "Copy") == nil)
        // Parts of a longer name are looked up without copying them, in ASCII and other scripts.
        let install = "COPYFILES.NTamd64"
        #expect(names.id(of: install[..<install.firstIndex(of: ".")!]) == names.id(of: "CopyFiles"))
        let accented = "É.x"
        #expect(names.id(of: accented[..<accented.firstIndex(of: ".")!]) == names.id(of: "é"))
        #expect(names.id(of: install.dropFirst()) == nil)
    }

    @Test("eight bytes at a time: every printable ASCII character, at every place of a word and of the tail, matches exactly its other case")
    func everyCharacterEverywhere() {
        for length in [1, 7, 8, 9, 16, 17] {
            var names = NameInterner()
            for position in 0..<length {
                for code in UInt8(0x20)...UInt8(0x7E) {
                    var bytes = [UInt8](repeating: UInt8(ascii: "q"), count: length)
                    bytes[position] = code
                    let name = String(decoding: bytes, as: UTF8.self)
                    let id = names.intern(name)
                    let other = String(decoding: bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : ($0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0) },
                                       as: UTF8.self)
                    #expect(names.id(of: other) == id, "\(name) \(other)")
                }
            }
            // Each (place, character) pair is one name, letters counting once for both cases.
            let letters = 26, others = 0x7E - 0x20 + 1 - 2 * 26
            #expect(names.count == 1 + length * (letters + others - 1), "length \(length)")
        }
    }

    @Test("numbers follow first appearance and survive the table growing, agreeing with case-insensitive keys")
    func growth() {
        var names = NameInterner()
        var reference: [CaseInsensitiveKey: Int32] = [:]
        for index in 0..<5_000 {
            let name = index % 3 == 0 ? "Key\(index % 1_000)" : "KEY\(index % 1_000)é"
            let id = names.intern(name)
            let expected = reference[CaseInsensitiveKey(name)] ?? Int32(reference.count)
            reference[CaseInsensitiveKey(name)] = expected
            #expect(id == expected)
        }
        #expect(names.count == reference.count)
        for (key, id) in reference {
            #expect(names.id(of: key.text.uppercased()) == id)
        }
    }

    @Test("every named key has its number in every file, and finds its lines in any case")
    func keyNames() {
        for key in KeyName.constants {
            #expect(key.id >= 0, "\(key) has no number")
            #expect(KeyName.numbering.id(of: key.text.uppercased()) == key.id)
        }
        let document = INFDocument(bytes: Array("""
            [Install]
            copyfiles = A
            ADDREG = R1, R2
            Unrelated = x
            AddReg = R3
            """.utf8))
        let section = document.section(named: "Install")
        #expect(section?.directive(.copyFiles).map(\.lineNumber) == [2])
        #expect(section?.directiveValues(.addReg).map(\.value) == ["R1", "R2", "R3"])
        #expect(section?.firstLine(withKey: .addReg)?.lineNumber == 3)
        #expect(section?.hasKey(.addService) == false)
        #expect(section?.lines(withKeyID: document.keyNames.id(of: "UNRELATED")).map(\.lineNumber) == [4])
        #expect(document.keyNames.id(of: "Missing") == nil)
        // A key outside the known names is looked up by its text.
        #expect(KeyName("Unrelated").id < 0)
        #expect(section?.firstLine(withKey: KeyName("unrelated"))?.lineNumber == 4)
        #expect(section?.hasKey(KeyName("Missing")) == false)
    }
}
