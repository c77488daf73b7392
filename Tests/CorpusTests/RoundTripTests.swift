import Foundation
import INFSyntax
import TestSupport
import Testing

@Suite("Corpus round trip", .enabled(if: SharedData.hasCorpus, SharedData.corpusAbsent))
struct RoundTripTests {
    @Test("the manifest lists all 720 corpus files")
    func manifestIsComplete() throws {
        #expect(try SharedData.corpusFiles().count == 720)
    }

    @Test("every corpus file parses and prints back byte for byte")
    func printIsIdentity() throws {
        var identical = 0
        let files = try SharedData.corpusFiles()
        for file in files {
            let bytes = try SharedData.bytes(ofCorpusFile: file)
            let tree = INFParser.parse(bytes: bytes, path: file)
            // Logical lines tile the parsed text with no gap and no overlap.
            var next = 0
            for line in tree.lines {
                #expect(line.range.lowerBound == next, "\(file): gap before line \(line.firstPhysicalLine)")
                next = line.range.upperBound
            }
            #expect(next == tree.textEnd, "\(file): lines end at \(next), text at \(tree.textEnd)")
            #expect(tree.readError == nil, "\(file): \(String(describing: tree.readError))")
            if tree.print() == bytes { identical += 1 } else { Issue.record("\(file): print(tree) differs from the file") }
        }
        print("round trip: \(identical) of \(files.count) files identical")
        #expect(identical == files.count)
    }

    @Test("the encodings found match the manifest")
    func encodingsMatchManifest() throws {
        let manifest = try String(contentsOf: SharedData.corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        for row in manifest.split(separator: "\n").dropFirst() {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let file = columns[0].replacingOccurrences(of: "/", with: "__") + "/" + columns[2]
            let encoding = EncodingDetector.detect(try SharedData.bytes(ofCorpusFile: file))
            switch columns[4] {
            case "utf-16le-bom": #expect(encoding == .utf16LE(bom: true), "\(file)")
            case "utf-8-bom": #expect(encoding == .utf8BOM, "\(file)")
            default: #expect(encoding == .ansi, "\(file)")
            }
        }
    }
}
