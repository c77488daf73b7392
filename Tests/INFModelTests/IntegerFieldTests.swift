import INFModel
import Testing

@Suite("Integer fields (row 51)")
struct IntegerFieldTests {
    @Test("strtol base 0: hexadecimal, octal, decimal, signs, leading space", arguments: [
        ("0x10", Int32(16)), ("0X1f", 31), ("010", 8), ("+7", 7), ("-5", -5), (" 42", 42), ("0", 0), ("", 0),
        ("2147483647", Int32.max), ("-2147483648", Int32.min),
    ])
    func parsesLikeStrtol(text: String, expected: Int32) {
        #expect(IntegerField(parsing: text) == .value(expected))
    }

    @Test("trailing characters and bare signs are invalid", arguments: ["12abc", "-", "0x", "abc", "1 2", "09"])
    func rejectsJunk(text: String) {
        #expect(IntegerField(parsing: text) == .invalid)
    }

    @Test("out of range is reported instead of saturating (row 52)")
    func outOfRange() {
        #expect(IntegerField(parsing: "4294967295") == .outOfRange(4_294_967_295))
        #expect(IntegerField(parsing: "-2147483649") == .outOfRange(-2_147_483_649))
        #expect(IntegerField(parsing: "99999999999999999999") == .outOfRange(nil))
    }

    @Test("flags and DWORD data read as unsigned 32-bit values")
    func unsigned() {
        #expect(IntegerField(parsing: "0xFFFFFFFF").uint32 == 0xFFFF_FFFF)
        #expect(IntegerField(parsing: "0x00010001").uint32 == 0x0001_0001)
        #expect(IntegerField(parsing: "-1").uint32 == 0xFFFF_FFFF)
        #expect(IntegerField(parsing: "0x100000000").uint32 == nil)
    }
}
