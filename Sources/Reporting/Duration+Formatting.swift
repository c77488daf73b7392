extension Duration {
    /// The duration in whole milliseconds, rounded to the nearest; negative durations count as zero.
    var roundedMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let total = seconds * 1000 + (attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000
        return Swift.max(0, total)
    }

    /// Seconds with two decimals, as in `0.41 s`.
    var secondsDescription: String {
        let hundredths = (roundedMilliseconds + 5) / 10
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }

    /// InfVerif's way of writing a duration: `0 m 1 s 12 ms`.
    var infVerifDescription: String {
        let milliseconds = roundedMilliseconds
        return "\(milliseconds / 60_000) m \(milliseconds / 1000 % 60) s \(milliseconds % 1000) ms"
    }
}
