import Dispatch
import Foundation
import Platform

/// Formats the items of a report on every core and hands the results on in item order: the items
/// go in rounds, each round split into pieces formatted in parallel, so that only one round's output
/// is held at a time.
enum OrderedParallel {
    /// Calls `format` on consecutive ranges of `0..<count` (at most `pieceSize` items each), in
    /// parallel within a round, and `output` with each result in the order of the ranges.
    static func forEachPiece<Piece: Sendable>(count: Int, pieceSize: Int = 256, empty: Piece,
                                              format: @Sendable (Range<Int>) -> Piece, output: (Piece) -> Void) {
        let pieces = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < count {
            let end = min(start + pieces * pieceSize, count)
            let round = start
            let results = ResultSlots<Piece>(count: pieces, empty: empty)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let first = round + piece * pieceSize
                guard first < end else { return }
                results.set(piece, format(first..<min(first + pieceSize, end)))
            }
            let formatted = results.takeAll()
            for piece in 0..<pieces where round + piece * pieceSize < end { output(formatted[piece]) }
            start = end
        }
    }
}
