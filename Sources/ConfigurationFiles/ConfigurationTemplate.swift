import Findings
import IsolationEngine

/// The commented `isolint.toml` that `isolint init` writes: the mode set, every other setting shown
/// as a commented-out example with what it does.
public enum ConfigurationTemplate {
    /// The template with `mode` set to `mode`.
    public static func text(mode: Mode = .isolation) -> String {
        """
        # Isolint settings for the INF files in this folder and the folders below it (up to the
        # repository root). Options given on the command line win over these settings.
        # Rules are named by name (registry-root-not-hkr), group (registry, or its letter B),
        # name prefix (registry-), InfVerif code (1320) or code range (1300-1303): `isolint
        # rules` lists them, `isolint explain NAME` explains one.

        # The validation mode, as InfVerif's switches:
        #   isolation    /w  Windows Driver: isolation rules are errors (the default)
        #   signature    /h  what signing requires today: isolation minus the published exceptions
        #   universal    /u  universal INF syntax; isolation rules are warnings
        #   declarative  /k  declarative (DCH) rules; isolation rules are warnings
        #   desktop          Windows Desktop Driver: every rule is at most a warning
        mode = "\(mode.rawValue)"

        # Report only these rules (default: every rule).
        # select = ["registry", "1322"]

        # Report these rules as well as the selected ones.
        # extend-select = ["binary"]

        # Never report these rules.
        # ignore = ["hkcr-modification"]

        # Report only findings this baseline does not hold (a path relative to this file). Write it
        # with `isolint check --write-baseline isolint-baseline.json` to accept today's findings
        # and fail only on new ones.
        # baseline = "isolint-baseline.json"

        # INF files larger than this are reported as unreadable instead of being read (a number of
        # bytes, or a size such as "512kB" or "64MB"; the default is 64 MB).
        # max-file-size = "64MB"

        # Rules ignored in the files whose path (relative to this file) matches a glob: * and ?
        # within a folder name, ** across folders.
        # [per-path-ignores]
        # "legacy/**" = ["registry-root-not-hkr", "1322"]

        # Levels of your own, in every mode. Rules InfVerif does not have (the binary scans, say) are at
        # most warnings, so that isolint fails a build only where InfVerif would; raise them here.
        # [levels]
        # binary-hardcoded-registry-path = "error"
        # binary-hardcoded-file-path = "error"

        # To silence a rule on one line of an INF, put a comment on that line or the line above:
        #   ; isolint: ignore[registry-root-not-hkr] the key belongs to our own service

        """
    }
}
