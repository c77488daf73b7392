#!/usr/bin/env python3
"""Writes the hostile input files under Tests/Fixtures/hostile/: the encoding traps of SetupAPI
(docs: inf-syntax rows 1-9), random bytes, a zip archive named .inf, a PE whose section table points
past the end of the file, an empty file, a UTF-16 file with an odd byte count and a file of NULs.
The output is deterministic; run it again after changing it and commit the files."""
import io
import os
import random
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "Fixtures", "hostile")

VERSION = '[Version]\r\nSignature="$Windows NT$"\r\nClass=System\r\n'


def u16(text, bom=True):
    return (b"\xff\xfe" if bom else b"") + text.encode("utf-16-le")


def pe_section_past_end():
    """A PE32+ image whose one section claims raw data far past the end of the file, and whose
    section table itself runs past the end (NumberOfSections says 40)."""
    dos = bytearray(0x80)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 0x80)
    coff = struct.pack("<HHIIIHH", 0x8664, 40, 0, 0, 0, 0xF0, 0x2022)
    opt = bytearray(0xF0)
    struct.pack_into("<H", opt, 0, 0x20B)           # PE32+
    struct.pack_into("<I", opt, 16, 0x1000)         # AddressOfEntryPoint
    struct.pack_into("<Q", opt, 24, 0x140000000)    # ImageBase
    struct.pack_into("<II", opt, 32, 0x1000, 0x200) # alignments
    struct.pack_into("<I", opt, 56, 0x3000)         # SizeOfImage
    struct.pack_into("<I", opt, 60, 0x200)          # SizeOfHeaders
    struct.pack_into("<H", opt, 68, 1)              # native subsystem
    struct.pack_into("<I", opt, 108, 16)            # NumberOfRvaAndSizes
    struct.pack_into("<II", opt, 112 + 8, 0x1000, 0x7FFFFFF0)  # import directory, huge
    section = struct.pack("<8sIIIIIIHHI", b".text", 0x1000, 0x1000, 0x7FFFFF00, 0x7FFFFF00, 0, 0, 0, 0, 0x60000020)
    return bytes(dos) + b"PE\0\0" + coff + bytes(opt) + section


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("driver.inf", date_time=(2020, 1, 1, 0, 0, 0))
        archive.writestr(info, VERSION + "[Strings]\r\n")
    return buffer.getvalue()


def files():
    rng = random.Random(20261125)
    body = VERSION + "[Strings]\r\nName = \"caf\u00e9\"\r\n"
    yield "enc-01-utf16le-no-bom.inf", u16(body, bom=False)
    yield "enc-02-utf16le-bom-odd-length.inf", u16(body) + b"\x00"
    yield "enc-02-utf16le-nul-char.inf", u16(VERSION + "[Strings]\r\nA = \"x\0y\"\r\n")
    yield "enc-03-nul-byte-even.inf", (VERSION + "[Strings]\r\nk = a\0b\r\n").encode("latin-1") + (b"" if len(VERSION + "[Strings]\r\nk = a\0b\r\n") % 2 == 0 else b" ")
    yield "enc-03-nul-byte-odd.inf", (VERSION + "[Strings]\r\nk = a\0b\r\n").encode("latin-1") + (b" " if len(VERSION + "[Strings]\r\nk = a\0b\r\n") % 2 == 0 else b"")
    yield "enc-04-utf16be-bom.inf", b"\xfe\xff" + body.encode("utf-16-be")
    yield "enc-05-utf8-no-bom.inf", body.encode("utf-8")
    yield "enc-06-ansi-high-bytes.inf", VERSION.encode() + b"[Strings]\r\nEuro = \x80 \x81 \xff\r\n"
    yield "enc-07-nul-in-tokens.inf", VERSION.encode() + b"[sec\0tion]\r\nk\0ey = a\0b\r\nend = \0\r\n[Strings]\r\n "
    yield "enc-08-control-z.inf", VERSION.encode() + b"[Strings]\r\nb = mid\x1aline\r\n[Ignored]\r\n"
    yield "enc-09-utf16le-lone-surrogate.inf", b"\xff\xfe" + (VERSION + "[Strings]\r\nS = \"").encode("utf-16-le") + b"\x00\xd8" + "\"\r\n".encode("utf-16-le")
    yield "random-bytes.inf", bytes(rng.randrange(256) for _ in range(4096))
    yield "zip-renamed.inf", zip_bytes()
    yield "empty.inf", b""
    yield "utf16-odd-byte-count.inf", u16(VERSION + "[Strings]\r\n")[:-1]
    yield "only-nuls.inf", b"\0" * 4096
    yield "pe-section-past-end.sys", pe_section_past_end()


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in files():
        with open(os.path.join(OUT, name), "wb") as handle:
            handle.write(data)
    print(f"wrote {len(list(files()))} files to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
